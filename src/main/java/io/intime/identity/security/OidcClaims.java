package io.intime.identity.security;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.intime.identity.Role;

/**
 * What InTime reads from the claims of an OpenID Connect sign-in (ID token and user info
 * together). Providers differ: Google, Okta and Keycloak send {@code email} (with
 * {@code email_verified}); Microsoft Entra ID sends {@code email} only when the user has
 * a mail address, and otherwise the sign-in name in {@code preferred_username} or
 * {@code upn}.
 */
final class OidcClaims {

	/**
	 * When several groups map to roles, the first of this order wins: the most powerful
	 * first, so that a person in both an admins group and a users group is an admin.
	 */
	static final List<Role> ROLE_PRECEDENCE = List.of(Role.ADMIN, Role.EXECUTIVE, Role.SALES_DIRECTOR,
			Role.ACCOUNT_MANAGER, Role.RECRUITING_MANAGER, Role.FINANCE, Role.LEGAL, Role.RECRUITER);

	private final Map<String, Object> claims;

	OidcClaims(Map<String, Object> claims) {
		this.claims = claims;
	}

	/**
	 * The person's email address, lower-cased: {@code email}, or else an address-shaped
	 * {@code preferred_username} or {@code upn} (Entra). Refused when the provider says
	 * the address is not verified ({@code email_verified} false).
	 * @throws OidcSignInRefusedException without an address, or with an unverified one
	 */
	String email() {
		Object verified = claims.get("email_verified");
		String email = address(claims.get("email"));
		if (email != null) {
			if (Boolean.FALSE.equals(verified) || "false".equalsIgnoreCase(String.valueOf(verified))) {
				throw new OidcSignInRefusedException("Your identity provider has not verified the email " + email
						+ "; verify it there, or ask your administrator.");
			}
			return email;
		}
		for (String claim : List.of("preferred_username", "upn")) {
			String address = address(claims.get(claim));
			if (address != null) {
				return address;
			}
		}
		throw new OidcSignInRefusedException(
				"Your identity provider did not tell InTime your email address (no email claim); ask your administrator.");
	}

	/**
	 * The values of the groups claim: a list of names, or one name (Entra sends group
	 * object ids unless it is told to send names; Keycloak sends paths like
	 * {@code /intime-admins} when "full group path" is on).
	 */
	Set<String> groups(String claim) {
		Object value = claims.get(claim);
		Set<String> groups = new LinkedHashSet<>();
		if (value instanceof Collection<?> many) {
			many.stream().filter(item -> item != null).map(Object::toString).forEach(groups::add);
		}
		else if (value != null && !value.toString().isBlank()) {
			groups.add(value.toString());
		}
		return groups;
	}

	/**
	 * The role the groups map to (group names compared without regard to case, and a
	 * leading "/" of a Keycloak group path ignored), by {@link #ROLE_PRECEDENCE}; empty
	 * when none maps.
	 */
	static Optional<Role> roleFor(Set<String> groups, Map<String, Role> mapping) {
		Set<Role> granted = java.util.EnumSet.noneOf(Role.class);
		for (String group : groups) {
			mapping.forEach((mapped, role) -> {
				if (normalized(mapped).equals(normalized(group))) {
					granted.add(role);
				}
			});
		}
		return ROLE_PRECEDENCE.stream().filter(granted::contains).findFirst();
	}

	/** {@code name}, else given and family name, else the email's local part. */
	String fullName(String email) {
		String name = text(claims.get("name"));
		if (name == null) {
			String joined = ((text(claims.get("given_name")) == null ? "" : text(claims.get("given_name"))) + " "
					+ (text(claims.get("family_name")) == null ? "" : text(claims.get("family_name"))))
				.trim();
			name = joined.isEmpty() ? email.substring(0, email.indexOf('@')) : joined;
		}
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/** The {@code zoneinfo} claim when it names a known time zone, else UTC. */
	String timeZone() {
		String zone = text(claims.get("zoneinfo"));
		if (zone != null) {
			try {
				return ZoneId.of(zone).getId();
			}
			catch (DateTimeException unknown) {
				// A zone Java does not know: fall back to UTC, which the user can change.
			}
		}
		return "UTC";
	}

	private static String normalized(String group) {
		String trimmed = group.trim();
		return (trimmed.startsWith("/") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
	}

	private static String address(Object value) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		int at = text.indexOf('@');
		return at > 0 && at < text.length() - 1 && text.indexOf(' ') < 0 ? text.toLowerCase(Locale.ROOT) : null;
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

}
