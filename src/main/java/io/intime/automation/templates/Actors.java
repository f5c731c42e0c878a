package io.intime.automation.templates;

import java.time.ZoneId;
import java.time.ZoneOffset;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * As whom the templates' automated steps act: a person of the run (the finance lead who
 * approved a credit issues its memo), or the system.
 */
@Component
class Actors {

	/**
	 * The system carrying out what people agreed in the run: the client e-signed an
	 * agreement whose price finance approved, so the contract is executed with the
	 * authority of the firm's signatories (executives), and the audit trail names the
	 * system. Only the automated steps that follow such an agreement act as it.
	 */
	static final CurrentUser SYSTEM = new CurrentUser(0, "system", "InTime", Role.EXECUTIVE, ZoneOffset.UTC);

	private final UserDirectory users;

	Actors(UserDirectory users) {
		this.users = users;
	}

	/** The user as the facades take them. */
	CurrentUser user(long id) {
		UserSummary user = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
		return new CurrentUser(user.id(), user.username(), user.fullName(), user.role(), ZoneId.of(user.timeZone()));
	}

	UserSummary summary(long id) {
		return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
	}

}
