package io.intime.health.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.health.alerts.AlertSituation;
import io.intime.health.alerts.AlertThresholds;
import io.intime.health.alerts.AlertView;
import io.intime.health.alerts.Alerts;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.json;
import static io.intime.accounts.HealthBand.RED;
import static io.intime.accounts.HealthBand.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@IntegrationTest
class AlertApiAndPagesIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Alerts alerts;

	AccountFixtures fixtures;

	CurrentUser owner;

	AccountDetails account;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		owner = fixtures.user(Role.ACCOUNT_MANAGER);
		account = fixtures.account(owner);
		alerts.sync(List.of(new AlertSituation(account.id(), false, YELLOW, RED, 35, null, null, null, null, null, null,
				null, 45, "INV-2024-0847", 5L, 0)), AlertThresholds.DEFAULTS);
	}

	@Test
	void theApiListsMyAlertsAndAnAccountsAlerts() {
		JsonNode mine = body(mvc.get().uri("/api/v1/alerts").with(as(owner)).exchange());
		assertThat(mine.get("total").asInt()).isEqualTo(2);
		assertThat(mine.get("items").get(0).get("rule").asString()).isEqualTo("BAND_DROP");
		assertThat(mine.get("items").get(0).get("severity").asString()).isEqualTo("HIGH");
		JsonNode ofAccount = body(
				mvc.get().uri("/api/v1/alerts?accountId=" + account.id() + "&status=OPEN").with(as(owner)).exchange());
		assertThat(ofAccount.get("total").asInt()).isEqualTo(2);
		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		assertThat(body(mvc.get().uri("/api/v1/alerts").with(as(other)).exchange()).get("total").asInt()).isZero();
	}

	@Test
	void acknowledgeAndResolveTakeTheVersionAndRefuseStrangersAndStaleVersions() {
		AlertView alert = alerts.forAccount(account.id(), owner).get(0);
		CurrentUser stranger = fixtures.user(Role.ACCOUNT_MANAGER);
		assertThat(post("/api/v1/alerts/" + alert.id() + "/acknowledge", stranger,
				"{'version': %d}".formatted(alert.version())))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(errorFields(post("/api/v1/alerts/" + alert.id() + "/acknowledge", owner, "{}")))
			.containsExactly("version");
		MvcTestResult acknowledged = post("/api/v1/alerts/" + alert.id() + "/acknowledge", owner,
				"{'version': %d}".formatted(alert.version()));
		assertThat(acknowledged).hasStatusOk();
		assertThat(body(acknowledged).get("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(
				post("/api/v1/alerts/" + alert.id() + "/resolve", owner, "{'version': %d}".formatted(alert.version())))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri("/api/v1/alerts/999999999").with(as(owner)).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyAdminsChangeThresholdsAndAMissingOneIsNamed() {
		JsonNode settings = body(mvc.get().uri("/api/v1/alert-settings").with(as(owner)).exchange());
		assertThat(settings.get("thresholds").get("invoiceOverdueDays").asInt()).isEqualTo(45);
		long version = settings.get("version").asLong();
		String body = "{'version': %d, 'npsDropPoints': 20, 'touchpointDaysStrategic': 30, 'touchpointDaysOther': 90, "
				+ "'noHiringDays': 60, 'invoiceOverdueDays': 45, 'escalationsPerMonth': 3}";
		assertThat(put(owner, body.formatted(version))).hasStatus(HttpStatus.FORBIDDEN);
		CurrentUser admin = fixtures.user(Role.ADMIN);
		assertThat(errorFields(put(admin, "{'version': %d, 'npsDropPoints': 20}".formatted(version))))
			.contains("touchpointDaysStrategic");
		assertThat(errorFields(put(admin, body.replace("'noHiringDays': 60", "'noHiringDays': 0").formatted(version))))
			.containsExactly("noHiringDays");
		MvcTestResult saved = put(admin, body.formatted(version));
		assertThat(saved).hasStatusOk();
		assertThat(body(saved).get("version").asLong()).isEqualTo(version + 1);
	}

	@Test
	void theAlertsPageShowsMyOpenAlertsAndAcknowledgingMovesOne() throws Exception {
		Document page = page("/alerts");
		assertThat(page.select("article.alert-card")).hasSize(2);
		assertThat(page.select("article.alert-card[data-rule=INVOICE_OVERDUE] .alert-reason").text())
			.isEqualTo("Invoice INV-2024-0847 is 45 days overdue");
		assertThat(page.select("#alerts-open .count").text()).isEqualTo("2");
		AlertView alert = alerts.forAccount(account.id(), owner)
			.stream()
			.filter(a -> a.rule().name().equals("INVOICE_OVERDUE"))
			.findFirst()
			.orElseThrow();

		MvcTestResult result = mvc.post()
			.uri("/alerts/" + alert.id() + "/acknowledge")
			.with(as(owner))
			.with(csrf())
			.param("version", Long.toString(alert.version()))
			.param("back", "/alerts")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/alerts");
		assertThat(page("/alerts").select("#alerts-open .count").text()).isEqualTo("1");
		assertThat(page("/alerts?status=acknowledged").select("article.alert-card[data-rule=INVOICE_OVERDUE]"))
			.hasSize(1);
	}

	private Document page(String uri) throws Exception {
		MvcTestResult result = mvc.get().uri(uri).with(as(owner)).accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private MvcTestResult post(String uri, CurrentUser user, String body) {
		return mvc.post()
			.uri(uri)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

	private MvcTestResult put(CurrentUser user, String body) {
		return mvc.put()
			.uri("/api/v1/alert-settings")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

}
