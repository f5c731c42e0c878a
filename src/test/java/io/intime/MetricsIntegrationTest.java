package io.intime;

import java.util.List;

import io.intime.accounts.AccountFixtures;
import io.intime.health.scoring.HealthRecompute;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus metrics at {@code /actuator/prometheus}: requests, SQL time, scheduler lag,
 * outbox depth and health recompute duration, scraped with an administrator's API token;
 * nobody else may read them.
 */
@IntegrationTest
class MetricsIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	HealthRecompute recompute;

	@Test
	void anAdministratorsTokenScrapesRequestsSqlSchedulerOutboxAndRecomputeMetrics() throws Exception {
		AccountFixtures fixtures = new AccountFixtures(context);
		CurrentUser admin = fixtures.user(Role.ADMIN);
		String token = token(admin);
		assertThat(mvc.get().uri("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.hasStatusOk();
		recompute.recomputeAll(recompute.today());

		MvcTestResult scraped = mvc.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();

		assertThat(scraped).hasStatusOk();
		String metrics = scraped.getResponse().getContentAsString();
		assertThat(value(metrics, "http_server_requests_seconds_count{", "uri=\"/api/v1/accounts\"")).isPositive();
		assertThat(value(metrics, "intime_sql_statements_seconds_count")).isPositive();
		assertThat(value(metrics, "intime_sql_statements_seconds_sum")).isPositive();
		assertThat(value(metrics, "intime_health_recompute_seconds_count{", "scope=\"all\"")).isPositive();
		assertThat(value(metrics, "intime_scheduler_lag_seconds")).isNotNegative();
		assertThat(value(metrics, "intime_outbox_depth")).isNotNegative();
	}

	@Test
	void anonymousScrapersGet401AndOtherUsers403() throws Exception {
		assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer itk_wrong"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		CurrentUser manager = new AccountFixtures(context).user(Role.ACCOUNT_MANAGER);
		assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(manager)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk();
		assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
	}

	private String token(CurrentUser user) throws Exception {
		MvcTestResult created = mvc.post()
			.uri("/api/v1/me/tokens")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'name': 'Prometheus'}"))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return body(created).get("secret").asString();
	}

	/**
	 * The value of the first sample whose line starts with the name and has the labels.
	 */
	private static double value(String metrics, String name, String... labels) {
		List<String> lines = metrics.lines()
			.filter(line -> line.startsWith(name + (name.endsWith("{") ? "" : " ")) || line.startsWith(name + "{"))
			.filter(line -> List.of(labels).stream().allMatch(line::contains))
			.toList();
		assertThat(lines).as("samples of %s %s in:%n%s", name, List.of(labels), metrics).isNotEmpty();
		String line = lines.get(0);
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

}
