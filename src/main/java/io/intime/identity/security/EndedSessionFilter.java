package io.intime.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out a request whose session was ended (a password change, a deactivation, a role
 * change: {@link UserSessions}), on whichever node it arrives. Spring Session's session
 * registry marks such a session with an attribute ({@code expireNow()} of its session
 * information); this filter reads it from the session the request already loaded. Spring
 * Security's ConcurrentSessionFilter would ask the session registry instead, which reads
 * the session from PostgreSQL a second time on every request.
 */
class EndedSessionFilter extends OncePerRequestFilter {

	/**
	 * The attribute that Spring Session's {@code SpringSessionBackedSessionInformation}
	 * sets when it expires a session (the class and its constant are not public); the
	 * tests of ended sessions fail if it ever changes.
	 */
	static final String ENDED = "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";

	private final SessionInformationExpiredStrategy ended;

	EndedSessionFilter(SessionInformationExpiredStrategy ended) {
		this.ended = ended;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session == null || !Boolean.TRUE.equals(session.getAttribute(ENDED))) {
			chain.doFilter(request, response);
			return;
		}
		SessionInformation information = new SessionInformation("ended", session.getId(),
				new java.util.Date(session.getLastAccessedTime()));
		session.invalidate();
		SecurityContextHolder.clearContext();
		ended.onExpiredSessionDetected(new SessionInformationExpiredEvent(information, request, response, chain));
	}

}
