package io.intime.escalations.web;

import io.intime.escalations.EscalationUpdated;
import io.intime.accounts.AccountCreated;
import io.intime.escalations.EscalationRaised;
import io.intime.escalations.EscalationStatusChanged;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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
 * /api/v1/escalations: keys per year, resolving and reopening, validation, conflicts,
 * permissions, events.
 */
@IntegrationTest
@RecordApplicationEvents
class EscalationApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	@Test
	void escalationsGetTheNextKeyOfTheYearTheyWereRaisedIn() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(manager);
		Instant now = TestClock.now();
		int year = now.atZone(ZoneOffset.UTC).getYear();

		MvcTestResult created = post(manager, json("""
				{'accountId': %d, 'title': 'Poor candidate quality', 'severity': 'P2'}""".formatted(account.id())));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode first = body(created);
		assertThat(created.getResponse().getHeader("Location"))
			.endsWith("/api/v1/escalations/" + first.get("id").asLong());
		assertThat(first.get("status").asString()).isEqualTo("OPEN");
		assertThat(first.get("resolvedAt").isNull()).isTrue();
		String key = first.get("key").asString();
		assertThat(key).matches("ESC-" + year + "-\\d{4}");

		JsonNode second = body(post(manager,
				json("{'accountId': %d, 'title': 'Late submissions', 'severity': 'P3'}".formatted(account.id()))));
		assertThat(number(second.get("key").asString())).isGreaterThan(number(key));

		Instant lastYear = now.minus(400, ChronoUnit.DAYS);
		JsonNode old = body(
				post(manager, json("{'accountId': %d, 'title': 'Old one', 'severity': 'P3', 'raisedAt': '%s'}"
					.formatted(account.id(), lastYear))));
		assertThat(old.get("key").asString()).startsWith("ESC-" + lastYear.atZone(ZoneOffset.UTC).getYear() + "-");
		assertThat(errorFields(post(manager,
				json("{'accountId': %d, 'title': 'x', 'severity': 'P3', 'key': 'ESC-1-1'}".formatted(account.id())))))
			.containsExactly("key");
	}

	@Test
	void resolvingStampsTheTimeAndReopeningClearsItWithEventsAndFactChanges() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(manager);
		Instant raised = TestClock.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		JsonNode escalation = body(post(manager, json("""
				{'accountId': %d, 'title': 'Missed deadline on Software Engineer role', 'severity': 'P2',
				 'status': 'IN_PROGRESS', 'raisedAt': '%s'}""".formatted(account.id(), raised))));
		long id = escalation.get("id").asLong();

		assertThat(errorFields(patch(id, manager, json("{'version': 0, 'status': 'RESOLVED'}"))))
			.containsExactly("resolutionCategory");
		JsonNode resolved = body(
				patch(id, manager, json("{'version': 0, 'status': 'RESOLVED', 'resolutionCategory': 'FIXED'}")));
		assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
		Instant resolvedAt = Instant.parse(resolved.get("resolvedAt").asString());
		assertThat(resolvedAt).isBetween(TestClock.now().minusSeconds(60), TestClock.now());

		assertThat(errorFields(patch(id, manager, json("{'version': 1, 'status': 'OPEN'}"))))
			.containsExactly("reopenReason");
		JsonNode reopened = body(
				patch(id, manager, json("{'version': 1, 'status': 'OPEN', 'reopenReason': 'The client wrote again'}")));
		assertThat(reopened.get("resolvedAt").isNull()).isTrue();
		JsonNode again = body(patch(id, manager, json(
				"{'version': 2, 'status': 'CLOSED', 'resolvedAt': '%s'}".formatted(raised.plus(2, ChronoUnit.DAYS)))));
		assertThat(again.get("resolvedAt").asString()).isEqualTo(raised.plus(2, ChronoUnit.DAYS).toString());

		assertThat(events.stream(AccountFactChanged.class)
			.filter(e -> e.accountId() == account.id())
			.filter(e -> !(e instanceof AccountCreated))).hasSize(4)
			.allMatch(e -> e instanceof EscalationRaised || e instanceof EscalationUpdated);
		assertThat(events.stream(EscalationStatusChanged.class).filter(e -> e.accountId() == account.id()))
			.extracting(e -> e.from() + ">" + e.to())
			.containsExactly("IN_PROGRESS>RESOLVED", "RESOLVED>OPEN", "OPEN>CLOSED");
		assertThat(
				jdbc.sql("select type from domain_event where account_id = :a and type like 'escalation.%' order by id")
					.param("a", account.id())
					.query(String.class)
					.list())
			.containsExactly("escalation.created", "escalation.updated", "escalation.resolved", "escalation.updated",
					"escalation.reopened", "escalation.updated", "escalation.resolved");
		assertThat(jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'escalation' and entity_id = :id and field = 'status'")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void badInputIsRefusedNamingEachField() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(manager);
		Instant raised = TestClock.now().minus(2, ChronoUnit.DAYS);

		assertThat(errorFields(
				post(manager, json("{'accountId': %d, 'description': 'no title'}".formatted(account.id())))))
			.containsExactly("severity", "title");
		// issue 13: an escalation without account is refused by name, nothing is raised
		long before = jdbc.sql("select count(*) from escalation").query(Long.class).single();
		assertThat(errorFields(post(manager, json("{'title': 'Orphan', 'severity': 'P2'}"))))
			.containsExactly("accountId");
		assertThat(jdbc.sql("select count(*) from escalation").query(Long.class).single()).isEqualTo(before);
		assertThat(errorFields(
				post(manager, json("{'accountId': %d, 'title': 'x', 'severity': 'P9'}".formatted(account.id())))))
			.containsExactly("severity");
		MvcTestResult early = post(manager,
				json("""
						{'accountId': %d, 'title': 'x', 'severity': 'P1', 'status': 'RESOLVED', 'resolutionCategory': 'FIXED', 'raisedAt': '%s', 'resolvedAt': '%s'}"""
					.formatted(account.id(), raised, raised.minus(1, ChronoUnit.HOURS))));
		assertThat(early).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(errorMessage(early, "resolvedAt")).isEqualTo("must not be before it was raised");
		assertThat(
				errorFields(post(manager,
						json("{'accountId': %d, 'title': 'x', 'severity': 'P1', 'raisedAt': '%s'}"
							.formatted(account.id(), TestClock.now().plus(2, ChronoUnit.DAYS))))))
			.containsExactly("raisedAt");
		assertThat(errorFields(mvc.get().uri("/api/v1/escalations?status=DONE").with(as(manager)).exchange()))
			.containsExactly("status");
	}

	@Test
	void aStalePatchIsAConflictAndTheOtherChangeSurvives() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(manager);
		long id = body(post(manager,
				json("{'accountId': %d, 'title': 'Late submissions', 'severity': 'P3'}".formatted(account.id()))))
			.get("id")
			.asLong();

		assertThat(patch(id, manager, json("{'version': 0, 'severity': 'P1'}"))).hasStatusOk();
		assertThat(patch(id, manager, json("{'version': 0, 'title': 'Changed late'}"))).hasStatus(HttpStatus.CONFLICT);
		JsonNode now = body(mvc.get().uri("/api/v1/escalations/{id}", id).with(as(manager)).exchange());
		assertThat(now.get("severity").asString()).isEqualTo("P1");
		assertThat(now.get("title").asString()).isEqualTo("Late submissions");
	}

	@Test
	void recruitersRaiseButOnlyTheAccountsManagerChangesAndFinanceOnlyReads() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser otherManager = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		CurrentUser finance = fixtures.user(Role.FINANCE);
		AccountDetails account = fixtures.account(owner);
		fixtures.onTeam(account, recruiter);
		String raise = json("{'accountId': %d, 'title': 'Late submission – Senior UX Designer', 'severity': 'P2'}"
			.formatted(account.id()));

		assertThat(post(finance, raise)).hasStatus(HttpStatus.FORBIDDEN);
		JsonNode raised = body(post(recruiter, raise));
		long id = raised.get("id").asLong();
		assertThat(raised.get("stamp").get("createdBy").asString()).isEqualTo(recruiter.username());
		assertThat(patch(id, recruiter, json("{'version': 0, 'status': 'RESOLVED'}"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(patch(id, otherManager, json("{'version': 0, 'status': 'RESOLVED'}")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(patch(id, owner, json("{'version': 0, 'status': 'IN_PROGRESS'}"))).hasStatusOk();
		assertThat(body(mvc.get()
			.uri("/api/v1/escalations?accountId={a}&status=IN_PROGRESS", account.id())
			.with(as(finance))
			.exchange()).get("total").asLong()).isEqualTo(1);
		assertThat(mvc.delete().uri("/api/v1/escalations/{id}", id).with(as(owner))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and actor_name in (:u)")
			.param("u",
					java.util.List.of(finance.username(), recruiter.username(), otherManager.username(),
							owner.username()))
			.query(Long.class)
			.single()).isEqualTo(4);
		assertThat(mvc.delete().uri("/api/v1/escalations/{id}", id).with(as(fixtures.executive())))
			.hasStatus(HttpStatus.NO_CONTENT);
	}

	@Test
	void openEscalationsAreListedFirst() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(manager);
		Instant old = TestClock.now().minus(20, ChronoUnit.DAYS);
		post(manager, json("{'accountId': %d, 'title': 'Old open', 'severity': 'P3', 'raisedAt': '%s'}"
			.formatted(account.id(), old)));
		post(manager, json(
				"{'accountId': %d, 'title': 'New resolved', 'severity': 'P3', 'status': 'RESOLVED', 'resolutionCategory': 'FIXED'}"
					.formatted(account.id())));
		JsonNode list = body(
				mvc.get().uri("/api/v1/escalations?accountId={a}", account.id()).with(as(manager)).exchange());
		assertThat(list.get("items").get(0).get("title").asString()).isEqualTo("Old open");
		assertThat(list.get("items").get(1).get("title").asString()).isEqualTo("New resolved");
	}

	private static int number(String key) {
		return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
	}

	private MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/escalations")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/escalations/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
