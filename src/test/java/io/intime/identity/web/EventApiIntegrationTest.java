package io.intime.identity.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
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
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EventApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	@Test
	void creatingAndChangingAContractIsRecordedAndReadByAccount() {
		CurrentUser executive = fixtures.executive();
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		Instant before = TestClock.now();

		JsonNode contract = body(mvc.post()
			.uri("/api/v1/contracts")
			.with(as(executive))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("""
					{'accountId': %d, 'type': 'SOW', 'number': '%s', 'startDate': '2026-02-01', 'endDate': '2027-01-31',
					 'status': 'DRAFT', 'paymentTerms': 'Net 30', 'currency': 'USD',
					 'serviceLines': [{'name': 'Contract staffing', 'annualValue': '250000'}]}"""
				.formatted(account.id(), AccountFixtures.unique("SOW"))))
			.exchange());
		long contractId = contract.get("id").asLong();
		JsonNode terms = body(patchContract(contractId, executive, json(
				"{'version': %d, 'paymentTerms': 'Net 45'}".formatted(contract.get("stamp").get("version").asLong()))));
		// executing a contract is for legal, sales directors and executives (spec 03),
		// not its AM
		patchContract(contractId, executive,
				json("{'version': %d, 'status': 'ACTIVE'}".formatted(terms.get("stamp").get("version").asLong())));

		MvcTestResult result = mvc.get().uri("/api/v1/events?accountId={a}", account.id()).with(as(owner)).exchange();
		assertThat(result).hasStatusOk();
		JsonNode events = body(result);
		assertThat(types(events)).containsExactly("contract.status.changed", "contract.updated", "contract.updated",
				"contract.created", "account.created");

		JsonNode statusChanged = events.get("items").get(0);
		assertThat(statusChanged.get("accountId").asLong()).isEqualTo(account.id());
		assertThat(statusChanged.get("actorId").asLong()).isEqualTo(executive.id());
		assertThat(statusChanged.get("occurredAt").asString()).endsWith("Z");
		assertThat(statusChanged.get("payload").get("contract_id").asLong()).isEqualTo(contractId);
		assertThat(statusChanged.get("payload").get("from").asString()).isEqualTo("DRAFT");
		assertThat(statusChanged.get("payload").get("to").asString()).isEqualTo("ACTIVE");

		JsonNode termsChanged = events.get("items").get(2).get("payload").get("changes").get(0);
		assertThat(termsChanged.get("field").asString()).isEqualTo("paymentTerms");
		assertThat(termsChanged.get("old").asString()).isEqualTo("Net 30");
		assertThat(termsChanged.get("new").asString()).isEqualTo("Net 45");

		JsonNode created = body(mvc.get()
			.uri("/api/v1/events?accountId={a}&type=contract.created", account.id())
			.with(as(owner))
			.exchange());
		assertThat(created.get("total").asLong()).isEqualTo(1);
		assertThat(created.get("items").get(0).get("payload").get("contract_id").asLong()).isEqualTo(contractId);
		assertThat(created.get("items").get(0).get("actorId").asLong()).isEqualTo(executive.id());

		assertThat(body(mvc.get()
			.uri("/api/v1/events?accountId={a}&since={s}", account.id(), before.toString())
			.with(as(owner))
			.exchange()).get("total").asLong()).isEqualTo(4);
		assertThat(body(mvc.get()
			.uri("/api/v1/events?accountId={a}&since={s}", account.id(),
					TestClock.now().plus(1, ChronoUnit.HOURS).toString())
			.with(as(owner))
			.exchange()).get("total").asLong()).isZero();
	}

	@Test
	void theEventsOfAnAccountAreReadByThoseWhoSeeItsContracts() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		AccountDetails account = fixtures.account(owner);
		fixtures.onTeam(account, recruiter);
		String uri = "/api/v1/events?accountId=" + account.id();

		assertThat(mvc.get().uri(uri).with(as(owner))).hasStatusOk();
		assertThat(mvc.get().uri(uri).with(as(fixtures.user(Role.FINANCE)))).hasStatusOk();
		assertThat(mvc.get().uri(uri).with(as(fixtures.user(Role.SALES_DIRECTOR)))).hasStatusOk();
		assertThat(mvc.get().uri(uri).with(as(fixtures.user(Role.ACCOUNT_MANAGER)))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(uri).with(as(recruiter))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/events?accountId=999999999").with(as(owner))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyExecutivesSalesDirectorsAndAdminsReadTheWholeLog() {
		assertThat(mvc.get().uri("/api/v1/events").with(as(fixtures.executive()))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/events").with(as(fixtures.user(Role.ADMIN)))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/events").with(as(fixtures.user(Role.ACCOUNT_MANAGER))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/events").with(as(fixtures.user(Role.FINANCE))))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void badFiltersAreRefusedNamingTheParameter() {
		CurrentUser executive = fixtures.executive();
		MvcTestResult since = mvc.get().uri("/api/v1/events?since=yesterday").with(as(executive)).exchange();
		assertThat(since).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(errorFields(since)).containsExactly("since");
		assertThat(
				errorFields(mvc.get().uri("/api/v1/events?since=2026-02-30T00:00:00Z").with(as(executive)).exchange()))
			.containsExactly("since");
		assertThat(errorFields(mvc.get().uri("/api/v1/events?accountId=ACC-1").with(as(executive)).exchange()))
			.containsExactly("accountId");
		assertThat(errorFields(mvc.get().uri("/api/v1/events?size=500").with(as(executive)).exchange()))
			.containsExactly("size");
		assertThat(errorFields(mvc.get().uri("/api/v1/events?page=-1").with(as(executive)).exchange()))
			.containsExactly("page");
	}

	private MvcTestResult patchContract(long id, CurrentUser user, String body) {
		MvcTestResult result = mvc.patch()
			.uri("/api/v1/contracts/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).hasStatusOk();
		return result;
	}

	private static List<String> types(JsonNode page) {
		List<String> types = new ArrayList<>();
		page.get("items").forEach(item -> types.add(item.get("type").asString()));
		return types;
	}

}
