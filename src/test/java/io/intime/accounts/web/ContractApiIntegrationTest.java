package io.intime.accounts.web;

import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.accounts.Tier;
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
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ContractApiIntegrationTest {

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
	void createsReadsPatchesAndDeletesAContractWithAmountsAsStrings() {
		CurrentUser executive = fixtures.executive();
		AccountDetails account = fixtures.account(null);
		String number = AccountFixtures.unique("MSA");

		MvcTestResult created = post(executive, json("""
				{'accountId': %d, 'type': 'MSA', 'number': '%s', 'startDate': '2026-01-01', 'endDate': '2027-12-31',
				 'status': 'ACTIVE', 'paymentTerms': 'Net 30', 'currency': 'USD',
				 'serviceLines': [{'name': 'IT contract staffing', 'annualValue': 350000},
				                  {'name': 'Executive search', 'annualValue': '150000.00'}]}""".formatted(account.id(),
				number)));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode contract = body(created);
		long id = contract.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/contracts/" + id);
		assertThat(contract.get("number").asString()).isEqualTo(number);
		assertThat(contract.get("serviceLines")).hasSize(2);
		assertThat(contract.get("serviceLines").get(0).get("annualValue").asString()).isEqualTo("350000.00");
		JsonNode arr = contract.get("arr");
		assertThat(arr.propertyNames()).containsExactly("amount", "currency");
		assertThat(arr.get("amount").isString()).isTrue();
		assertThat(arr.get("amount").asString()).isEqualTo("500000.00");
		assertThat(arr.get("currency").asString()).isEqualTo("USD");
		assertThat(contract.get("totalContractValue").get("amount").asString()).isEqualTo("1000000.00");

		JsonNode account360 = body(mvc.get().uri("/api/v1/accounts/{id}", account.id()).with(as(executive)).exchange());
		assertThat(account360.get("arr").propertyNames()).containsExactly("amount", "currency");
		assertThat(account360.get("arr").get("amount").asString()).isEqualTo("500000.00");
		assertThat(account360.get("tier").asString()).isEqualTo("STRATEGIC");

		JsonNode read = body(mvc.get().uri("/api/v1/contracts/{id}", id).with(as(executive)).exchange());
		assertThat(read.get("startDate").asString()).isEqualTo("2026-01-01");

		MvcTestResult patched = patch(id, executive,
				json("{'version': %d, 'paymentTerms': 'Net 45'}".formatted(version(read))));
		assertThat(patched).hasStatusOk();
		assertThat(body(patched).get("paymentTerms").asString()).isEqualTo("Net 45");
		assertThat(body(patched).get("serviceLines")).hasSize(2);

		assertThat(mvc.delete().uri("/api/v1/contracts/{id}", id).with(as(executive))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/contracts/{id}", id).with(as(executive))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(fixtures.reload(account).arr().amount()).isZero();
	}

	@Test
	void amountsAreReadExactlyNeverThroughAFloatingPointNumber() {
		MvcTestResult created = post(fixtures.executive(), json("""
				{'accountId': %d, 'type': 'SOW', 'number': '%s', 'startDate': '2026-01-01', 'endDate': '2026-12-31',
				 'status': 'DRAFT', 'paymentTerms': 'Net 30', 'currency': 'USD',
				 'serviceLines': [{'name': 'Big', 'annualValue': 123456789012345.67}]}"""
			.formatted(fixtures.account(null).id(), AccountFixtures.unique("SOW"))));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(body(created).get("serviceLines").get(0).get("annualValue").asString())
			.isEqualTo("123456789012345.67");
	}

	@Test
	void arrIsTheSumOfActiveContractsInTheAccountsCurrencyAndSetsTheTier() {
		CurrentUser executive = fixtures.executive();
		AccountDetails account = fixtures.account(null, "USD");

		fixtures.contract(account, ContractStatus.ACTIVE, "USD", "100000");
		assertArr(account, "100000.00", Tier.STANDARD);

		ContractView euro = fixtures.contract(account, ContractStatus.ACTIVE, "EUR", "50000");
		assertArr(account, "154000.00", Tier.GROWTH);

		fixtures.contract(account, ContractStatus.DRAFT, "USD", "1000000");
		assertArr(account, "154000.00", Tier.GROWTH);

		ContractView large = fixtures.contract(account, ContractStatus.ACTIVE, "EUR", "200000", "120000");
		assertArr(account, "499600.00", Tier.GROWTH);

		assertThat(patch(large.id(), executive,
				json("{'version': %d, 'serviceLines': [{'name': 'All', 'annualValue': '321000'}]}"
					.formatted(large.stamp().version()))))
			.hasStatusOk();
		assertArr(account, "500680.00", Tier.STRATEGIC);

		assertThat(patch(euro.id(), executive,
				json("{'version': %d, 'status': 'TERMINATED'}".formatted(euro.stamp().version()))))
			.hasStatusOk();
		assertArr(account, "446680.00", Tier.GROWTH);
	}

	@Test
	void arrOfAEuroAccountConvertsUsdContractsAndTiersInUsd() {
		AccountDetails account = fixtures.account(null, "EUR");
		fixtures.contract(account, ContractStatus.ACTIVE, "USD", "540000");
		JsonNode read = body(
				mvc.get().uri("/api/v1/accounts/{id}", account.id()).with(as(fixtures.executive())).exchange());
		assertThat(read.get("arr").get("amount").asString()).isEqualTo("500000.00");
		assertThat(read.get("arr").get("currency").asString()).isEqualTo("EUR");
		assertThat(read.get("tier").asString()).isEqualTo("STRATEGIC");
	}

	@Test
	void anAccountManagerChangesOnlyTheStatusOfContractsOfAccountsTheyOwn() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		ContractView contract = fixtures.contract(account, ContractStatus.DRAFT, "USD", "200000");

		MvcTestResult terms = patch(contract.id(), owner,
				json("{'version': %d, 'paymentTerms': 'Net 90'}".formatted(contract.stamp().version())));
		assertThat(terms).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult both = patch(contract.id(), owner,
				json("{'version': %d, 'status': 'ACTIVE', 'currency': 'EUR'}".formatted(contract.stamp().version())));
		assertThat(both).hasStatus(HttpStatus.FORBIDDEN);

		// Executing a contract (DRAFT to ACTIVE) is for legal and sales directors (spec
		// 03), not its manager.
		String execute = json("{'version': %d, 'status': 'ACTIVE'}".formatted(contract.stamp().version()));
		assertThat(patch(contract.id(), owner, execute)).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult executed = patch(contract.id(), fixtures.user(Role.SALES_DIRECTOR), execute);
		assertThat(executed).hasStatusOk();
		assertArr(account, "200000.00", Tier.GROWTH);

		MvcTestResult status = patch(contract.id(), owner,
				json("{'version': %d, 'status': 'TERMINATED'}".formatted(version(body(executed)))));
		assertThat(status).hasStatusOk();
		assertThat(body(status).get("status").asString()).isEqualTo("TERMINATED");
		assertThat(body(status).get("paymentTerms").asString()).isEqualTo("Net 30");

		CurrentUser otherManager = fixtures.user(Role.ACCOUNT_MANAGER);
		JsonNode now = body(mvc.get().uri("/api/v1/contracts/{id}", contract.id()).with(as(owner)).exchange());
		assertThat(patch(contract.id(), otherManager,
				json("{'version': %d, 'status': 'EXPIRED'}".formatted(version(now)))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(owner,
				json("""
						{'accountId': %d, 'type': 'SOW', 'number': '%s', 'startDate': '2026-01-01', 'endDate': '2026-12-31',
						 'status': 'DRAFT', 'paymentTerms': 'Net 30', 'currency': 'USD', 'serviceLines': [{'name': 'X', 'annualValue': 1}]}"""
					.formatted(account.id(), AccountFixtures.unique("SOW")))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/v1/contracts/{id}", contract.id()).with(as(owner)))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aPatchThatChangesNothingAnswersTheVersionTheNextPatchNeeds() {
		ContractView contract = fixtures.contract(fixtures.account(null), ContractStatus.DRAFT, "USD", "1000");
		MvcTestResult same = patch(contract.id(), fixtures.executive(),
				json("{'version': %d, 'paymentTerms': 'Net 30'}".formatted(contract.stamp().version())));
		assertThat(same).hasStatusOk();
		MvcTestResult next = patch(contract.id(), fixtures.executive(),
				json("{'version': %d, 'paymentTerms': 'Net 60'}".formatted(version(body(same)))));
		assertThat(next).hasStatusOk();
	}

	@Test
	void anAccountManagerListsOnlyTheContractsOfAccountsTheyOwn() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails own = fixtures.account(manager);
		AccountDetails others = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER));
		ContractView mine = fixtures.contract(own, ContractStatus.ACTIVE, "USD", "1000");
		ContractView theirs = fixtures.contract(others, ContractStatus.ACTIVE, "USD", "1000");

		JsonNode all = body(mvc.get().uri("/api/v1/contracts").with(as(manager)).exchange());
		assertThat(all.get("total").asLong()).isEqualTo(1);
		assertThat(ids(all)).containsExactly(mine.id());
		assertThat(body(mvc.get().uri("/api/v1/contracts?accountId={a}", others.id()).with(as(manager)).exchange())
			.get("total")
			.asLong()).isZero();
		assertThat(mvc.get().uri("/api/v1/contracts/{id}", theirs.id()).with(as(manager)))
			.hasStatus(HttpStatus.FORBIDDEN);

		CurrentUser finance = fixtures.user(Role.FINANCE);
		assertThat(ids(body(mvc.get()
			.uri("/api/v1/contracts?accountId={a}&status=ACTIVE", others.id())
			.with(as(finance))
			.exchange()))).containsExactly(theirs.id());
		assertThat(body(
				mvc.get().uri("/api/v1/contracts?accountId={a}&status=DRAFT", others.id()).with(as(finance)).exchange())
			.get("total")
			.asLong()).isZero();

		assertThat(mvc.get().uri("/api/v1/contracts").with(as(fixtures.user(Role.RECRUITER))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(errorFields(mvc.get().uri("/api/v1/contracts?status=SIGNED").with(as(finance)).exchange()))
			.containsExactly("status");
	}

	@Test
	void badContractInputIsRefusedNamingTheField() {
		CurrentUser executive = fixtures.executive();
		long accountId = fixtures.account(null).id();
		String valid = """
				{'accountId': %d, 'type': 'MSA', 'number': '%s', 'startDate': '2026-01-01', 'endDate': '2026-12-31',
				 'status': 'ACTIVE', 'paymentTerms': 'Net 30', 'currency': 'USD',
				 'serviceLines': [{'name': 'Staffing', 'annualValue': '1000.00'}]}""";

		assertThat(errorFields(post(executive,
				json(valid.formatted(accountId, AccountFixtures.unique("C")).replace("2026-01-01", "2026-13-45")))))
			.containsExactly("startDate");
		assertThat(errorFields(post(executive,
				json(valid.formatted(accountId, AccountFixtures.unique("C")).replace("'1000.00'", "'lots'")))))
			.containsExactly("serviceLines[0].annualValue");
		assertThat(errorFields(post(executive,
				json(valid.formatted(accountId, AccountFixtures.unique("C")).replace("'1000.00'", "-5")))))
			.containsExactly("serviceLines[0].annualValue");
		assertThat(errorFields(post(executive,
				json(valid.formatted(accountId, AccountFixtures.unique("C")).replace("'1000.00'", "1000.123")))))
			.containsExactly("serviceLines[0].annualValue");
		assertThat(errorFields(post(executive,
				json(valid.formatted(accountId, AccountFixtures.unique("C")).replace("'name': 'Staffing', ", "")))))
			.containsExactly("serviceLines[0].name");
		assertThat(
				errorFields(post(executive,
						json(valid.formatted(accountId, AccountFixtures.unique("C"))
							.replace("'name': 'Staffing'", "'title': 'Staffing'")))))
			.containsExactly("serviceLines[0].title");
		assertThat(
				errorFields(post(executive,
						json(valid.formatted(accountId, AccountFixtures.unique("C"))
							.replace("{'name': 'Staffing', 'annualValue': '1000.00'}", "")))))
			.containsExactly("serviceLines");
		assertThat(errorFields(post(executive,
				json(valid.formatted(accountId, AccountFixtures.unique("C"))
					.replace("{'name': 'Staffing', 'annualValue': '1000.00'}", "null")))))
			.containsExactly("serviceLines[0]");
		assertThat(errorFields(post(executive,
				json(valid.formatted(accountId, AccountFixtures.unique("C")).replace("'2026-12-31'", "'2025-12-31'")))))
			.containsExactly("endDate");
		assertThat(errorFields(post(executive,
				json(valid.formatted(accountId, AccountFixtures.unique("C")).replace("'MSA'", "'LEASE'")))))
			.containsExactly("type");
		MvcTestResult currency = post(executive,
				json(valid.formatted(accountId, AccountFixtures.unique("C")).replace("'USD'", "'XYZ'")));
		assertThat(errorFields(currency)).containsExactly("currency");
		assertThat(errorMessage(currency, "currency")).contains("EUR");
		assertThat(errorFields(post(executive, json("{'accountId': %d}".formatted(accountId))))).contains("type",
				"number", "startDate", "endDate", "status", "paymentTerms", "currency", "serviceLines");

		String number = AccountFixtures.unique("C");
		assertThat(post(executive, json(valid.formatted(accountId, number)))).hasStatus(HttpStatus.CREATED);
		MvcTestResult duplicate = post(executive, json(valid.formatted(accountId, number.toLowerCase())));
		assertThat(duplicate).hasStatus(HttpStatus.CONFLICT);
		assertThat(errorFields(duplicate)).containsExactly("number");
	}

	@Test
	void aStalePatchIsAConflictAndTheOtherChangeSurvives() {
		ContractView contract = fixtures.contract(fixtures.account(null), ContractStatus.DRAFT, "USD", "1000");
		long readVersion = contract.stamp().version();
		assertThat(patch(contract.id(), fixtures.executive(),
				json("{'version': %d, 'paymentTerms': 'Net 15'}".formatted(readVersion))))
			.hasStatusOk();
		assertThat(patch(contract.id(), fixtures.executive(),
				json("{'version': %d, 'status': 'ACTIVE'}".formatted(readVersion))))
			.hasStatus(HttpStatus.CONFLICT);
		JsonNode now = body(
				mvc.get().uri("/api/v1/contracts/{id}", contract.id()).with(as(fixtures.executive())).exchange());
		assertThat(now.get("paymentTerms").asString()).isEqualTo("Net 15");
		assertThat(now.get("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void aContractMovesOnlyAlongItsLifeAndAReactivationNeedsAReason() {
		CurrentUser executive = fixtures.executive();
		AccountDetails account = fixtures.account(null);
		ContractView contract = fixtures.contract(account, ContractStatus.ACTIVE, "USD", "42000");
		long version = contract.stamp().version();

		// ACTIVE → DRAFT is no move of a contract's life
		MvcTestResult back = patch(contract.id(), executive,
				json("{'version': %d, 'status': 'DRAFT'}".formatted(version)));
		assertThat(back).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(back).get("errors").get(0).get("field").asString()).isEqualTo("status");
		assertThat(body(back).get("errors").get(0).get("message").asString())
			.isEqualTo("An active contract can only become expired, renewed or terminated");

		JsonNode terminated = body(
				patch(contract.id(), executive, json("{'version': %d, 'status': 'TERMINATED'}".formatted(version))));
		assertThat(terminated.get("status").asString()).isEqualTo("TERMINATED");
		assertArr(account, "0.00", account.tier());

		// back to ACTIVE: a reactivation, refused without its reason
		MvcTestResult noReason = patch(contract.id(), executive,
				json("{'version': %d, 'status': 'ACTIVE'}".formatted(version(terminated))));
		assertThat(noReason).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(noReason).get("errors").get(0).get("field").asString()).isEqualTo("reason");

		JsonNode reactivated = body(patch(contract.id(), executive,
				json("{'version': %d, 'status': 'ACTIVE', 'reason': 'Terminated by mistake'}"
					.formatted(version(terminated)))));
		assertThat(reactivated.get("status").asString()).isEqualTo("ACTIVE");
		JsonNode audit = body(mvc.get()
			.uri("/api/v1/audit?entityType=contract&entityId={id}", contract.id())
			.with(as(executive))
			.exchange());
		List<String> reasons = new ArrayList<>();
		audit.get("items").forEach(entry -> {
			if ("statusReason".equals(entry.get("field").asString())) {
				reasons.add(entry.get("newValue").asString());
			}
		});
		assertThat(reasons).containsExactly("Terminated by mistake");
	}

	private void assertArr(AccountDetails account, String amount, Tier tier) {
		JsonNode read = body(
				mvc.get().uri("/api/v1/accounts/{id}", account.id()).with(as(fixtures.executive())).exchange());
		assertThat(read.get("arr").get("amount").asString()).isEqualTo(amount);
		assertThat(read.get("arr").get("currency").asString()).isEqualTo(account.billingCurrency());
		assertThat(read.get("tier").asString()).isEqualTo(tier.name());
	}

	private MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/contracts")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/contracts/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
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
