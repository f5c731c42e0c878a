package io.intime.identity.web;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.security.ApiTokenService;
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
class AuditApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApiTokenService tokens;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	@Test
	void aPatchIsAuditedFieldByFieldWithOldAndNewValues() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		assertThat(mvc.patch()
			.uri("/api/v1/accounts/{id}", account.id())
			.with(as(owner))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'version': %d, 'hqLocation': 'Denver, CO', 'employeeCount': 1350}"
				.formatted(account.stamp().version()))))
			.hasStatusOk();

		MvcTestResult result = mvc.get()
			.uri("/api/v1/audit?entityType=account&entityId={id}", account.id())
			.with(as(owner))
			.exchange();

		assertThat(result).hasStatusOk();
		JsonNode audit = body(result);
		JsonNode hq = entry(audit, "UPDATE", "hqLocation");
		assertThat(hq.get("oldValue").asString()).isEqualTo("Austin, TX");
		assertThat(hq.get("newValue").asString()).isEqualTo("Denver, CO");
		assertThat(hq.get("actorId").asLong()).isEqualTo(owner.id());
		assertThat(hq.get("actorName").asString()).isEqualTo(owner.username());
		assertThat(hq.get("entityId").asLong()).isEqualTo(account.id());
		JsonNode employees = entry(audit, "UPDATE", "employeeCount");
		assertThat(employees.get("oldValue").asString()).isEqualTo("1200");
		assertThat(employees.get("newValue").asString()).isEqualTo("1350");
		assertThat(entry(audit, "CREATE", "name").get("newValue").asString()).isEqualTo(account.name());
		assertThat(audit.get("items").get(0).get("action").asString()).as("newest first").isEqualTo("UPDATE");
	}

	@Test
	void theAuditTrailOfARecordIsReadByThoseWhoMayReadTheRecord() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser otherManager = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		AccountDetails account = fixtures.account(owner);
		AccountDetails elsewhere = fixtures.account(null);
		fixtures.onTeam(account, recruiter);
		ContactView contact = fixtures.contact(account);
		ContractView contract = fixtures.contract(account, ContractStatus.ACTIVE, "USD", "1000");

		assertThat(audit("account", account.id(), otherManager)).as("AMs see every account").hasStatusOk();
		assertThat(audit("account", account.id(), recruiter)).hasStatusOk();
		assertThat(audit("account", elsewhere.id(), recruiter)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(audit("contact", contact.id(), recruiter)).hasStatusOk();
		assertThat(audit("contract", contract.id(), owner)).hasStatusOk();
		assertThat(audit("contract", contract.id(), otherManager)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(audit("contract", contract.id(), recruiter)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(audit("contract", contract.id(), fixtures.user(Role.LEGAL))).hasStatusOk();
		assertThat(audit("account", 999999999L, owner)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyExecutivesSalesDirectorsAndAdminsReadTheAuditOfEveryAccountAtOnce() {
		assertThat(mvc.get().uri("/api/v1/audit?entityType=account").with(as(fixtures.user(Role.ACCOUNT_MANAGER))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/audit?entityType=account").with(as(fixtures.user(Role.SALES_DIRECTOR))))
			.hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/audit?entityType=account").with(as(fixtures.executive()))).hasStatusOk();
	}

	@Test
	void theAuditOfAPurgedAccountStaysReadableForExecutives() {
		AccountDetails account = fixtures.account(null);
		assertThat(mvc.delete().uri("/api/v1/accounts/{id}", account.id()).with(as(fixtures.executive())))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.post()
			.uri("/api/v1/accounts/{id}/purge", account.id())
			.with(as(fixtures.user(Role.ADMIN)))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confirm\": \"" + account.name() + "\"}")).hasStatus(HttpStatus.NO_CONTENT);

		JsonNode audit = body(audit("account", account.id(), fixtures.executive()));
		assertThat(audit.get("items").get(0).get("action").asString()).isEqualTo("DELETE");
		assertThat(audit.get("items").get(0).get("detail").asString()).contains(account.name());
		assertThat(audit("account", account.id(), fixtures.user(Role.ACCOUNT_MANAGER))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void securityRecordsAreReadByAdminsAndExecutivesAndEachUserReadsTheirOwn() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser colleague = fixtures.user(Role.ACCOUNT_MANAGER);
		long token = tokens.create(manager, "script").token().id();
		long colleaguesToken = tokens.create(colleague, "script").token().id();

		assertThat(mvc.get().uri("/api/v1/audit?entityType=request").with(as(manager))).hasStatus(HttpStatus.FORBIDDEN);
		JsonNode denials = body(mvc.get()
			.uri("/api/v1/audit?entityType=request&size=200")
			.with(as(fixtures.user(Role.ADMIN)))
			.exchange());
		boolean managersDenialIsThere = false;
		for (JsonNode denial : denials.get("items")) {
			managersDenialIsThere |= denial.get("actorId").asLong() == manager.id()
					&& denial.get("detail").asString().startsWith("GET /api/v1/audit");
		}
		assertThat(managersDenialIsThere).isTrue();

		assertThat(audit("user", manager.id(), manager)).hasStatusOk();
		assertThat(audit("user", colleague.id(), manager)).hasStatus(HttpStatus.FORBIDDEN);
		JsonNode ownToken = body(audit("api_token", token, manager));
		assertThat(ownToken.get("items").get(0).get("action").asString()).isEqualTo("CREATE");
		assertThat(audit("api_token", colleaguesToken, manager)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(audit("api_token", colleaguesToken, fixtures.executive())).hasStatusOk();
		assertThat(audit("invoice", 1L, manager)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theEntityTypeIsRequired() {
		MvcTestResult result = mvc.get().uri("/api/v1/audit?entityId=1").with(as(fixtures.executive())).exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(result)).containsExactly("entityType");
		assertThat(errorFields(
				mvc.get().uri("/api/v1/audit").param("entityType", " ").with(as(fixtures.executive())).exchange()))
			.containsExactly("entityType");
		assertThat(errorFields(mvc.get()
			.uri("/api/v1/audit?entityType=account&entityId=one")
			.with(as(fixtures.executive()))
			.exchange())).containsExactly("entityId");
	}

	private MvcTestResult audit(String type, long id, CurrentUser user) {
		return mvc.get().uri("/api/v1/audit?entityType={t}&entityId={id}", type, id).with(as(user)).exchange();
	}

	private static JsonNode entry(JsonNode audit, String action, String field) {
		for (JsonNode item : audit.get("items")) {
			if (item.get("action").asString().equals(action) && field.equals(item.get("field").asString())) {
				return item;
			}
		}
		throw new AssertionError("No " + action + " of " + field + " in " + audit);
	}

}
