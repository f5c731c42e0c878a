package io.intime.identity.security;

import java.time.Duration;
import java.time.Instant;

import io.intime.identity.AuditTrail;
import io.intime.shared.Today;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a user out for a while after repeated failed sign-ins (form or HTTP Basic), which
 * turns password guessing into a crawl. A successful sign-in clears the count.
 */
@Component
class LoginAttempts {

	private final Users users;

	private final AuditTrail audit;

	private final int maxFailures;

	private final Duration lockout;

	private final Today time;

	LoginAttempts(Users users, AuditTrail audit, Today time,
			@Value("${intime.security.max-failed-logins:5}") int maxFailures,
			@Value("${intime.security.lockout-minutes:15}") long lockoutMinutes) {
		this.users = users;
		this.audit = audit;
		this.maxFailures = maxFailures;
		this.lockout = Duration.ofMinutes(lockoutMinutes);
		this.time = time;
	}

	@EventListener
	@Transactional
	void on(AuthenticationFailureBadCredentialsEvent event) {
		Instant now = time.now();
		// Guesses at a locked user do not lock it again (nor extend the lock): it is
		// locked already.
		users.findForSignIn(event.getAuthentication().getName()).filter(user -> !user.isLocked(now)).ifPresent(user -> {
			boolean locked = user.recordFailedLogin(maxFailures, now.plus(lockout));
			if (locked) {
				audit.recordSecurityEvent(user.getId(), "LOCKED",
						maxFailures + " failed sign-ins; locked until " + user.getLockedUntil());
			}
		});
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof UserPrincipal principal) {
			users.findById(principal.currentUser().id())
				.filter(user -> user.getLockedUntil() != null || user.hasFailedLogins())
				.ifPresent(User::recordSuccessfulLogin);
		}
	}

}
