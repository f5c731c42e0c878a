package io.intime.identity.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.intime.identity.CurrentUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated user as Spring Security holds it (in the session for page sign-ins);
 * equal by user id.
 */
public final class UserPrincipal implements UserDetails {

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
