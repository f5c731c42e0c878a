package io.intime;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Test-only beans of the shared {@link IntegrationTest} context. They live here, not in
 * the test class that uses them, so that every class with {@link IntegrationTest} has the
 * same configuration and Spring's context cache gives them all one context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestProbes {

	/**
	 * Runs as many statements as asked, then sleeps: what the request metrics should
	 * report.
	 */
	@RestController
	static class RequestMetricsProbe {

		private final JdbcClient jdbc;

		RequestMetricsProbe(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/test/request-metrics")
		String run(@RequestParam int statements, @RequestParam(defaultValue = "0") long sleepMs)
				throws InterruptedException {
			for (int i = 0; i < statements; i++) {
				jdbc.sql("select 1").query(Integer.class).single();
			}
			Thread.sleep(sleepMs);
			return String.valueOf(statements);
		}

	}

	/**
	 * Lets MockMvc tests keep a signed-in session in a {@code MockHttpSession}, as they
	 * did before sessions moved to PostgreSQL. Spring Session finds its session by the
	 * {@code SESSION} cookie, never in the container's session, and MockMvc keeps no
	 * cookies: this filter, outside Spring Session's, notes the cookie a response sets in
	 * the request's {@code MockHttpSession} and sends it with every later request made
	 * with that {@code MockHttpSession}. The session itself is Spring Session's, in the
	 * database, as in production.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> mockSessionCookies() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new MockSessionCookies());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class MockSessionCookies extends OncePerRequestFilter {

		private static final String COOKIE = "SESSION";

		private static final String KEPT = MockSessionCookies.class.getName();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (WebUtils.getNativeRequest(request, MockHttpServletRequest.class) == null) {
				// a real server (an application a test starts itself): the client keeps
				// cookies
				chain.doFilter(request, response);
				return;
			}
			HttpSession mock = request.getSession(false);
			String kept = mock == null ? null : (String) mock.getAttribute(KEPT);
			boolean sent = request.getCookies() != null
					&& Arrays.stream(request.getCookies()).anyMatch(cookie -> COOKIE.equals(cookie.getName()));
			HttpServletRequest withCookie = kept == null || sent ? request : new HttpServletRequestWrapper(request) {
				@Override
				public Cookie[] getCookies() {
					Cookie[] cookies = super.getCookies();
					return Stream
						.concat(cookies == null ? Stream.empty() : Arrays.stream(cookies),
								Stream.of(new Cookie(COOKIE, kept)))
						.toArray(Cookie[]::new);
				}
			};
			chain.doFilter(withCookie, response);
			for (String header : response.getHeaders("Set-Cookie")) {
				if (header.startsWith(COOKIE + "=")) {
					String value = header.substring(COOKIE.length() + 1, header.indexOf(';'));
					if (value.isEmpty() || header.contains("Max-Age=0")) {
						if (mock != null) {
							mock.removeAttribute(KEPT);
						}
					}
					else {
						request.getSession(true).setAttribute(KEPT, value);
					}
				}
			}
		}

	}

	/** A notification kind to email, for the delivery tests. */
	@Bean
	io.intime.notifications.NotificationKind testMailKind() {
		return new io.intime.notifications.NotificationKind("test.mail", "Test mail",
				"A notice the delivery tests send", java.util.Set.of(io.intime.notifications.Audience.OWNER),
				io.intime.notifications.NotificationSeverity.NORMAL,
				java.util.Set.of(io.intime.notifications.Channel.EMAIL));
	}

	/**
	 * A workflow with every kind of step people act on, for the engine's tests: a form, a
	 * sequential approval by finance then a sales director that returns to the form when
	 * rejected, a client's survey, a decision that loops back or goes on, two automated
	 * steps (one that fails as often as {@link FlakyAction#failures} says) and a to-do.
	 */
	@Bean
	io.intime.workflows.BuiltInTemplate testFlowTemplate() {
		return io.intime.workflows.WorkflowTestTemplates.testFlow();
	}

	@Bean
	io.intime.workflows.WorkflowAction testNoteAction() {
		return new io.intime.workflows.WorkflowAction() {

			@Override
			public String key() {
				return "test.note";
			}

			@Override
			public String label() {
				return "Writes a line";
			}

			@Override
			public io.intime.workflows.ActionResult run(io.intime.workflows.ActionContext context) {
				return io.intime.workflows.ActionResult
					.of("Intake ARR " + context.value("intake", "arr") + ", attempt " + context.attempt())
					.with("seen", context.value("intake", "arr"));
			}
		};
	}

	@Bean
	FlakyAction testFlakyAction() {
		return new FlakyAction();
	}

	/** Fails while {@link #failures} is above zero, counting down. */
	public static class FlakyAction implements io.intime.workflows.WorkflowAction {

		public static final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

		@Override
		public String key() {
			return "test.flaky";
		}

		@Override
		public String label() {
			return "Fails as often as asked";
		}

		@Override
		public io.intime.workflows.ActionResult run(io.intime.workflows.ActionContext context) {
			if (failures.getAndDecrement() > 0) {
				throw new IllegalStateException("the provider did not answer");
			}
			return io.intime.workflows.ActionResult.of("Flaky step passed on attempt " + context.attempt());
		}

	}

}
