package io.intime.identity.security;

import java.io.IOException;

import io.intime.identity.AuditTrail;
import io.intime.identity.Identity;
import io.intime.shared.web.ProblemResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Every denied request gets a 403 and an entry in the audit trail (who, what, why): for
 * the API as problem+json, for pages as the "not allowed" page.
 */
@Component
class RecordingAccessDeniedHandler implements AccessDeniedHandler {

	private final AuditTrail audit;

	private final ProblemResponses problems;

	RecordingAccessDeniedHandler(AuditTrail audit, ProblemResponses problems) {
		this.audit = audit;
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		String what = request.getMethod() + " " + request.getRequestURI();
		String reason = denied instanceof CsrfException ? "missing or invalid CSRF token" : denied.getMessage();
		audit.recordDenied(what, reason, Identity.currentUserOrNull());
		if (request.getRequestURI().startsWith("/api/")) {
			problems.write(ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden",
					reason == null ? "Not allowed" : reason, request), response);
			return;
		}
		request.setAttribute("deniedReason", reason);
		response.sendError(HttpServletResponse.SC_FORBIDDEN, reason);
	}

}
