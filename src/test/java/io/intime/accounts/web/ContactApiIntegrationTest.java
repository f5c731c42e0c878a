package io.intime.accounts.web;

import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactView;
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
class ContactApiIntegrationTest {

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
	void anAccountManagerAddsReadsAndChangesAContactButOnlyAnExecutiveDeletesIt() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER));

		MvcTestResult created = post(manager, json("""
				{'accountId': %d, 'name': 'Dana Whitfield', 'title': 'CHRO', 'email': 'dana@globex.example',
				 'phone': '+1 512 555 0199', 'timeZone': 'America/Chicago', 'stakeholderRole': 'ECONOMIC_BUYER',
				 'influence': 'HIGH'}""".formatted(account.id())));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode contact = body(created);
		long id = contact.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/contacts/" + id);
		assertThat(contact.get("accountId").asLong()).isEqualTo(account.id());
		assertThat(contact.get("accountName").asString()).isEqualTo(account.name());
		assertThat(contact.get("active").asBoolean()).as("active defaults to true").isTrue();

		JsonNode read = body(mvc.get().uri("/api/v1/contacts/{id}", id).with(as(manager)).exchange());
		assertThat(read.get("email").asString()).isEqualTo("dana@globex.example");

		MvcTestResult patched = patch(id, manager,
				json("{'version': %d, 'title': 'Chief People Officer', 'active': false}".formatted(version(read))));
		assertThat(patched).hasStatusOk();
		assertThat(body(patched).get("title").asString()).isEqualTo("Chief People Officer");
		assertThat(body(patched).get("active").asBoolean()).isFalse();
		assertThat(body(patched).get("influence").asString()).isEqualTo("HIGH");

		assertThat(mvc.delete().uri("/api/v1/contacts/{id}", id).with(as(manager))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/v1/contacts/{id}", id).with(as(fixtures.executive())))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/contacts/{id}", id).with(as(manager))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aSecondContactWithTheSameEmailAtTheSameAccountIsAConflictLinkingToTheFirst() {
		AccountDetails account = fixtures.account(null);
		ContactView first = fixtures.contact(account);
		String sameEmailOtherCase = first.email().toUpperCase();

		MvcTestResult duplicate = post(fixtures.executive(),
				json("""
						{'accountId': %d, 'name': 'Someone Else', 'email': '%s', 'stakeholderRole': 'OTHER', 'influence': 'LOW'}"""
					.formatted(account.id(), sameEmailOtherCase)));

		assertThat(duplicate).hasStatus(HttpStatus.CONFLICT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(errorFields(duplicate)).containsExactly("email");
		JsonNode existing = body(duplicate).get("existing");
		assertThat(existing.get("label").asString()).isEqualTo(first.name());
		assertThat(existing.get("href").asString()).contains("/contacts/" + first.id());

		MvcTestResult elsewhere = post(fixtures.executive(),
				json("""
						{'accountId': %d, 'name': 'Someone Else', 'email': '%s', 'stakeholderRole': 'OTHER', 'influence': 'LOW'}"""
					.formatted(fixtures.account(null).id(), first.email())));
		assertThat(elsewhere).as("the same email at another account").hasStatus(HttpStatus.CREATED);
	}

	@Test
	void changingAContactsEmailToAnotherContactsIsAConflictToo() {
		AccountDetails account = fixtures.account(null);
		ContactView first = fixtures.contact(account);
		ContactView second = fixtures.contact(account);
		MvcTestResult result = patch(second.id(), fixtures.executive(),
				json("{'version': %d, 'email': '%s'}".formatted(second.stamp().version(), first.email())));
		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(errorFields(result)).containsExactly("email");
	}

	@Test
	void aStalePatchIsAConflictAndTheOtherChangeSurvives() {
		ContactView contact = fixtures.contact(fixtures.account(null));
		long readVersion = contact.stamp().version();
		assertThat(patch(contact.id(), fixtures.executive(),
				json("{'version': %d, 'title': 'CFO'}".formatted(readVersion))))
			.hasStatusOk();
		MvcTestResult late = patch(contact.id(), fixtures.executive(),
				json("{'version': %d, 'phone': '+44 20 7946 0000'}".formatted(readVersion)));
		assertThat(late).hasStatus(HttpStatus.CONFLICT);
		JsonNode now = body(
				mvc.get().uri("/api/v1/contacts/{id}", contact.id()).with(as(fixtures.executive())).exchange());
		assertThat(now.get("title").asString()).isEqualTo("CFO");
		assertThat(now.get("phone").asString()).isEqualTo(contact.phone());
	}

	@Test
	void badContactInputIsRefusedNamingTheField() {
		CurrentUser executive = fixtures.executive();
		AccountDetails account = fixtures.account(null);

		assertThat(errorFields(
				post(executive, json("{'name': 'No Account', 'stakeholderRole': 'OTHER', 'influence': 'LOW'}"))))
			.containsExactly("accountId");
		assertThat(errorFields(post(executive, json("{'accountId': 'ACC-001', 'name': 'X'}"))))
			.containsExactly("accountId");
		assertThat(errorFields(post(executive, json("{'accountId': %d}".formatted(account.id()))))).contains("name",
				"stakeholderRole", "influence");
		assertThat(errorFields(
				post(executive, json("{'accountId': %d, 'name': 'X', 'stakeholderRole': 'BOSS', 'influence': 'LOW'}"
					.formatted(account.id())))))
			.containsExactly("stakeholderRole");
		assertThat(errorFields(post(executive, json(
				"{'accountId': %d, 'name': 'X', 'email': 'not-an-email', 'stakeholderRole': 'OTHER', 'influence': 'LOW', 'timeZone': 'Nowhere/City'}"
					.formatted(account.id())))))
			.containsExactly("email", "timeZone");
		assertThat(post(executive,
				json("{'accountId': 999999999, 'name': 'X', 'stakeholderRole': 'OTHER', 'influence': 'LOW'}")))
			.hasStatus(HttpStatus.NOT_FOUND);

		ContactView contact = fixtures.contact(account);
		assertThat(errorFields(patch(contact.id(), executive,
				json("{'version': %d, 'accountId': %d}".formatted(contact.stamp().version(), account.id())))))
			.containsExactly("accountId");
		assertThat(errorFields(patch(contact.id(), executive,
				json("{'version': %d, 'active': 'maybe'}".formatted(contact.stamp().version())))))
			.containsExactly("active");
		assertThat(errorFields(patch(contact.id(), executive, json("{'title': 'CEO'}")))).containsExactly("version");
	}

	@Test
	void contactsAreListedByAccountAndByNameOrEmail() {
		AccountDetails account = fixtures.account(null);
		ContactView first = fixtures.contact(account);
		ContactView second = fixtures.contact(account);
		fixtures.contact(fixtures.account(null));
		CurrentUser reader = fixtures.user(Role.FINANCE);

		JsonNode all = body(mvc.get().uri("/api/v1/contacts?accountId={a}", account.id()).with(as(reader)).exchange());
		assertThat(all.get("total").asLong()).isEqualTo(2);
		assertThat(ids(all)).containsExactlyInAnyOrder(first.id(), second.id());

		JsonNode matching = body(mvc.get()
			.uri("/api/v1/contacts?accountId={a}&q={q}", account.id(), second.email())
			.with(as(reader))
			.exchange());
		assertThat(ids(matching)).containsExactly(second.id());

		JsonNode paged = body(mvc.get()
			.uri("/api/v1/contacts?accountId={a}&size=1&page=1", account.id())
			.with(as(reader))
			.exchange());
		assertThat(paged.get("items")).hasSize(1);
		assertThat(paged.get("page").asInt()).isEqualTo(1);
		assertThat(errorFields(mvc.get().uri("/api/v1/contacts?size=0").with(as(reader)).exchange()))
			.containsExactly("size");
	}

	@Test
	void aRecruiterSeesOnlyTheContactsOfTeamAccountsAndAddsNone() {
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		AccountDetails onTeam = fixtures.account(null);
		AccountDetails notOnTeam = fixtures.account(null);
		fixtures.onTeam(onTeam, recruiter);
		ContactView visible = fixtures.contact(onTeam);
		ContactView hidden = fixtures.contact(notOnTeam);

		assertThat(
				ids(body(mvc.get().uri("/api/v1/contacts?accountId={a}", onTeam.id()).with(as(recruiter)).exchange())))
			.containsExactly(visible.id());
		assertThat(body(mvc.get().uri("/api/v1/contacts?accountId={a}", notOnTeam.id()).with(as(recruiter)).exchange())
			.get("total")
			.asLong()).isZero();
		assertThat(mvc.get().uri("/api/v1/contacts/{id}", hidden.id()).with(as(recruiter)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(recruiter, json("{'accountId': %d, 'name': 'X', 'stakeholderRole': 'OTHER', 'influence': 'LOW'}"
			.formatted(onTeam.id())))).hasStatus(HttpStatus.FORBIDDEN);
	}

	private MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/contacts")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/contacts/{id}", id)
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
