package io.intime;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

}
