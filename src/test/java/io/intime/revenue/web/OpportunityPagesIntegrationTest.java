package io.intime.revenue.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.revenue.OpportunityForm;
import io.intime.revenue.OpportunityManagement;
import io.intime.revenue.OpportunityStage;
import io.intime.revenue.OpportunityView;
import io.intime.shared.web.MoneyInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.intime.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Opportunities tab of Account 360 (the pipeline board) and the opportunity form. */
@IntegrationTest
class OpportunityPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	OpportunityManagement opportunities;

	AccountFixtures fixtures;

	CurrentUser manager;

	AccountDetails account;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		manager = fixtures.user(Role.ACCOUNT_MANAGER);
		account = fixtures.account(manager);
	}

	@Test
	void theBoardShowsTheOpenPipelineByStageAndTheClosedOnesBelow() throws Exception {
		OpportunityView devOps = opportunity("DevOps expansion", "300000", OpportunityStage.PROPOSAL, null);
		OpportunityView interns = opportunity("Interns", "20000", OpportunityStage.IDENTIFIED, null);
		OpportunityView lost = opportunity("Old idea", "50000", OpportunityStage.LOST, today.minusDays(3));

		Document tab = page(mvc.perform(get("/accounts/{id}/opportunities", account.id()).with(as(manager)))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(tab.selectFirst("#tab-opportunities").hasClass("active")).isTrue();
		assertThat(tab.selectFirst("#open-pipeline").text()).isEqualTo("$320,000");
		assertThat(tab.select("#stage-PROPOSAL #opportunity-" + devOps.id())).hasSize(1);
		assertThat(tab.select("#stage-IDENTIFIED #opportunity-" + interns.id())).hasSize(1);
		assertThat(tab.selectFirst("#stage-IDENTIFIED .move-forward").text()).isEqualTo("Qualified →");
		assertThat(tab.select("#closed-opportunities #opportunity-" + lost.id())).hasSize(1);
		assertThat(tab.select("#new-opportunity")).hasSize(1);

		mvc.perform(post("/accounts/{id}/opportunities/{oid}/stage", account.id(), interns.id()).with(as(manager))
			.param("stage", "QUALIFIED")
			.param("version", String.valueOf(interns.stamp().version())))
			.andExpect(redirectedUrl("/accounts/" + account.id() + "/opportunities#opportunity-" + interns.id()));
		assertThat(opportunities.get(interns.id(), manager).stage()).isEqualTo(OpportunityStage.QUALIFIED);

		CurrentUser finance = fixtures.user(Role.FINANCE);
		Document readOnly = page(
				mvc.perform(get("/accounts/{id}/opportunities", account.id()).with(as(finance))).andReturn());
		assertThat(readOnly.select("#new-opportunity, .move-forward")).isEmpty();
		mvc.perform(get("/accounts/{id}/opportunities/new", account.id()).with(as(finance)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCardEndsAnOpportunityAsWonOrAsLostWithAReasonUnderTheEditFormsRules() throws Exception {
		OpportunityView interns = opportunity("Interns", "20000", OpportunityStage.IDENTIFIED, null);
		OpportunityView dataTeam = opportunity("Data team", "120000", OpportunityStage.QUALIFIED, null);
		Document board = page(
				mvc.perform(get("/accounts/{id}/opportunities", account.id()).with(as(manager))).andReturn());
		assertThat(board.select("#opportunity-" + interns.id() + " .mark-won")).hasSize(1);
		assertThat(board.select("#opportunity-" + interns.id() + " .mark-lost input[name=lostReason]")).hasSize(1);

		Document noReason = page(mvc
			.perform(post("/accounts/{id}/opportunities/{oid}/stage", account.id(), dataTeam.id()).with(as(manager))
				.param("stage", "LOST")
				.param("lostReason", " ")
				.param("version", String.valueOf(dataTeam.stamp().version())))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(noReason.selectFirst("#opportunity-" + dataTeam.id() + " .mark-lost").hasAttr("open")).isTrue();
		assertThat(noReason.selectFirst("#opportunity-" + dataTeam.id() + " .lost-form .field-error").text())
			.isEqualTo("Say why it was lost, e.g. another supplier or a budget cut");
		assertThat(noReason.selectFirst("#lost-reason-" + dataTeam.id()).attr("aria-invalid")).isEqualTo("true");
		assertThat(opportunities.get(dataTeam.id(), manager).stage()).isEqualTo(OpportunityStage.QUALIFIED);

		OpportunityForm form = opportunities.editable(dataTeam.id(), manager).form();
		opportunities.update(dataTeam.id(),
				new OpportunityForm(form.title(), OpportunityStage.NEGOTIATION, form.value(), form.source(),
						form.nextStep(), form.identifiedOn(), null, form.ownerId()),
				dataTeam.stamp().version(), fixtures.executive());
		Document stale = page(mvc
			.perform(post("/accounts/{id}/opportunities/{oid}/stage", account.id(), dataTeam.id()).with(as(manager))
				.param("stage", "LOST")
				.param("lostReason", "Budget cut")
				.param("version", String.valueOf(dataTeam.stamp().version())))
			.andExpect(status().isConflict())
			.andReturn());
		assertThat(stale.selectFirst(".alert-error").text()).startsWith("Someone else changed Data team");
		assertThat(stale.select("#stage-NEGOTIATION #opportunity-" + dataTeam.id())).hasSize(1);
		assertThat(opportunities.get(dataTeam.id(), manager).stage()).isEqualTo(OpportunityStage.NEGOTIATION);

		long current = opportunities.get(dataTeam.id(), manager).stamp().version();
		mvc.perform(post("/accounts/{id}/opportunities/{oid}/stage", account.id(), dataTeam.id()).with(as(manager))
			.param("stage", "LOST")
			.param("lostReason", "Budget cut for the year")
			.param("version", String.valueOf(current)))
			.andExpect(redirectedUrl("/accounts/" + account.id() + "/opportunities#opportunity-" + dataTeam.id()));
		mvc.perform(post("/accounts/{id}/opportunities/{oid}/stage", account.id(), interns.id()).with(as(manager))
			.param("stage", "WON")
			.param("version", String.valueOf(interns.stamp().version())))
			.andExpect(redirectedUrl("/accounts/" + account.id() + "/opportunities#opportunity-" + interns.id()));
		Document closed = page(
				mvc.perform(get("/accounts/{id}/opportunities", account.id()).with(as(manager))).andReturn());
		assertThat(closed.selectFirst("#closed-opportunities #opportunity-" + dataTeam.id() + " .lost-reason").text())
			.isEqualTo("Budget cut for the year");
		assertThat(opportunities.get(interns.id(), manager).stage()).isEqualTo(OpportunityStage.WON);
		assertThat(opportunities.get(interns.id(), manager).closedOn()).isEqualTo(today);
	}

	@Test
	void anEmptyPipelineSaysSoAndOffersTheFirstOpportunity() throws Exception {
		Document tab = page(
				mvc.perform(get("/accounts/{id}/opportunities", account.id()).with(as(manager))).andReturn());
		assertThat(tab.selectFirst(".pipeline-empty h2").text()).isEqualTo("No open expansion opportunity");
		assertThat(tab.selectFirst("#open-pipeline").text()).isEqualTo("—");
	}

	@Test
	void wrongFieldsAreShownBesideThemAndAStaleEditKeepsTheOtherChange() throws Exception {
		Document refused = page(mvc
			.perform(post("/accounts/{id}/opportunities/new", account.id()).with(as(manager))
				.param("title", "")
				.param("value", "abc")
				.param("stage", "IDENTIFIED")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(refused.selectFirst("[data-field=value] .field-error").text())
			.isEqualTo("'abc' is not an amount (e.g. 300000 or 300000.50)");

		Document blank = page(mvc
			.perform(post("/accounts/{id}/opportunities/new", account.id()).with(as(manager))
				.param("title", "")
				.param("value", "1000")
				.param("stage", "WON")
				.param("identifiedOn", "2026-03-10")
				.param("closedOn", "2026-03-01")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(blank.selectFirst("[data-field=title] .field-error").text()).isEqualTo("is required");
		assertThat(blank.selectFirst("[data-field=closedOn] .field-error").text())
			.isEqualTo("must be on or after the day it was identified (Mar 10, 2026)");

		OpportunityView opportunity = opportunity("Data team", "120000", OpportunityStage.QUALIFIED, null);
		OpportunityForm form = opportunities.editable(opportunity.id(), manager).form();
		opportunities.update(opportunity.id(),
				new OpportunityForm(form.title(), OpportunityStage.NEGOTIATION, form.value(), form.source(),
						form.nextStep(), form.identifiedOn(), null, form.ownerId()),
				opportunity.stamp().version(), fixtures.executive());
		Document conflict = page(mvc
			.perform(post("/accounts/{id}/opportunities/{oid}/edit", account.id(), opportunity.id()).with(as(manager))
				.param("title", "Data team")
				.param("value", "150000")
				.param("currency", "USD")
				.param("stage", "QUALIFIED")
				.param("identifiedOn", form.identifiedOn().toString())
				.param("ownerId", String.valueOf(manager.id()))
				.param("version", String.valueOf(opportunity.stamp().version())))
			.andExpect(status().isConflict())
			.andReturn());
		assertThat(conflict.selectFirst("[data-conflict-field=stage] .theirs").text()).isEqualTo("NEGOTIATION");
		assertThat(conflict.selectFirst("[data-conflict-field=value] .yours").text()).isEqualTo("150000");
		assertThat(opportunities.get(opportunity.id(), manager).stage()).isEqualTo(OpportunityStage.NEGOTIATION);
	}

	private OpportunityView opportunity(String title, String usd, OpportunityStage stage, LocalDate closed) {
		return opportunities.create(account.id(),
				new OpportunityForm(title, stage, new MoneyInput(new BigDecimal(usd), "USD"), "QBR", null,
						today.minusDays(30), closed, null,
						stage == OpportunityStage.LOST ? "Went with another supplier" : null),
				manager);
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
