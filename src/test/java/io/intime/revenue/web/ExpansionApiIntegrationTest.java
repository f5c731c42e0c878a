package io.intime.revenue.web;

import java.math.BigDecimal;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractRateForm;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
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
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline and proposal API: board, moves with their history, notes, goals, the
 * proposal's review and the contract's rate card; 400 naming the field, 403, 409.
 */
@IntegrationTest
class ExpansionApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	ContractManagement contracts;

	@Autowired
	UserDirectory users;

	AccountFixtures fixtures;

	CurrentUser am;

	CurrentUser director;

	AccountDetails account;

	ContractView contract;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		director = fixtures.user(Role.SALES_DIRECTOR);
		users.seedReportsTo(List.of(am.id()), director.id());
		account = fixtures.account(am, "USD");
		contract = fixtures.contract(account, ContractStatus.ACTIVE, "USD", "200000");
		contract = contracts.updateRateCard(contract.id(),
				List.of(new ContractRateForm("Software Engineer", new BigDecimal("85"), new BigDecimal("120"))),
				contract.stamp().version(), fixtures.executive());
	}

	private long opportunity() {
		MvcTestResult created = send("POST", "/api/v1/opportunities", am, """
				{'accountId': %d, 'title': 'Platform squad', 'value': {'amount': '240000'}, 'nextStep': 'Call the CTO',
				 'nextStepDue': '2026-11-20'}""".formatted(account.id()));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(body(created).get("nextStepDue").asString()).isEqualTo("2026-11-20");
		return body(created).get("id").asLong();
	}

	@Test
	void movesAreKeptInTheHistoryAndAStaleMoveIsAConflict() {
		long id = opportunity();
		MvcTestResult moved = send("POST", "/api/v1/opportunities/" + id + "/moves", am,
				"{'version': 0, 'stage': 'QUALIFIED'}");
		assertThat(moved).hasStatus(HttpStatus.OK);
		MvcTestResult stale = send("POST", "/api/v1/opportunities/" + id + "/moves", am,
				"{'version': 0, 'stage': 'PROPOSAL'}");
		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(stale.getResponse().getContentType()).startsWith("application/problem+json");
		MvcTestResult lost = send("POST", "/api/v1/opportunities/" + id + "/moves", am,
				"{'version': 1, 'stage': 'LOST'}");
		assertThat(lost).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(lost)).containsExactly("lostReason");
		assertThat(errorFields(
				send("POST", "/api/v1/opportunities/" + id + "/moves", am, "{'version': 1, 'stage': 'MAYBE'}")))
			.containsExactly("stage");

		JsonNode history = body(get("/api/v1/opportunities/" + id + "/history", am));
		assertThat(history).hasSize(2);
		assertThat(history.get(1).get("from").asString()).isEqualTo("IDENTIFIED");
		assertThat(history.get(1).get("to").asString()).isEqualTo("QUALIFIED");

		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		assertThat(send("POST", "/api/v1/opportunities/" + id + "/moves", other, "{'version': 1, 'stage': 'PROPOSAL'}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get("/api/v1/opportunities/" + id + "/history", fixtures.user(Role.RECRUITER)))
			.hasStatus(HttpStatus.FORBIDDEN);

		JsonNode board = body(get("/api/v1/opportunities/board", am));
		JsonNode qualified = board.get("columns").get(1);
		assertThat(qualified.get("stage").asString()).isEqualTo("QUALIFIED");
		assertThat(qualified.get("cards").get(0).get("overdue").asBoolean()).isTrue();
		assertThat(get("/api/v1/opportunities/board", fixtures.user(Role.RECRUITER))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void notesAndGoalsNameTheWrongField() {
		long id = opportunity();
		assertThat(errorMessage(send("POST", "/api/v1/opportunities/" + id + "/notes", am, "{'body': ' '}"), "body"))
			.isEqualTo("Write the note first");
		assertThat(send("POST", "/api/v1/opportunities/" + id + "/notes", am, "{'body': 'Budget approved in Q1'}"))
			.hasStatus(HttpStatus.CREATED);
		assertThat(body(get("/api/v1/opportunities/" + id + "/notes", am)).get(0).get("body").asString())
			.isEqualTo("Budget approved in Q1");

		assertThat(errorFields(send("PUT", "/api/v1/opportunities/goals", director,
				"{'ownerId': %d, 'quarter': '2026-Q4', 'amount': '-5'}".formatted(am.id()))))
			.containsExactly("amount");
		assertThat(errorFields(send("PUT", "/api/v1/opportunities/goals", director,
				"{'ownerId': %d, 'quarter': 'Q4', 'amount': '5'}".formatted(am.id()))))
			.containsExactly("quarter");
		assertThat(send("PUT", "/api/v1/opportunities/goals", am,
				"{'ownerId': %d, 'quarter': '2026-Q4', 'amount': '50000'}".formatted(am.id())))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(send("PUT", "/api/v1/opportunities/goals", director,
				"{'ownerId': %d, 'quarter': '2026-Q4', 'amount': '50000'}".formatted(am.id())))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(send("PUT", "/api/v1/opportunities/goals", director,
				"{'ownerId': %d, 'quarter': '2026-Q4', 'amount': '60000', 'version': 7}".formatted(am.id())))
			.hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void aProposalIsReviewedThroughTheApiAndCannotBeSentBeforeApproval() {
		long opportunity = opportunity();
		MvcTestResult drafted = send("POST", "/api/v1/proposals", am, "{'opportunityId': %d}".formatted(opportunity));
		assertThat(drafted).hasStatus(HttpStatus.CREATED);
		JsonNode proposal = body(drafted);
		long id = proposal.get("id").asLong();
		assertThat(proposal.get("content").get("rates").get(0).get("role").asString()).isEqualTo("Software Engineer");
		assertThat(send("POST", "/api/v1/proposals", am, "{'opportunityId': %d}".formatted(opportunity)))
			.hasStatus(HttpStatus.OK);

		MvcTestResult bad = send("POST", "/api/v1/proposals/" + id + "/versions", am,
				"""
						{'version': 0, 'title': ' ', 'sections': {'SUMMARY': 'x'}, 'rates': [{'role': 'Software Engineer', 'rate': '-1'}],
						 'discountPercent': '3', 'lowRoles': 2, 'lowMonths': 6, 'highRoles': 1, 'highMonths': 9, 'hoursPerMonth': 160}""");
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(bad)).containsExactly("title", "rates[0].rate");
		assertThat(errorFields(
				send("POST", "/api/v1/proposals/" + id + "/versions", am, "{'version': 0, 'sections': {'NOPE': 'x'}}")))
			.isNotEmpty();

		MvcTestResult saved = send("POST", "/api/v1/proposals/" + id + "/versions", am, """
				{'version': 0, 'title': 'Platform squad', 'sections': {'SUMMARY': 'Two years together.'},
				 'rates': [{'role': 'Software Engineer', 'rate': '80'}], 'discountPercent': '8',
				 'lowRoles': 2, 'lowMonths': 6, 'highRoles': 3, 'highMonths': 9, 'hoursPerMonth': 160}""");
		assertThat(saved).hasStatus(HttpStatus.OK);
		JsonNode v2 = body(saved);
		assertThat(v2.get("currentVersion").asInt()).isEqualTo(2);
		assertThat(v2.get("flags")).hasSize(2);
		// 2 roles × 6 months × 160 h × $73.60 (80 less 8%)
		assertThat(v2.get("projection").get("conservative").get("value").get("amount").asString())
			.isEqualTo("141312.00");

		MvcTestResult early = send("POST", "/api/v1/proposals/" + id + "/sending", am, "{'version': 1}");
		assertThat(early).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(early)).containsExactly("status");
		assertThat(send("POST", "/api/v1/proposals/" + id + "/review-requests", am, "{'version': 0}"))
			.hasStatus(HttpStatus.CONFLICT);
		JsonNode inReview = body(send("POST", "/api/v1/proposals/" + id + "/review-requests", am, "{'version': 1}"));
		assertThat(inReview.get("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(send("POST", "/api/v1/proposals/" + id + "/approval", am, "{'version': 2}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(send("POST", "/api/v1/proposals/" + id + "/approval", fixtures.user(Role.ADMIN), "{'version': 2}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(errorFields(send("POST", "/api/v1/proposals/" + id + "/return", director, "{'version': 2}")))
			.containsExactly("comment");
		JsonNode approved = body(send("POST", "/api/v1/proposals/" + id + "/approval", director, "{'version': 2}"));
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		assertThat(get("/api/v1/proposals/" + id + "/pdf", am)).hasStatus(HttpStatus.NOT_FOUND);
		JsonNode sent = body(send("POST", "/api/v1/proposals/" + id + "/sending", am, "{'version': 3}"));
		assertThat(sent.get("status").asString()).isEqualTo("SENT");
		MvcTestResult pdf = get("/api/v1/proposals/" + id + "/pdf", am);
		assertThat(pdf).hasStatus(HttpStatus.OK);
		assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(get("/api/v1/proposals/" + id + "/pdf", fixtures.user(Role.ACCOUNT_MANAGER)))
			.hasStatus(HttpStatus.FORBIDDEN);
		JsonNode diff = body(get("/api/v1/proposals/" + id + "/diff?from=1&to=2", am));
		assertThat(diff.get(0).get("label").asString()).isEqualTo("Title");
		assertThat(errorFields(get("/api/v1/proposals/" + id + "/diff?from=1&to=9", am))).containsExactly("to");
	}

	@Test
	void theRateCardIsReplacedByThoseWhoEditContracts() {
		String body = "{'version': %d, 'rates': [{'role': 'Data Scientist', 'minRate': '120', 'maxRate': '100'}]}"
			.formatted(contract.stamp().version());
		assertThat(
				errorFields(send("PUT", "/api/v1/contracts/" + contract.id() + "/rates", fixtures.executive(), body)))
			.containsExactly("rates[0].maxRate");
		String good = "{'version': %d, 'rates': [{'role': 'Data Scientist', 'minRate': '100', 'maxRate': '140'}]}"
			.formatted(contract.stamp().version());
		assertThat(send("PUT", "/api/v1/contracts/" + contract.id() + "/rates", am, good))
			.hasStatus(HttpStatus.FORBIDDEN);
		JsonNode replaced = body(
				send("PUT", "/api/v1/contracts/" + contract.id() + "/rates", fixtures.executive(), good));
		assertThat(replaced.get("rates").get(0).get("minRate").asString()).isEqualTo("100.00");
		assertThat(send("PUT", "/api/v1/contracts/" + contract.id() + "/rates", fixtures.executive(), good))
			.hasStatus(HttpStatus.CONFLICT);
	}

	private MvcTestResult get(String uri, CurrentUser user) {
		return mvc.get().uri(uri).with(as(user)).exchange();
	}

	private MvcTestResult send(String method, String uri, CurrentUser user, String body) {
		var request = switch (method) {
			case "PUT" -> mvc.put().uri(uri);
			default -> mvc.post().uri(uri);
		};
		return request.with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json(body)).exchange();
	}

}
