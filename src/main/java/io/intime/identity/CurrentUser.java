package io.intime.identity;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Arrays;

import io.intime.shared.Actor;

/**
 * The signed-in user making a request. Controllers receive it as a parameter; facades
 * take it to decide what the user may see and do. Serializable: it is part of the
 * signed-in principal, which the session keeps in PostgreSQL.
 */
public record CurrentUser(long id, String username, String fullName, Role role,
		ZoneId timeZone) implements Serializable {

	/** The user as the actor of the events and audit entries their requests cause. */
	public Actor actor() {
		return Actor.user(id, username);
	}

	public boolean hasRole(Role... roles) {
		return Arrays.asList(roles).contains(role);
	}

	/** Executives, sales directors and admins see and change every account. */
	public boolean seesEverything() {
		return hasRole(Role.EXECUTIVE, Role.SALES_DIRECTOR, Role.ADMIN);
	}

	public String initials() {
		String[] parts = fullName.trim().split("\\s+");
		String first = parts[0].isEmpty() ? "?" : parts[0].substring(0, 1);
		String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
		return (first + last).toUpperCase();
	}
}
