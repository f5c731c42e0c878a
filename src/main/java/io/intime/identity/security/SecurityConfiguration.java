package io.intime.identity.security;

import java.util.Map;

import io.intime.shared.Today;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

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

	/**
	 * BCrypt at the cost of {@code intime.security.bcrypt-cost} (default 10, i.e. 2^10
	 * rounds; a firm may raise it). Hashes keep their {@code {bcrypt}} prefix so that the
	 * algorithm can change later; a hash records its own cost, so changing the setting
	 * never locks anyone out. The test suites set the cost to 4: it signs in thousands of
	 * times and would otherwise spend its minutes hashing.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${intime.security.bcrypt-cost:10}") int cost) {
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
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

	/**
	 * The sessions of every node: Spring Session's repository in PostgreSQL, searched by
	 * its principal name index (the username). Ending a session marks it expired in the
	 * database, so whichever node serves its next request signs it out. (No session
	 * events are needed: the registry keeps nothing of its own.)
	 */
	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService tokens,
			ApiAuthenticationEntryPoint apiEntryPoint, RecordingAccessDeniedHandler accessDenied,
			ObjectProvider<OidcConfiguration.OidcLogin> oidcLogin,
			@Value("${intime.security.password-login:true}") boolean passwordLogin) throws Exception {
		var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		var signIn = new LoginUrlAuthenticationEntryPoint("/login");
		// Actuator endpoints answer their clients (Prometheus) with a 401, never a
		// sign-in
		// page.
		var actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
		AuthenticationEntryPoint entryPoint = (request, response, exception) -> {
			if (api.matches(request) || actuator.matches(request)) {
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
		// The page to return to after signing in is remembered for page requests only: an
		// API or actuator client without credentials gets its 401 and no session
		// (sessions
		// are rows in PostgreSQL; a scanner must not fill the table).
		var pagesOnly = new HttpSessionRequestCache();
		pagesOnly.setRequestMatcher(
				request -> "GET".equals(request.getMethod()) && !api.matches(request) && !actuator.matches(request));
		var failure = new ExceptionMappingAuthenticationFailureHandler();
		failure.setExceptionMappings(Map.of(DisabledException.class.getName(), "/login?disabled"));
		failure.setDefaultFailureUrl("/login?error");
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/setup", "/invite/*", "/reset-password/*", "/css/**", "/js/**", "/img/**",
					"/webjars/**", "/favicon.svg", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
					// mail providers post inbound email with a shared secret
					// (InboundEmailApi checks it)
					"/api/v1/inbound/email")
			.permitAll()
			// calendar programs subscribe to a personal feed by its secret token
			// (Meetings.feed)
			.requestMatchers(org.springframework.http.HttpMethod.GET, "/calendar/feed/*")
			.permitAll()
			// client stakeholders act on their workflow step, or raise a billing dispute,
			// through a link of their own (ClientParticipation and ClientDisputeLinks
			// check it on every request)
			.requestMatchers("/client/*", "/client/*/**", "/client-disputes/*")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			// Metrics: scraped with an administrator's API token (README: Metrics).
			.requestMatchers("/actuator/prometheus")
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
			// Sessions are Spring Session's (PostgreSQL), indexed by principal name: the
			// registry over them finds a user's sessions to end (UserSessions), and the
			// ended-session filter signs out their next request.
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.addFilterAt(new EndedSessionFilter(expired), ConcurrentSessionFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
			.requestCache(cache -> cache.requestCache(pagesOnly))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		OidcConfiguration.OidcLogin oidc = oidcLogin.getIfAvailable();
		requireSomeSignIn(passwordLogin, oidc != null);
		if (oidc != null) {
			oidc.configure(http);
		}
		if (!passwordLogin) {
			// Passwords are off: no form sign-in (POST /login is refused) and no HTTP
			// Basic; API tokens keep working.
			http.formLogin(AbstractHttpConfigurer::disable).httpBasic(AbstractHttpConfigurer::disable);
		}
		return http.build();
	}

	/**
	 * Refuses a configuration in which nobody could sign in: passwords switched off
	 * without an identity provider.
	 */
	static void requireSomeSignIn(boolean passwordLogin, boolean identityProvider) {
		if (!passwordLogin && !identityProvider) {
			throw new IllegalStateException("intime.security.password-login=false switches password sign-in off, "
					+ "but no identity provider is configured (intime.oidc.issuer-uri, INTIME_OIDC_ISSUER_URI): "
					+ "nobody could sign in. Configure the identity provider or leave password sign-in on.");
		}
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
