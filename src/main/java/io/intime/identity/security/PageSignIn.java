package io.intime.identity.security;

import io.intime.identity.CurrentUser;
import io.intime.shared.NotFoundException;
import io.intime.shared.Today;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a user in from a page of their own (the first administrator's setup, an accepted
 * invitation, a reset password) as the sign-in form would: a fresh session id, the
 * security context kept in the session, the session registered so that deactivating the
 * user ends it.
 */
@Component
public class PageSignIn {

	private final Users users;

	private final SessionRegistry registry;

	private final Today time;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	PageSignIn(Users users, SessionRegistry registry, Today time) {
		this.users = users;
		this.registry = registry;
		this.time = time;
	}

	public void signIn(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		User saved = users.findById(user.id()).orElseThrow(() -> new NotFoundException("User", user.id()));
		UserPrincipal principal = new UserPrincipal(saved, time.now());
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(authentication);
		holder.setContext(context);
		repository.saveContext(context, request, response);
		registry.registerNewSession(request.getSession().getId(), principal);
	}

}
