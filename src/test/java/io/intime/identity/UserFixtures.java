package io.intime.identity;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Users for integration tests, with unique usernames (tests share one database) and one
 * known password.
 */
public final class UserFixtures {

	public static final String PASSWORD = "correct-horse-battery";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final UserDirectory users;

	public UserFixtures(UserDirectory users) {
		this.users = users;
	}

	/** A unique suffix: the same run never repeats it. */
	public static String unique() {
		return Long.toString(System.currentTimeMillis() % 10_000_000, 36) + SEQUENCE.incrementAndGet();
	}

	public UserSummary user(Role role) {
		return user(role, "Test " + role.label());
	}

	public UserSummary user(Role role, String fullName) {
		String username = role.name().toLowerCase().replace('_', '-') + "-" + unique();
		return users.ensure(username, fullName, username + "@test.example", null, role, "America/New_York", PASSWORD);
	}

	public static CurrentUser current(UserSummary user) {
		return new CurrentUser(user.id(), user.username(), user.fullName(), user.role(), ZoneId.of(user.timeZone()));
	}

}
