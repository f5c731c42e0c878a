package io.intime.identity.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.intime.identity.CurrentUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The authenticated user as Spring Security holds it (in the session for page sign-ins);
 * equal by user id. The same for a password sign-in and a sign-in with the firm's
 * identity provider (hence also an {@link OAuth2User}, without the provider's claims).
 */
public final class UserPrincipal implements UserDetails, OAuth2User {

	private final CurrentUser currentUser;

	private final String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	UserPrincipal(User user, Instant now) {
		this.currentUser = user.toCurrentUser();
		this.passwordHash = user.getPasswordHash();
		this.enabled = user.isEnabled();
		this.locked = user.isLocked(now);
	}

	public CurrentUser currentUser() {
		return currentUser;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + currentUser.role().name()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return currentUser.username();
	}

	/** The username, as for {@link #getUsername()}. */
	@Override
	public String getName() {
		return currentUser.username();
	}

	/** None: the provider's claims are read at sign-in and not kept in the session. */
	@Override
	public Map<String, Object> getAttributes() {
		return Map.of();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/**
	 * The same user, whichever sign-in loaded it: how the session registry finds a user's
	 * sessions.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof UserPrincipal that && currentUser.id() == that.currentUser.id();
	}

	@Override
	public int hashCode() {
		return Long.hashCode(currentUser.id());
	}

}
