package io.intime.accounts.web;

import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContractStatus;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
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

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	@Test
	void createsReadsPatchesAndDeletesAnAccount() {
		CurrentUser executive = fixtures.executive();
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		String name = AccountFixtures.unique("Globex");

		MvcTestResult created = post("/api/v1/accounts", executive, json("""
				{'name': '%s', 'industry': 'Manufacturing', 'employeeCount': 5000, 'hqLocation': 'Springfield',
				 'timeZone': 'America/Chicago', 'status': 'ACTIVE', 'relationshipStart': '2022-05-01',
				 'ownerId': %d, 'billingCurrency': 'USD', 'region': 'North America'}""".formatted(name, owner.id())));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode account = body(created);
		long id = account.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/accounts/" + id);
		assertThat(account.get("key").asString()).startsWith("ACC-");
		assertThat(account.get("ownerName").asString()).isEqualTo(owner.fullName());
		assertThat(account.get("strategic").asBoolean()).isFalse();
		assertThat(account.get("tier").asString()).isEqualTo("STANDARD");
		assertThat(account.get("arr").propertyNames()).containsExactly("amount", "currency");
		assertThat(account.get("arr").get("amount").isString()).isTrue();
		assertThat(account.get("arr").get("amount").asString()).isEqualTo("0.00");
		assertThat(account.get("arr").get("currency").asString()).isEqualTo("USD");
		assertThat(account.get("stamp").get("createdAt").asString()).endsWith("Z");

		JsonNode read = body(mvc.get().uri("/api/v1/accounts/{id}", id).with(as(owner)).exchange());
		assertThat(read.get("name").asString()).isEqualTo(name);
		assertThat(read.get("relationshipStart").asString()).isEqualTo("2022-05-01");
		long version = read.get("stamp").get("version").asLong();

		MvcTestResult patched = patch("/api/v1/accounts/" + id, executive,
				json("{'version': %d, 'industry': 'Fintech', 'employeeCount': null}".formatted(version)));
		assertThat(patched).hasStatusOk();
		JsonNode after = body(patched);
		assertThat(after.get("industry").asString()).isEqualTo("Fintech");
		assertThat(after.get("employeeCount").isNull()).isTrue();
		assertThat(after.get("name").asString()).isEqualTo(name);
		assertThat(after.get("hqLocation").asString()).isEqualTo("Springfield");
		assertThat(after.get("ownerId").asLong()).isEqualTo(owner.id());
		assertThat(after.get("stamp").get("version").asLong()).isGreaterThan(version);

		assertThat(mvc.delete().uri("/api/v1/accounts/{id}", id).with(as(executive))).hasStatus(HttpStatus.NO_CONTENT);
		// Deleting archives: the account is still read, marked archived.
		JsonNode archived = body(mvc.get().uri("/api/v1/accounts/{id}", id).with(as(executive)).exchange());
		assertThat(archived.get("archivedBy").asString()).isEqualTo(executive.username());
		MvcTestResult gone = mvc.get().uri("/api/v1/accounts/{id}", Long.MAX_VALUE).with(as(executive)).exchange();
		assertThat(gone).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anAccountWithoutOwnerOrSponsorIsCreatedAndRead() {
		MvcTestResult created = post("/api/v1/accounts", fixtures.executive(),
				json("{'name': '%s', 'timeZone': 'Europe/Berlin', 'status': 'PROSPECT', 'billingCurrency': 'EUR'}"
					.formatted(AccountFixtures.unique("Unowned"))));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode account = body(created);
		assertThat(account.get("ownerId").isNull()).isTrue();
		assertThat(account.get("ownerName").isNull()).isTrue();
		assertThat(account.get("executiveSponsorName").isNull()).isTrue();
		assertThat(account.get("arr").get("currency").asString()).isEqualTo("EUR");
		assertThat(mvc.get().uri("/api/v1/accounts/{id}", account.get("id").asLong()).with(as(fixtures.executive())))
			.hasStatusOk();
	}

	@Test
	void mergePatchAcceptsTheMergePatchMediaType() {
		AccountDetails account = fixtures.account(null);
		MvcTestResult result = mvc.patch()
			.uri("/api/v1/accounts/{id}", account.id())
			.with(as(fixtures.executive()))
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.content(json("{'version': %d, 'region': 'EMEA'}".formatted(account.stamp().version())))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(body(result).get("region").asString()).isEqualTo("EMEA");
	}

	@Test
	void aStalePatchIsAConflictAndTheOtherChangeSurvives() {
		AccountDetails account = fixtures.account(null);
		long readVersion = account.stamp().version();

		assertThat(patch("/api/v1/accounts/" + account.id(), fixtures.executive(),
				json("{'version': %d, 'region': 'EMEA'}".formatted(readVersion))))
			.hasStatusOk();
		MvcTestResult late = patch("/api/v1/accounts/" + account.id(), fixtures.executive(),
				json("{'version': %d, 'industry': 'Retail'}".formatted(readVersion)));

		assertThat(late).hasStatus(HttpStatus.CONFLICT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(body(late).get("currentVersion").asLong()).isGreaterThan(readVersion);
		AccountDetails now = fixtures.reload(account);
		assertThat(now.region()).isEqualTo("EMEA");
		assertThat(now.industry()).isEqualTo("Technology");
	}

	@Test
	void aPatchWithoutVersionIsRefusedNamingVersion() {
		AccountDetails account = fixtures.account(null);
		MvcTestResult result = patch("/api/v1/accounts/" + account.id(), fixtures.executive(),
				json("{'region': 'EMEA'}"));
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(result)).containsExactly("version");
		assertThat(fixtures.reload(account).region()).isEqualTo("North America");
	}

	@Test
	void aPatchWithAFieldAccountsDoNotHaveIsRefusedNamingIt() {
		AccountDetails account = fixtures.account(null);
		MvcTestResult result = patch("/api/v1/accounts/" + account.id(), fixtures.executive(),
				json("{'version': %d, 'nickname': 'Big G'}".formatted(account.stamp().version())));
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(result)).containsExactly("nickname");
	}

	@Test
	void wrongTypesUnknownEnumsAndBadDatesAreRefusedNamingTheField() {
		AccountDetails account = fixtures.account(null);
		String uri = "/api/v1/accounts/" + account.id();
		long version = account.stamp().version();

		MvcTestResult lots = patch(uri, fixtures.executive(),
				json("{'version': %d, 'employeeCount': 'lots'}".formatted(version)));
		assertThat(lots).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(lots)).containsExactly("employeeCount");
		assertThat(errorMessage(lots, "employeeCount")).contains("'lots'").contains("number");

		MvcTestResult asleep = patch(uri, fixtures.executive(),
				json("{'version': %d, 'status': 'ASLEEP'}".formatted(version)));
		assertThat(asleep).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(asleep)).containsExactly("status");
		assertThat(errorMessage(asleep, "status")).contains("ASLEEP").contains("PROSPECT, ACTIVE, PAUSED, CHURNED");

		MvcTestResult date = patch(uri, fixtures.executive(),
				json("{'version': %d, 'relationshipStart': '2026-13-45'}".formatted(version)));
		assertThat(date).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(date)).containsExactly("relationshipStart");

		MvcTestResult fraction = patch(uri, fixtures.executive(),
				json("{'version': %d, 'employeeCount': 1.5}".formatted(version)));
		assertThat(fraction).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(fraction)).containsExactly("employeeCount");

		MvcTestResult flag = patch(uri, fixtures.executive(),
				json("{'version': %d, 'strategic': null}".formatted(version)));
		assertThat(flag).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(flag)).containsExactly("strategic");

		MvcTestResult versionText = patch(uri, fixtures.executive(), json("{'version': 'latest'}"));
		assertThat(versionText).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(versionText)).containsExactly("version");

		assertThat(fixtures.reload(account).stamp().version()).isEqualTo(version);
	}

	@Test
	void aBodyThatIsNotAJsonObjectIsRefusedNamingTheBody() {
		CurrentUser executive = fixtures.executive();
		for (String body : List.of("name=Globex", "{'name': 'Globex',".replace('\'', '"'), "[1, 2]", "")) {
			MvcTestResult result = post("/api/v1/accounts", executive, body);
			assertThat(result).as(body).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(errorFields(result)).as(body).containsExactly("body");
		}
		MvcTestResult form = mvc.post()
			.uri("/api/v1/accounts")
			.with(as(executive))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("name=Globex")
			.exchange();
		assertThat(form).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void aNewAccountWithoutRequiredFieldsIsRefusedNamingEach() {
		MvcTestResult result = post("/api/v1/accounts", fixtures.executive(),
				json("{'industry': 'Retail', 'timeZone': 'Mars/Olympus', 'billingCurrency': 'usd'}"));
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(result)).contains("name", "status", "billingCurrency", "timeZone");
	}

	@Test
	void aNewAccountWithATypoInAFieldNameIsRefused() {
		MvcTestResult result = post("/api/v1/accounts", fixtures.executive(),
				json("""
						{'name': 'Typo Inc', 'timeZone': 'UTC', 'status': 'ACTIVE', 'billingCurrency': 'USD', 'employeCount': 5}"""));
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(result)).containsExactly("employeCount");
	}

	@Test
	void listsArePagedSortedAndFiltered() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails small = fixtures.account(owner);
		AccountDetails large = fixtures.account(owner);
		fixtures.contract(small, ContractStatus.ACTIVE, "USD", "20000");
		fixtures.contract(large, ContractStatus.ACTIVE, "USD", "200000");

		MvcTestResult first = mvc.get()
			.uri("/api/v1/accounts?ownerId={o}&sort=arr&direction=desc&size=1", owner.id())
			.with(as(owner))
			.exchange();
		assertThat(first).hasStatusOk();
		JsonNode page = body(first);
		assertThat(page.get("total").asLong()).isEqualTo(2);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("size").asInt()).isEqualTo(1);
		assertThat(page.get("items")).hasSize(1);
		assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(large.id());
		assertThat(page.get("items").get(0).get("tier").asString()).isEqualTo("GROWTH");
		assertThat(page.get("items").get(0).get("editable").asBoolean()).isTrue();

		JsonNode second = body(mvc.get()
			.uri("/api/v1/accounts?ownerId={o}&sort=arr&direction=desc&size=1&page=1", owner.id())
			.with(as(owner))
			.exchange());
		assertThat(second.get("items").get(0).get("id").asLong()).isEqualTo(small.id());

		JsonNode growth = body(
				mvc.get().uri("/api/v1/accounts?ownerId={o}&tier=GROWTH", owner.id()).with(as(owner)).exchange());
		assertThat(ids(growth)).containsExactly(large.id());

		JsonNode byDefault = body(mvc.get().uri("/api/v1/accounts?ownerId={o}", owner.id()).with(as(owner)).exchange());
		assertThat(byDefault.get("page").asInt()).isZero();
		assertThat(byDefault.get("size").asInt()).isEqualTo(50);
	}

	@Test
	void badListParametersAreRefusedNamingTheParameter() {
		CurrentUser user = fixtures.user(Role.ACCOUNT_MANAGER);
		assertThat(errorFields(mvc.get().uri("/api/v1/accounts?size=0").with(as(user)).exchange()))
			.containsExactly("size");
		assertThat(errorFields(mvc.get().uri("/api/v1/accounts?size=201").with(as(user)).exchange()))
			.containsExactly("size");
		assertThat(errorFields(mvc.get().uri("/api/v1/accounts?page=-1").with(as(user)).exchange()))
			.containsExactly("page");
		assertThat(errorFields(mvc.get().uri("/api/v1/accounts?page=first").with(as(user)).exchange()))
			.containsExactly("page");
		assertThat(errorFields(mvc.get().uri("/api/v1/accounts?page=2147483647&size=200").with(as(user)).exchange()))
			.containsExactly("page");
		assertThat(errorFields(mvc.get().uri("/api/v1/accounts?page=99999999999").with(as(user)).exchange()))
			.containsExactly("page");
		MvcTestResult sort = mvc.get()
			.uri("/api/v1/accounts?sort=password&direction=sideways")
			.with(as(user))
			.exchange();
		assertThat(sort).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(sort)).containsExactly("sort", "direction");
		assertThat(errorMessage(sort, "sort")).contains("arr, health, key, name, region, status, tier, updated");
		assertThat(errorFields(mvc.get().uri("/api/v1/accounts?tier=HUGE").with(as(user)).exchange()))
			.containsExactly("tier");
		assertThat(errorFields(mvc.get().uri("/api/v1/accounts/abc").with(as(user)).exchange())).containsExactly("id");
	}

	@Test
	void everySortColumnTheApiOffersWorks() {
		CurrentUser user = fixtures.user(Role.SALES_DIRECTOR);
		for (String sort : AccountApi.SORTS) {
			assertThat(mvc.get().uri("/api/v1/accounts?sort={s}&direction=DESC&size=5", sort).with(as(user))).as(sort)
				.hasStatusOk();
		}
	}

	@Test
	void anAccountManagerEditsAnAccountTheyOwn() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		MvcTestResult result = patch("/api/v1/accounts/" + account.id(), owner,
				json("{'version': %d, 'hqLocation': 'Denver, CO'}".formatted(account.stamp().version())));
		assertThat(result).hasStatusOk();
		assertThat(fixtures.reload(account).hqLocation()).isEqualTo("Denver, CO");
	}

	@Test
	void anAccountManagerMayNotEditAnotherManagersAccountAndTheRefusalIsAudited() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);

		MvcTestResult result = patch("/api/v1/accounts/" + account.id(), other,
				json("{'version': %d, 'hqLocation': 'Denver, CO'}".formatted(account.stamp().version())));

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(fixtures.reload(account).hqLocation()).isEqualTo("Austin, TX");
		List<String> denials = jdbc.sql("select detail from audit_entry where action = 'DENIED' and actor_id = :me")
			.param("me", other.id())
			.query(String.class)
			.list();
		assertThat(denials).singleElement()
			.asString()
			.startsWith("PATCH /api/v1/accounts/" + account.id())
			.contains("own");
	}

	@Test
	void anAccountManagerMayNotHandTheirAccountToSomeoneElse() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		assertThat(patch("/api/v1/accounts/" + account.id(), owner,
				json("{'version': %d, 'ownerId': %d}".formatted(account.stamp().version(), other.id()))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(patch("/api/v1/accounts/" + account.id(), owner,
				json("{'version': %d, 'strategic': true}".formatted(account.stamp().version()))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(fixtures.reload(account).ownerId()).isEqualTo(owner.id());
	}

	@Test
	void anAccountManagerMayNeitherCreateNorDeleteAccounts() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		MvcTestResult create = post("/api/v1/accounts", manager,
				json("{'name': '%s', 'timeZone': 'UTC', 'status': 'ACTIVE', 'billingCurrency': 'USD'}"
					.formatted(AccountFixtures.unique("Mine"))));
		assertThat(create).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and actor_id = :me")
			.param("me", manager.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		AccountDetails own = fixtures.account(manager);
		assertThat(mvc.delete().uri("/api/v1/accounts/{id}", own.id()).with(as(manager)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/accounts/{id}", own.id()).with(as(manager))).hasStatusOk();
	}

	@Test
	void onlyAnExecutiveFlagsAnAccountStrategic() {
		String body = "{'name': '%s', 'timeZone': 'UTC', 'status': 'ACTIVE', 'billingCurrency': 'USD', 'strategic': true}";
		assertThat(post("/api/v1/accounts", fixtures.user(Role.SALES_DIRECTOR),
				json(body.formatted(AccountFixtures.unique("Flagged")))))
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult byExecutive = post("/api/v1/accounts", fixtures.executive(),
				json(body.formatted(AccountFixtures.unique("Flagged"))));
		assertThat(byExecutive).hasStatus(HttpStatus.CREATED);
		assertThat(body(byExecutive).get("strategic").asBoolean()).isTrue();
	}

	@Test
	void aRecruiterSeesOnlyTheAccountsWhoseTeamTheyAreOn() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		AccountDetails onTeam = fixtures.account(owner);
		AccountDetails notOnTeam = fixtures.account(owner);
		fixtures.onTeam(onTeam, recruiter);

		JsonNode recruiterList = body(
				mvc.get().uri("/api/v1/accounts?ownerId={o}", owner.id()).with(as(recruiter)).exchange());
		assertThat(ids(recruiterList)).containsExactly(onTeam.id());
		assertThat(recruiterList.get("total").asLong()).isEqualTo(1);
		assertThat(mvc.get().uri("/api/v1/accounts/{id}", notOnTeam.id()).with(as(recruiter)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/accounts/{id}", onTeam.id()).with(as(recruiter))).hasStatusOk();

		JsonNode managerList = body(mvc.get()
			.uri("/api/v1/accounts?ownerId={o}", owner.id())
			.with(as(fixtures.user(Role.ACCOUNT_MANAGER)))
			.exchange());
		assertThat(ids(managerList)).containsExactlyInAnyOrder(onTeam.id(), notOnTeam.id());
		assertThat(managerList.get("items").get(0).get("editable").asBoolean()).isFalse();
	}

	@Test
	void executivesPutPeopleOnAnAccountsTeam() {
		AccountDetails account = fixtures.account(null);
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		String uri = "/api/v1/accounts/" + account.id() + "/team";

		MvcTestResult added = post(uri, fixtures.executive(),
				json("{'userId': %d, 'teamRole': 'Dedicated Recruiter'}".formatted(recruiter.id())));
		assertThat(added).hasStatus(HttpStatus.CREATED);
		assertThat(added.getResponse().getHeader("Location")).endsWith(uri + "/" + recruiter.id());
		assertThat(body(added).get("name").asString()).isEqualTo(recruiter.fullName());
		assertThat(mvc.get().uri(uri + "/" + recruiter.id()).with(as(recruiter))).hasStatusOk();

		MvcTestResult again = post(uri, fixtures.executive(),
				json("{'userId': %d, 'teamRole': 'Backup Recruiter'}".formatted(recruiter.id())));
		assertThat(again).hasStatusOk();

		JsonNode team = body(mvc.get().uri(uri).with(as(recruiter)).exchange());
		assertThat(team.get("total").asLong()).isEqualTo(1);
		assertThat(team.get("items").get(0).get("teamRole").asString()).isEqualTo("Backup Recruiter");

		assertThat(post(uri, fixtures.user(Role.ACCOUNT_MANAGER),
				json("{'userId': %d, 'teamRole': 'Recruiter'}".formatted(recruiter.id()))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(errorFields(post(uri, fixtures.executive(), json("{'userId': 'abc', 'teamRole': 'Recruiter'}"))))
			.containsExactly("userId");
		assertThat(errorFields(post(uri, fixtures.executive(), json("{'teamRole': ' '}")))).containsExactly("userId",
				"teamRole");
		assertThat(post(uri, fixtures.executive(), json("{'userId': 999999999, 'teamRole': 'Recruiter'}")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/accounts/999999999/team").with(as(recruiter)))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	private MvcTestResult post(String uri, CurrentUser user, String body) {
		return mvc.post().uri(uri).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult patch(String uri, CurrentUser user, String body) {
		return mvc.patch().uri(uri).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

}
