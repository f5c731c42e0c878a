package io.intime.revenue.web;

import io.intime.revenue.OpportunityStageChanged;
import io.intime.revenue.OpportunityIdentified;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.AccountFactChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/v1/opportunities: account managers keep the pipeline of their accounts, directors
 * and executives everywhere.
 */
@IntegrationTest
@RecordApplicationEvents
class OpportunityApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	AccountFixtures fixtures;

	CurrentUser manager;

	AccountDetails account;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		manager = fixtures.user(Role.ACCOUNT_MANAGER);
		account = fixtures.account(manager, "GBP");
	}

	@Test
	void anAccountManagerAddsAnOpportunityWithDefaultsAndMovesItThroughTheStages() {
		MvcTestResult created = post(manager, """
				{'accountId': %d, 'title': 'DevOps expansion – more engineers', 'value': {'amount': '300000'},
				 'source': 'Hiring manager request', 'nextStep': 'Send proposal'}""".formatted(account.id()));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode opportunity = body(created);
		long id = opportunity.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/opportunities/" + id);
		assertThat(opportunity.get("stage").asString()).isEqualTo("IDENTIFIED");
		assertThat(opportunity.get("open").asBoolean()).isTrue();
		assertThat(opportunity.get("value").get("amount").asString()).isEqualTo("300000.00");
		assertThat(opportunity.get("value").get("currency").asString()).isEqualTo("GBP");
		assertThat(opportunity.get("valueUsd").get("amount").asString()).isEqualTo("381000.00");
		assertThat(opportunity.get("identifiedOn").asString()).isEqualTo(today.toString());
		assertThat(opportunity.get("ownerId").asLong()).isEqualTo(manager.id());
		assertThat(opportunity.get("ownerName").asString()).isEqualTo(manager.fullName());
		assertThat(opportunity.get("closedOn").isNull()).isTrue();
		assertThat(events.stream(AccountFactChanged.class))
			.anyMatch(e -> e instanceof OpportunityIdentified && e.accountId() == account.id());
		JsonNode identified = event("opportunity.identified", id);
		assertThat(identified.get("title").asString()).isEqualTo("DevOps expansion – more engineers");
		assertThat(identified.get("value").get("amount").asString()).isEqualTo("300000.00");
		assertThat(identified.get("source").asString()).isEqualTo("Hiring manager request");

		events.clear();
		JsonNode proposal = body(
				patch(id, manager, "{'version': %d, 'stage': 'PROPOSAL'}".formatted(version(opportunity))));
		assertThat(proposal.get("stage").asString()).isEqualTo("PROPOSAL");
		assertThat(proposal.get("nextStep").asString()).isEqualTo("Send proposal");
		assertThat(events.stream(AccountFactChanged.class).filter(e -> e.accountId() == account.id())).singleElement()
			.isInstanceOf(OpportunityStageChanged.class);
		JsonNode moved = event("opportunity.stage_changed", id);
		assertThat(moved.get("from_stage").asString()).isEqualTo("IDENTIFIED");
		assertThat(moved.get("to_stage").asString()).isEqualTo("PROPOSAL");

		JsonNode won = body(patch(id, manager, "{'version': %d, 'stage': 'WON'}".formatted(version(proposal))));
		assertThat(won.get("closedOn").asString()).as("closing without a day closes today").isEqualTo(today.toString());
		assertThat(won.get("open").asBoolean()).isFalse();
		JsonNode reopened = body(patch(id, manager, "{'version': %d, 'stage': 'NEGOTIATION'}".formatted(version(won))));
		assertThat(reopened.get("closedOn").isNull()).isTrue();
		assertThat(jdbc
			.sql("select count(*) from audit_entry where entity_type = 'opportunity' and entity_id = :id"
					+ " and field = 'stage'")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void badOpportunityInputIsRefusedNamingTheField() {
		String base = "'accountId': %d".formatted(account.id());
		assertThat(errorFields(post(manager, "{" + base + ", 'value': {'amount': '10'}}"))).containsExactly("title");
		assertThat(errorFields(post(manager, "{" + base + ", 'title': 'X'}"))).containsExactly("value");
		assertThat(
				errorMessage(post(manager, "{" + base + ", 'title': 'X', 'value': {'amount': '-1'}}"), "value.amount"))
			.isEqualTo("must be 0 or more");
		assertThat(
				errorFields(post(manager, "{" + base + ", 'title': 'X', 'value': {'amount': '1', 'currency': 'ZZZ'}}")))
			.containsExactly("value.currency");
		assertThat(
				errorFields(post(manager, "{" + base + ", 'title': 'X', 'value': {'amount': '1'}, 'stage': 'MAYBE'}")))
			.containsExactly("stage");
		assertThat(errorFields(post(manager, "{" + base
				+ ", 'title': 'X', 'value': {'amount': '1'}, 'identifiedOn': '%s'}".formatted(today.plusDays(1)))))
			.containsExactly("identifiedOn");
		MvcTestResult closedEarly = post(manager,
				"{" + base + ", 'title': 'X', 'value': {'amount': '1'}, 'stage': 'LOST',"
						+ " 'identifiedOn': '2026-03-10', 'closedOn': '2026-03-01', 'lostReason': 'Budget cut'}");
		assertThat(errorFields(closedEarly)).containsExactly("closedOn");
		assertThat(errorMessage(closedEarly, "closedOn"))
			.isEqualTo("must be on or after the day it was identified (Mar 10, 2026)");
		assertThat(errorFields(
				post(manager, "{" + base + ", 'title': 'X', 'value': {'amount': '1'}, 'ownerId': 999999999}")))
			.containsExactly("ownerId");
		assertThat(
				errorFields(post(manager, "{" + base + ", 'title': 'X', 'value': {'amount': '1'}, 'probability': 50}")))
			.containsExactly("probability");
	}

	@Test
	void lostNeedsAReasonWhichReopeningClears() {
		JsonNode opportunity = body(post(manager,
				"{'accountId': %d, 'title': 'Data team', 'value': {'amount': '120000'}}".formatted(account.id())));
		long id = opportunity.get("id").asLong();
		MvcTestResult noReason = patch(id, manager, "{'version': %d, 'stage': 'LOST'}".formatted(version(opportunity)));
		assertThat(errorFields(noReason)).containsExactly("lostReason");
		assertThat(errorMessage(noReason, "lostReason"))
			.isEqualTo("Say why it was lost, e.g. another supplier or a budget cut");

		JsonNode lost = body(
				patch(id, manager, "{'version': %d, 'stage': 'LOST', 'lostReason': ' Went with another supplier '}"
					.formatted(version(opportunity))));
		assertThat(lost.get("stage").asString()).isEqualTo("LOST");
		assertThat(lost.get("lostReason").asString()).isEqualTo("Went with another supplier");

		JsonNode reopened = body(patch(id, manager, "{'version': %d, 'stage': 'QUALIFIED'}".formatted(version(lost))));
		assertThat(reopened.get("stage").asString()).isEqualTo("QUALIFIED");
		assertThat(reopened.get("lostReason").isNull()).isTrue();
	}

	@Test
	void aStalePatchIsAConflictAndTheOtherChangeSurvives() {
		JsonNode opportunity = body(post(manager,
				"{'accountId': %d, 'title': 'Data team', 'value': {'amount': '120000'}}".formatted(account.id())));
		long id = opportunity.get("id").asLong();
		assertThat(patch(id, manager, "{'version': %d, 'value': {'amount': '150000'}}".formatted(version(opportunity))))
			.hasStatusOk();
		assertThat(patch(id, fixtures.executive(), "{'version': %d, 'stage': 'LOST'}".formatted(version(opportunity))))
			.hasStatus(HttpStatus.CONFLICT);
		JsonNode now = body(mvc.get().uri("/api/v1/opportunities/{id}", id).with(as(manager)).exchange());
		assertThat(now.get("value").get("amount").asString()).isEqualTo("150000.00");
		assertThat(now.get("stage").asString()).isEqualTo("IDENTIFIED");
	}

	@Test
	void onlyTheAccountsManagerDirectorsAndExecutivesChangeThePipelineAndOnlyTheLatterDelete() {
		CurrentUser otherManager = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser financeUser = fixtures.user(Role.FINANCE);
		CurrentUser director = fixtures.user(Role.SALES_DIRECTOR);
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		fixtures.onTeam(account, recruiter);
		String body = "{'accountId': %d, 'title': 'New office', 'value': {'amount': '50000'}}".formatted(account.id());

		assertThat(post(otherManager, body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(financeUser, body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(recruiter, body)).hasStatus(HttpStatus.FORBIDDEN);
		JsonNode created = body(post(director, body));
		long id = created.get("id").asLong();
		assertThat(created.get("ownerName").asString()).isEqualTo(director.fullName());

		assertThat(mvc.get().uri("/api/v1/opportunities/{id}", id).with(as(financeUser))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/opportunities/{id}", id).with(as(otherManager)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/opportunities?accountId={a}", account.id()).with(as(recruiter)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(ids(body(mvc.get().uri("/api/v1/opportunities").with(as(otherManager)).exchange())))
			.doesNotContain(id);
		assertThat(ids(body(mvc.get().uri("/api/v1/opportunities").with(as(manager)).exchange()))).contains(id);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and actor_name = :me")
			.param("me", otherManager.username())
			.query(Long.class)
			.single()).isEqualTo(2);

		assertThat(mvc.delete().uri("/api/v1/opportunities/{id}", id).with(as(manager)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/v1/opportunities/{id}", id).with(as(director)))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/opportunities/{id}", id).with(as(director))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(event("opportunity.deleted", id).get("by").asString()).isEqualTo(director.username());
	}

	@Test
	void theListFiltersByAccountAndStageAndIsPaged() {
		long identified = body(
				post(manager, "{'accountId': %d, 'title': 'A', 'value': {'amount': '1'}, 'identifiedOn': '%s'}"
					.formatted(account.id(), today.minusDays(3))))
			.get("id")
			.asLong();
		long qualified = body(
				post(manager,
						("{'accountId': %d, 'title': 'B', 'value': {'amount': '1'}, 'stage': 'QUALIFIED',"
								+ " 'identifiedOn': '%s'}")
							.formatted(account.id(), today.minusDays(2))))
			.get("id")
			.asLong();
		long lost = body(post(manager,
				("{'accountId': %d, 'title': 'C', 'value': {'amount': '1'}, 'stage': 'LOST',"
						+ " 'identifiedOn': '%s', 'closedOn': '%s', 'lostReason': 'Went with another supplier'}")
					.formatted(account.id(), today.minusDays(20), today.minusDays(1))))
			.get("id")
			.asLong();

		JsonNode all = body(
				mvc.get().uri("/api/v1/opportunities?accountId={a}", account.id()).with(as(manager)).exchange());
		assertThat(ids(all)).as("most recently identified first").containsExactly(qualified, identified, lost);
		assertThat(all.get("total").asLong()).isEqualTo(3);
		assertThat(ids(body(mvc.get()
			.uri("/api/v1/opportunities?accountId={a}&stage=LOST", account.id())
			.with(as(manager))
			.exchange()))).containsExactly(lost);
		JsonNode page = body(mvc.get()
			.uri("/api/v1/opportunities?accountId={a}&size=1&page=2", account.id())
			.with(as(manager))
			.exchange());
		assertThat(ids(page)).containsExactly(lost);
		assertThat(page.get("page").asInt()).isEqualTo(2);
		assertThat(errorFields(mvc.get().uri("/api/v1/opportunities?stage=SOON").with(as(manager)).exchange()))
			.containsExactly("stage");
	}

	private JsonNode event(String type, long opportunityId) {
		for (JsonNode event : body(mvc.get()
			.uri("/api/v1/events?type={t}&accountId={a}", type, account.id())
			.with(as(fixtures.executive()))
			.exchange()).get("items")) {
			if (event.get("payload").get("opportunity_id").asLong() == opportunityId) {
				return event.get("payload");
			}
		}
		throw new AssertionError("No " + type + " event for opportunity " + opportunityId);
	}

	private MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/opportunities")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/opportunities/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

	private static long version(JsonNode record) {
		return record.get("stamp").get("version").asLong();
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

}
