package io.intime.health;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactView;
import io.intime.health.model.DefaultHealthModel;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModels;
import io.intime.health.scoring.HealthRecompute;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class HealthApiAndPagesIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HealthRecompute recompute;

	@Autowired
	HealthModels models;

	@Autowired
	io.intime.health.HealthScores scores;

	AccountFixtures fixtures;

	CurrentUser owner;

	AccountDetails account;

	ContactView jane;

	LocalDate today;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		owner = fixtures.user(Role.ACCOUNT_MANAGER);
		account = fixtures.account(owner);
		jane = fixtures.contact(account);
		today = recompute.today();
		HealthFacts facts = new HealthFacts(jdbc, account.id());
		facts.placement("Frontend Developer", today.minusDays(60), null);
		for (int month = 1; month <= 6; month++) {
			facts.invoice(today.minusMonths(month).minusDays(10), 30, today.minusMonths(month).plusDays(12),
					new BigDecimal("23000.00"));
		}
		facts.nps(3, today.minusDays(43), "Not meeting expectations")
			.activity("MEETING", "OUTBOUND", today.minusDays(70), true, jane.id())
			.activity("EMAIL", "OUTBOUND", today.minusDays(12), false, jane.id())
			.activity("EMAIL", "OUTBOUND", today.minusDays(5), false, jane.id())
			.escalation(AccountFixtures.unique("ESC-C"), "Missed deadline", today.minusDays(48), today.minusDays(41))
			.escalation(AccountFixtures.unique("ESC-D"), "Poor candidate quality", today.minusDays(36),
					today.minusDays(33));
	}

	@Test
	void theApiGivesTheCurrentScoreWithComponentsAndItsHistory() {
		String uri = "/api/v1/accounts/" + account.id() + "/health";
		assertThat(mvc.get().uri(uri).with(as(owner)).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		recompute.recompute(List.of(account.id()));

		JsonNode health = body(mvc.get().uri(uri).with(as(owner)).exchange());
		assertThat(health.get("score").asInt()).isEqualTo(35);
		assertThat(health.get("band").asString()).isEqualTo("RED");
		JsonNode hiring = health.get("components").get(0);
		assertThat(hiring.get("key").asString()).isEqualTo("hiring");
		assertThat(hiring.get("points").asInt()).isZero();
		assertThat(hiring.get("maximum").asInt()).isEqualTo(25);
		assertThat(hiring.get("explanation").asString()).contains("No active jobs");
		assertThat(health.get("components").get(2).get("percent").asInt()).isEqualTo(25);
		assertThat(health.get("moves").size()).isPositive();

		JsonNode history = body(
				mvc.get().uri(uri + "/history?from=" + today.minusDays(7) + "&to=" + today).with(as(owner)).exchange());
		assertThat(history.get("items").size()).isEqualTo(1);
		assertThat(history.get("items").get(0).get("score").asInt()).isEqualTo(35);
		assertThat(errorFields(
				mvc.get().uri(uri + "/history?from=" + today + "&to=" + today.minusDays(2)).with(as(owner)).exchange()))
			.containsExactly("from");
		assertThat(mvc.get().uri(uri + "/history?from=yesterday").with(as(owner)).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
		// Recruiters see only the accounts they work on.
		assertThat(mvc.get().uri(uri).with(as(fixtures.user(Role.RECRUITER))).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	/**
	 * The live pieces of the account pages (the header's chip, the Health tab's body)
	 * show a score only to those who may read this account's health: not to an account
	 * manager of other accounts, nor to a recruiter.
	 */
	@Test
	void theLiveHealthPiecesAreReadOnlyByThoseWhoMayReadTheAccountsHealth() {
		recompute.recompute(List.of(account.id()));
		for (String piece : List.of("chip", "live")) {
			String uri = "/accounts/" + account.id() + "/health/" + piece;
			assertThat(mvc.get().uri(uri).with(as(owner)).exchange()).hasStatus(HttpStatus.OK);
			assertThat(mvc.get().uri(uri).with(as(fixtures.user(Role.ACCOUNT_MANAGER))).exchange())
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri(uri).with(as(fixtures.user(Role.RECRUITER))).exchange())
				.hasStatus(HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void theTimelineMergesTheFactModulesNewestFirst() {
		JsonNode timeline = body(mvc.get()
			.uri("/api/v1/accounts/" + account.id() + "/timeline?since=" + today.minusDays(50) + "T00:00:00Z&limit=20")
			.with(as(owner))
			.exchange());
		List<String> kinds = new java.util.ArrayList<>();
		List<String> ats = new java.util.ArrayList<>();
		timeline.forEach(entry -> {
			kinds.add(entry.get("kind").asString());
			ats.add(entry.get("at").asString());
		});
		assertThat(kinds).anySatisfy(k -> assertThat(k).startsWith("nps"));
		assertThat(kinds).anySatisfy(k -> assertThat(k).startsWith("escalation"));
		assertThat(kinds).anySatisfy(k -> assertThat(k).startsWith("activity"));
		assertThat(ats).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(mvc.get()
			.uri("/api/v1/accounts/" + account.id() + "/timeline")
			.with(as(fixtures.user(Role.RECRUITER)))
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void adminsChangeTheModelAsANewVersionAndBadModelsAreRefusedByField() {
		JsonNode current = body(mvc.get().uri("/api/v1/health-model").with(as(owner)).exchange());
		assertThat(current.get("components").size()).isEqualTo(6);
		int version = current.get("version").asInt();
		CurrentUser admin = fixtures.user(Role.ADMIN);
		String model = "{'basedOnVersion': %d, 'note': 'NPS weighs more', 'name': 'Rubric, NPS 25', 'greenFrom': 80, 'yellowFrom': 50, 'components': ["
				+ "{'key': 'nps', 'label': 'NPS', 'measure': 'NPS', 'maximum': %d, 'windowDays': 180, 'bands': [{'points': %d, 'label': 'promoter', 'min': 9}]},"
				+ "{'key': 'hiring', 'label': 'Hiring', 'measure': '%s', 'maximum': 75, 'windowDays': 90, 'bands': [{'points': 75, 'label': 'busy', 'min': 1}]}]}";
		assertThat(put(owner, model.formatted(version, 25, 25, "HIRING_VELOCITY"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(errorFields(put(admin, model.formatted(version, 20, 20, "HIRING_VELOCITY"))))
			.containsExactly("components");
		assertThat(errorFields(put(admin, model.formatted(version, 25, 30, "HIRING_VELOCITY"))))
			.containsExactly("components[0].bands[0].points");
		assertThat(errorFields(put(admin, model.formatted(version, 25, 25, "GOLF_SCORE")))).hasSize(1)
			.allSatisfy(field -> assertThat(field).contains("measure"));
		try {
			MvcTestResult saved = put(admin, model.formatted(version, 25, 25, "HIRING_VELOCITY"));
			assertThat(saved).hasStatusOk();
			assertThat(body(saved).get("version").asInt()).isEqualTo(version + 1);
			assertThat(body(saved).get("note").asString()).isEqualTo("NPS weighs more");
			assertThat(put(admin, model.formatted(version, 25, 25, "HIRING_VELOCITY"))).hasStatus(HttpStatus.CONFLICT);
			assertThat(body(mvc.get().uri("/api/v1/health-model/versions").with(as(owner)).exchange()).get(0)
				.get("version")
				.asInt()).isEqualTo(version + 1);
		}
		finally {
			// Other tests in this context score with the rubric.
			HealthModel rubric = DefaultHealthModel.create();
			models.save(rubric, models.current().version(), "Back to the rubric", admin);
		}
	}

	@Test
	void adminsSwitchToSpec01sFiveComponentsAndBack() {
		CurrentUser admin = fixtures.user(Role.ADMIN);
		int version = models.current().version();
		assertThat(mvc.post()
			.uri("/api/v1/health-model/presets/spec01")
			.with(as(owner))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"basedOnVersion\": " + version + "}")
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/api/v1/health-model/presets/golf")
			.with(as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"basedOnVersion\": " + version + "}")
			.exchange()).hasStatus(HttpStatus.NOT_FOUND);
		try {
			MvcTestResult saved = mvc.post()
				.uri("/api/v1/health-model/presets/spec01")
				.with(as(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"basedOnVersion\": " + version + "}")
				.exchange();
			assertThat(saved).hasStatusOk();
			assertThat(body(saved).get("components").size()).isEqualTo(5);
			assertThat(body(saved).get("components").get(0).get("measure").asString()).isEqualTo("MEETING_FREQUENCY");
			assertThat(body(saved).get("components").get(4).get("measure").asString()).isEqualTo("TIME_TO_FILL");
			// the account is scored with the five components, each explained
			io.intime.health.HealthReport report = scores.recompute(account.id(), admin);
			assertThat(report.components()).extracting(io.intime.health.HealthReport.Component::label)
				.containsExactly("Engagement", "Satisfaction", "Product Usage", "Financial Health", "Outcomes/Success");
			assertThat(report.modelVersion()).isEqualTo(version + 1);
		}
		finally {
			// the page's switch, back to the rubric the other tests score with
			assertThat(mvc.post()
				.uri("/health-model/preset")
				.with(as(admin))
				.param("preset", "standard")
				.param("basedOnVersion", String.valueOf(models.current().version()))
				.exchange()).hasStatus3xxRedirection();
			assertThat(models.current().components()).hasSize(6);
		}
	}

	@Test
	void theHealthPageShowsTheScoreItsReasonsAndWhatToDo() throws Exception {
		recompute.recompute(List.of(account.id()));

		Document page = page("/accounts/" + account.id() + "/health");
		assertThat(page.select("#health-total").text()).isEqualTo("35");
		assertThat(page.select("#health-band").text()).isEqualTo("Red");
		assertThat(page.select("#health-breakdown .component[data-component=hiring] .component-points strong").text())
			.isEqualTo("0");
		assertThat(page.select("#health-breakdown .component[data-component=nps] .component-why").text())
			.contains("3.0/10");
		assertThat(page.select("#health-risks li").eachText())
			.anySatisfy(t -> assertThat(t).startsWith("No open jobs"));
		assertThat(page.select("#health-actions a[href*=/activities/new]").eachAttr("href"))
			.anySatisfy(href -> assertThat(href).contains("type=CALL").contains("contactId=" + jane.id()));
		assertThat(page.select("#health-moves tbody tr")).isNotEmpty();
		assertThat(page.select("nav a[href$=/health]")).isNotEmpty();
	}

	@Test
	void theModelPageShowsTheRulesAndOnlyAdminsEditThem() throws Exception {
		Document page = page("/health-model");
		assertThat(page.select(".model-component")).hasSize(6);
		assertThat(page.select("#component-hiring tbody tr").first().text()).contains("25").contains("Open jobs ≥ 11");
		assertThat(page.select("#edit-model")).isEmpty();
		assertThat(mvc.get().uri("/health-model/edit").with(as(owner)).accept(MediaType.TEXT_HTML).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);

		CurrentUser admin = fixtures.user(Role.ADMIN);
		MvcTestResult refused = mvc.post()
			.uri("/health-model")
			.with(as(admin))
			.with(csrf())
			.param("basedOnVersion", Integer.toString(models.current().version()))
			.param("name", "Rubric")
			.param("greenFrom", "80")
			.param("yellowFrom", "50")
			.param("components[0].key", "hiring")
			.param("components[0].measure", "HIRING_VELOCITY")
			.param("components[0].label", "Hiring")
			.param("components[0].maximum", "abc")
			.param("components[0].windowDays", "90")
			.param("components[0].bands[0].points", "25")
			.param("components[0].bands[0].label", "busy")
			.exchange();
		assertThat(refused).hasStatusOk();
		Document form = Jsoup.parse(refused.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(form.select("input[name=components[0].maximum] ~ .field-error").text())
			.isEqualTo("must be a number");
		assertThat(form.select("#model-errors")).isNotEmpty();
	}

	private Document page(String uri) throws Exception {
		MvcTestResult result = mvc.get().uri(uri).with(as(owner)).accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private MvcTestResult put(CurrentUser user, String body) {
		return mvc.put()
			.uri("/api/v1/health-model")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

}
