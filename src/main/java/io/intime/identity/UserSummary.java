package io.intime.identity;

/** What other modules and the API know of a user. */
public record UserSummary(long id, String username, String fullName, String email, String title, Role role,
		String timeZone, boolean enabled) {
}
