package io.intime.shared;

import java.util.Objects;

/**
 * Who caused a fact: a signed-in user, or the system (the nightly recompute, start-up,
 * work a listener does after a commit that no user asked for). Never empty: an event, an
 * audit entry or an entry of the event log always names one or the other.
 *
 * @param userId the user's id, or {@code null} for the system
 * @param name the user's username, or {@code system}; never null nor blank
 */
public record Actor(Long userId, String name) {

	/** The application itself. */
	public static final Actor SYSTEM = new Actor(null, "system");

	public Actor {
		Objects.requireNonNull(name, "an actor has a name");
		if (name.isBlank()) {
			throw new IllegalArgumentException("an actor has a name");
		}
	}

	/** A signed-in user. */
	public static Actor user(long userId, String username) {
		return new Actor(userId, username);
	}

	/** Whether the system rather than a user caused the fact. */
	public boolean isSystem() {
		return userId == null;
	}

	@Override
	public String toString() {
		return name;
	}
}
