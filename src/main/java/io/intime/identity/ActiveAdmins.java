package io.intime.identity;

import java.util.List;

import io.intime.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps at least one active administrator, so that someone can always manage users. */
@Component
class ActiveAdmins {

	private final JdbcClient jdbc;

	ActiveAdmins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Refuses when the user is the last active admin. Locks the active admins' rows, so
	 * that two admins deactivating each other at once cannot both succeed.
	 * @param field the field the refusal names
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void requireAnotherBesides(long userId, String field) {
		List<Long> admins = jdbc.sql("select id from app_user where role = 'ADMIN' and enabled for update")
			.query(Long.class)
			.list();
		if (admins.contains(userId) && admins.size() <= 1) {
			throw new InvalidInputException(field,
					"cannot change: this is the last active administrator (make someone else an admin first)");
		}
	}

}
