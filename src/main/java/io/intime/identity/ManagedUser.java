package io.intime.identity;

import java.time.Instant;

/**
 * A user as the admin's users page shows it: the summary, the sign-in lock-out (null when
 * not locked) and the version an edit starts from.
 */
public record ManagedUser(UserSummary user, Instant lockedUntil, long version) {

	public boolean locked() {
		return lockedUntil != null;
	}
}
