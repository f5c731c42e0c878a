package io.intime.identity.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 for API calls without valid credentials, as problem+json, offering Basic and Bearer. */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.addHeader("WWW-Authenticate", "Basic realm=\"InTime Accounts\"");
        response.addHeader("WWW-Authenticate", "Bearer realm=\"InTime Accounts\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String detail = exception.getMessage() == null ? "Sign in required" : exception.getMessage();
        if (exception instanceof org.springframework.security.authentication.LockedException) {
            detail = "This user is locked after repeated failed sign-ins; try again later";
        }
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail.replace("\"", "'") + "\",\"instance\":\"" + request.getRequestURI() + "\"}");
    }
}
