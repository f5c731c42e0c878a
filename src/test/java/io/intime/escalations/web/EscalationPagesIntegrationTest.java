package io.intime.escalations.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.escalations.EscalationForm;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationStatus;
import io.intime.escalations.EscalationView;
import io.intime.escalations.ResolutionCategory;
import io.intime.escalations.Severity;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.intime.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Escalations tab of Account 360 and its form. */
@IntegrationTest
class EscalationPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EscalationManagement escalations;

	AccountFixtures fixtures;

	CurrentUser manager;

	AccountDetails account;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		manager = fixtures.user(Role.ACCOUNT_MANAGER);
		account = fixtures.account(manager);
	}

	Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void theTabShowsOpenEscalationsWithTheirAgeAndResolvedOnesWithTheirTimeToResolve() throws Exception {
		Instant now = TestClock.now();
		EscalationView resolved = escalations.create(account.id(),
				new EscalationForm("Poor candidate quality", null, Severity.P2, EscalationStatus.RESOLVED,
						now.minus(36, ChronoUnit.DAYS), now.minus(33, ChronoUnit.DAYS))
					.withStatus(EscalationStatus.RESOLVED, now.minus(33, ChronoUnit.DAYS), ResolutionCategory.FIXED),
				manager);
		EscalationView open = escalations.create(
				account.id(), new EscalationForm("Late submission", "Only 2 candidates", Severity.P1,
						EscalationStatus.OPEN, now.minus(2, ChronoUnit.DAYS).minus(3, ChronoUnit.HOURS), null),
				manager);

		Document tab = page(mvc.perform(get("/accounts/{id}/escalations", account.id()).with(as(manager)))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(tab.selectFirst("#tab-escalations").hasClass("active")).isTrue();
		assertThat(tab.select("#open-escalations tr.escalation-row").eachAttr("id"))
			.containsExactly("escalation-" + open.id());
		assertThat(tab.selectFirst("#escalation-" + open.id() + " .age").text()).isEqualTo("2 d 3 h");
		assertThat(tab.selectFirst("#escalation-" + open.id() + " .sla").text()).isEqualTo("SLA missed");
		assertThat(tab.selectFirst("#escalation-" + open.id() + " .escalation-key").text()).isEqualTo(open.key());
		assertThat(tab.select("#resolved-escalations tr.escalation-row").eachAttr("id"))
			.containsExactly("escalation-" + resolved.id());
		assertThat(tab.selectFirst("#escalation-" + resolved.id() + " .resolution").text()).isEqualTo("3 d");
		assertThat(tab.selectFirst("#stat-open").text()).isEqualTo("1");
		assertThat(tab.selectFirst("#stat-90").text()).isEqualTo("2");
		assertThat(tab.select("#new-escalation")).hasSize(1);
	}

	@Test
	void aBlankTitleIsShownBesideItAndTheFixedFormRaisesTheEscalation() throws Exception {
		Document refused = page(mvc
			.perform(post("/accounts/{id}/escalations/new", account.id()).with(as(manager))
				.param("title", " ")
				.param("description", "Client frustrated")
				.param("severity", "P2")
				.param("status", "OPEN")
				.param("raisedAt", "2026-01-15T15:42")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(refused.selectFirst("[data-field=title] .field-error").text()).isEqualTo("is required");
		assertThat(refused.selectFirst("[data-field=description] textarea").text()).isEqualTo("Client frustrated");
		assertThat(count()).isZero();

		mvc.perform(post("/accounts/{id}/escalations/new", account.id()).with(as(manager))
			.param("title", "Late submission – Senior UX Designer")
			.param("description", "Client frustrated")
			.param("severity", "P2")
			.param("status", "OPEN")
			.param("raisedAt", "2026-01-15T15:42")
			.param("version", "0"))
			.andExpect(redirectedUrlPattern("/accounts/" + account.id() + "/escalations#escalation-*"));
		assertThat(jdbc.sql("select escalation_key from escalation where account_id = :a")
			.param("a", account.id())
			.query(String.class)
			.single()).startsWith("ESC-2026-");
		assertThat(jdbc.sql("select raised_at from escalation where account_id = :a")
			.param("a", account.id())
			.query(Instant.class)
			.single()).isEqualTo(Instant.parse("2026-01-15T20:42:00Z"));
	}

	@Test
	void financeReadsTheTabButNeitherRaisesNorEditsAndAStaleEditKeepsTheOtherChange() throws Exception {
		EscalationView escalation = escalations.create(account.id(),
				new EscalationForm("Background check delays", null, Severity.P3, EscalationStatus.OPEN, null, null),
				manager);
		CurrentUser finance = fixtures.user(Role.FINANCE);
		Document tab = page(mvc.perform(get("/accounts/{id}/escalations", account.id()).with(as(finance)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(tab.select("#new-escalation")).isEmpty();
		assertThat(tab.select("#escalation-" + escalation.id() + " a.button")).isEmpty();
		mvc.perform(get("/accounts/{id}/escalations/new", account.id()).with(as(finance)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/accounts/{id}/escalations/{e}/edit", account.id(), escalation.id()).with(as(finance)))
			.andExpect(status().isForbidden());

		escalations.update(escalation.id(), new EscalationForm("Background check delays", null, Severity.P1,
				EscalationStatus.IN_PROGRESS, escalation.raisedAt(), null), 0, manager);
		Document conflict = page(mvc
			.perform(post("/accounts/{id}/escalations/{e}/edit", account.id(), escalation.id()).with(as(manager))
				.param("title", "Background check delays")
				.param("severity", "P3")
				.param("status", "RESOLVED")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andReturn());
		assertThat(conflict.selectFirst("[data-conflict-field=Severity] .theirs").text()).isEqualTo("P1 – High");
		assertThat(conflict.selectFirst("[data-conflict-field=Status] .yours").text()).isEqualTo("Resolved");
		assertThat(jdbc.sql("select status from escalation where id = :id")
			.param("id", escalation.id())
			.query(String.class)
			.single()).isEqualTo("IN_PROGRESS");
	}

	private long count() {
		return jdbc.sql("select count(*) from escalation where account_id = :a")
			.param("a", account.id())
			.query(Long.class)
			.single();
	}

}
