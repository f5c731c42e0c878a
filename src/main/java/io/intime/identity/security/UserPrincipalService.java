package io.intime.identity.security;

import io.intime.shared.Today;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads a user for sign-in. Not a bean of its own: the one authentication provider of
 * {@link SecurityConfiguration} uses it (a UserDetailsService bean beside that provider
 * would only make Spring Security warn that it is unused).
 */
class UserPrincipalService implements UserDetailsService {

	private final Users users;

	private final Today time;

	UserPrincipalService(Users users, Today time) {
		this.users = users;
		this.time = time;
	}

	/**
	 * The repository reads in its own transaction; the principal copies plain columns
	 * only.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.findForSignIn(username)
			.map(user -> new UserPrincipal(user, time.now()))
			.orElseThrow(() -> new UsernameNotFoundException("No user " + username));
	}

}
