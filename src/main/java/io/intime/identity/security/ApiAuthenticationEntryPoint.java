package io.intime.identity.security;

import java.io.IOException;

import io.intime.shared.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 for API calls without valid credentials, as problem+json. The challenge offers
 * Bearer only: a Basic challenge would make a browser ask for a password and then send
 * it, cached, with every later request (including forged ones), so API clients send Basic
 * unasked. A wrong password, an unknown user and a locked-out user get the same answer,
 * so that the answer does not tell who exists.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String SIGN_IN_FAILED = "Wrong username or password, or the user is locked for a while after repeated "
			+ "failed sign-ins";

	private final ProblemResponses problems;

	ApiAuthenticationEntryPoint(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		response.addHeader("WWW-Authenticate", "Bearer realm=\"InTime Accounts\"");
		problems.write(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail(exception), request),
				response);
	}

	private static String detail(AuthenticationException exception) {
		if (exception instanceof BadCredentialsException || exception instanceof LockedException
				|| exception instanceof UsernameNotFoundException) {
			return exception instanceof ApiTokenRefusedException ? exception.getMessage() : SIGN_IN_FAILED;
		}
		if (exception instanceof InsufficientAuthenticationException || exception.getMessage() == null) {
			return "Sign in required";
		}
		return exception.getMessage();
	}

	/** An unknown or revoked API token: says so, since a token names no user. */
	static final class ApiTokenRefusedException extends BadCredentialsException {

		ApiTokenRefusedException() {
			super("The API token is unknown or revoked");
		}

	}

}
