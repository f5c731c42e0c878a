package io.intime.identity;

import io.intime.identity.security.UserPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the current request, for code that is not handed a {@link CurrentUser}.
 */
public final class Identity {

	private Identity() {
	}

	/**
	 * The signed-in user, or {@code null} outside a signed-in request (start-up,
	 * scheduled jobs).
	 */
	public static CurrentUser currentUserOrNull() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof UserPrincipal principal) {
			return principal.currentUser();
		}
		return null;
	}

}
