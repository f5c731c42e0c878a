package io.intime.identity.security;

import java.util.Map;

import io.intime.shared.Today;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;

/**
 * Who may reach what. Pages sign in with a form (CSRF-protected, a fresh session id on
 * sign-in, each session registered so that a password change can end the others); the API
 * also takes HTTP Basic and personal API tokens. CSRF is skipped only for {@code /api/**}
 * requests that carry their own Basic or Bearer credentials or have no session (nothing
 * to forge); a page request needs its CSRF token whatever it carries. A page request
 * without credentials is sent to the sign-in page; an API request without them, and any
 * request with wrong Basic or Bearer credentials, gets a problem+json 401 with a Bearer
 * challenge, never a Basic one (a browser would ask for a password and then send it with
 * every request). Record-level rules (which accounts a user may edit) live in the
 * modules' facades.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

	/**
	 * No inline scripts (the pages' scripts are files under /js). Styles allow
	 * 'unsafe-inline' because the health page draws its bars and score ring with computed
	 * style attributes and htmx adds its indicator style element; styles cannot run code.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "accelerometer=(), gyroscope=(), magnetometer=()";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Checks the password before the lock-out, so that a locked user with a wrong
	 * password gets the same "bad credentials" (and the same password-hashing time) as an
	 * unknown user; a locked user with the right password is refused all the same, with
	 * the same answer.
	 */
	@Bean
	DaoAuthenticationProvider authenticationProvider(Users users, PasswordEncoder passwordEncoder, Today time) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new UserPrincipalService(users, time));
		provider.setPasswordEncoder(passwordEncoder);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return provider;
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/**
	 * Tells the session registry when a session ends (a servlet listener, registered by
	 * Boot).
	 */
	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService tokens,
			ApiAuthenticationEntryPoint apiEntryPoint, RecordingAccessDeniedHandler accessDenied,
			SessionRegistry sessionRegistry) throws Exception {
		var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		var signIn = new LoginUrlAuthenticationEntryPoint("/login");
		AuthenticationEntryPoint entryPoint = (request, response, exception) -> {
			if (api.matches(request)) {
				apiEntryPoint.commence(request, response, exception);
			}
			else {
				signIn.commence(request, response, exception);
			}
		};
		SessionInformationExpiredStrategy expired = event -> {
			if (api.matches(event.getRequest())) {
				apiEntryPoint.commence(event.getRequest(), event.getResponse(),
						new SessionAuthenticationException("This session was ended; sign in again"));
			}
			else {
				event.getResponse().sendRedirect(event.getRequest().getContextPath() + "/login?expired");
			}
		};
		var failure = new ExceptionMappingAuthenticationFailureHandler();
		failure.setExceptionMappings(Map.of(DisabledException.class.getName(), "/login?disabled"));
		failure.setDefaultFailureUrl("/login?error");
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/setup", "/invite/*", "/reset-password/*", "/css/**", "/js/**", "/img/**",
					"/webjars/**", "/favicon.svg", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failure))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// Wrong Basic or Bearer credentials come from a client, not a browser: a 401
			// problem on any path.
			.httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
			.addFilterBefore(new BearerTokenAuthenticationFilter(tokens, apiEntryPoint),
					BasicAuthenticationFilter.class)
			// An API request without a session cannot ride on anyone's session either: it
			// gets its 401 instead of a CSRF 403 that hides the missing credentials.
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> api.matches(request)
					&& (carriesCredentials(request) || request.getSession(false) == null)))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
				.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredSessionStrategy(expired))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		return http.build();
	}

	/**
	 * HTTP Basic or a Bearer token in the Authorization header (any other scheme counts
	 * for nothing).
	 */
	private static boolean carriesCredentials(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null
				&& (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "Bearer ", 0, 7));
	}

}
