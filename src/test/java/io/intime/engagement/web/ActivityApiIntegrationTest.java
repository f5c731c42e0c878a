package io.intime.engagement.web;

import io.intime.accounts.AccountCreated;
import io.intime.engagement.ActivityLogged;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContactView;
import io.intime.accounts.StakeholderRole;
import io.intime.engagement.EngagementFixtures;
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
 * /api/v1/activities: logging, executive touchpoints, validation, conflicts, permissions,
 * events.
 */
@IntegrationTest
@RecordApplicationEvents
class ActivityApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	EngagementFixtures fixtures;

	final Instant yesterday = TestClock.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

	@BeforeEach
	void setUp() {
		fixtures = new EngagementFixtures(context);
	}

	@Test
	void anAccountManagerLogsACallWithAClientExecutiveWhichIsAnExecutiveTouchpoint() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		ContactView ceo = fixtures.contact(account, StakeholderRole.EXECUTIVE);
		ContactView champion = fixtures.contact(account, StakeholderRole.CHAMPION);

		MvcTestResult created = post(manager, json("""
				{'accountId': %d, 'type': 'CALL', 'direction': 'OUTBOUND', 'subject': 'Payment escalation',
				 'notes': 'AP system upgrade caused the delay', 'occurredAt': '%s', 'durationMinutes': 30,
				 'outcome': 'Payment by Friday', 'sentiment': 'POSITIVE', 'tags': ['Payment', 'Resolved'],
				 'contactIds': [%d, %d], 'participantIds': [%d]}""".formatted(account.id(), yesterday, ceo.id(),
				champion.id(), manager.id())));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode activity = body(created);
		long id = activity.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/activities/" + id);
		assertThat(activity.get("executiveTouchpoint").asBoolean()).isTrue();
		assertThat(activity.get("occurredAt").asString()).isEqualTo(yesterday.toString());
		assertThat(activity.get("contacts").get(0).get("name").asString()).isEqualTo(ceo.name());
		assertThat(activity.get("participants").get(0).get("name").asString()).isEqualTo(manager.fullName());
		assertThat(activity.get("tags")).hasSize(2);
		assertThat(activity.get("stamp").get("createdBy").asString()).isEqualTo(manager.username());

		assertThat(events.stream(AccountFactChanged.class))
			.anyMatch(e -> e instanceof ActivityLogged && e.accountId() == account.id());
		assertThat(jdbc
			.sql("select payload->>'subject' from domain_event where type = 'activity.logged' and account_id = :a")
			.param("a", account.id())
			.query(String.class)
			.single()).isEqualTo("Payment escalation");
		assertThat(jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'activity' and entity_id = :id and action = 'CREATE'")
			.param("id", id)
			.query(Long.class)
			.single()).isGreaterThan(5);

		JsonNode emailToCeo = body(post(manager, json("""
				{'accountId': %d, 'type': 'EMAIL', 'direction': 'OUTBOUND', 'subject': 'Follow-up', 'occurredAt': '%s',
				 'contactIds': [%d]}""".formatted(account.id(), yesterday, ceo.id()))));
		assertThat(emailToCeo.get("executiveTouchpoint").asBoolean()).as("an email is never a touchpoint").isFalse();
		JsonNode callWithChampion = body(post(manager, json("""
				{'accountId': %d, 'type': 'CALL', 'direction': 'OUTBOUND', 'subject': 'Check-in', 'occurredAt': '%s',
				 'contactIds': [%d]}""".formatted(account.id(), yesterday, champion.id()))));
		assertThat(callWithChampion.get("executiveTouchpoint").asBoolean()).isFalse();
	}

	@Test
	void aMeetingWithTheExecutiveSponsorIsATouchpointAndPlanningOneAheadLogsExecutiveCallScheduled() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		CurrentUser sponsor = fixtures.accounts().user(Role.EXECUTIVE);
		AccountDetails account = fixtures.accounts().strategicAccount(manager, sponsor);
		ContactView champion = fixtures.contact(account, StakeholderRole.CHAMPION);
		Instant tomorrow = TestClock.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

		JsonNode planned = body(post(sponsor, json("""
				{'accountId': %d, 'type': 'MEETING', 'direction': 'OUTBOUND', 'subject': 'Executive sponsor call',
				 'notes': 'Recovery plan', 'occurredAt': '%s', 'contactIds': [%d], 'participantIds': [%d, %d]}"""
			.formatted(account.id(), tomorrow, champion.id(), sponsor.id(), manager.id()))));

		assertThat(planned.get("executiveTouchpoint").asBoolean()).isTrue();
		JsonNode scheduled = body(mvc.get()
			.uri("/api/v1/events?type=executive.call.scheduled&accountId={a}", account.id())
			.with(as(sponsor))
			.exchange());
		assertThat(scheduled.get("total").asLong()).isEqualTo(1);
		JsonNode payload = scheduled.get("items").get(0).get("payload");
		assertThat(payload.get("call_date").asString()).isEqualTo(tomorrow.toString());
		assertThat(payload.get("client_contact").asString()).startsWith(champion.name());
		assertThat(payload.get("agenda").asString()).isEqualTo("Recovery plan");
		// the account's manager is told (the sponsor planned it and is not told of their
		// own act)
		assertThat(jdbc.sql("""
				select recipient_id from notification
				where kind = 'engagement.executive-call-scheduled' and record_id = :id""")
			.param("id", planned.get("id").asLong())
			.query(Long.class)
			.list()).containsExactly(manager.id());
	}

	@Test
	void badInputIsRefusedNamingEachField() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		ContactView elsewhere = fixtures.contact(fixtures.accounts().account(null), StakeholderRole.CHAMPION);

		assertThat(errorFields(post(manager, json("{'accountId': %d}".formatted(account.id()))))).contains("direction",
				"occurredAt", "subject", "type");
		MvcTestResult tooLong = post(manager, json("""
				{'accountId': %d, 'type': 'CALL', 'direction': 'OUTBOUND', 'subject': 'x', 'occurredAt': '%s',
				 'durationMinutes': 2000}""".formatted(account.id(), yesterday)));
		assertThat(tooLong).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(errorMessage(tooLong, "durationMinutes")).isEqualTo("must be between 0 and 1440 minutes");
		assertThat(errorFields(post(manager, json("""
				{'accountId': %d, 'type': 'VIDEO', 'direction': 'OUTBOUND', 'subject': 'x', 'occurredAt': '%s'}"""
			.formatted(account.id(), yesterday))))).containsExactly("type");
		assertThat(errorFields(post(manager, json("""
				{'accountId': %d, 'type': 'CALL', 'direction': 'OUTBOUND', 'subject': 'x', 'occurredAt': 'yesterday'}"""
			.formatted(account.id()))))).containsExactly("occurredAt");
		assertThat(
				errorFields(post(manager,
						json("""
								{'accountId': %d, 'type': 'CALL', 'direction': 'OUTBOUND', 'subject': 'x', 'occurredAt': '%s',
								 'contactIds': [%d], 'participantIds': [999999999]}"""
							.formatted(account.id(), yesterday, elsewhere.id())))))
			.containsExactly("contactIds", "participantIds");
		assertThat(errorFields(post(manager, json("""
				{'accountId': %d, 'type': 'NOTE', 'direction': 'INBOUND', 'subject': 'x', 'occurredAt': '%s'}"""
			.formatted(account.id(), yesterday))))).containsExactly("direction");
		assertThat(errorFields(post(manager,
				json("""
						{'accountId': %d, 'type': 'NOTE', 'direction': 'INTERNAL', 'subject': 'x', 'occurredAt': '%s', 'mood': 'good'}"""
					.formatted(account.id(), yesterday)))))
			.containsExactly("mood");
		assertThat(jdbc.sql("select count(*) from activity where account_id = :a")
			.param("a", account.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void fieldsOfAnotherTypeOrTenseAreRefusedAsTheFormLeavesThemOut() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		Instant tomorrow = yesterday.plus(2, ChronoUnit.DAYS);

		MvcTestResult timedEmail = post(manager, json("""
				{'accountId': %d, 'type': 'EMAIL', 'direction': 'OUTBOUND', 'subject': 'x', 'occurredAt': '%s',
				 'durationMinutes': 30}""".formatted(account.id(), yesterday)));
		assertThat(errorFields(timedEmail)).containsExactly("durationMinutes");
		assertThat(errorMessage(timedEmail, "durationMinutes")).isEqualTo("Emails have no duration: leave it empty");
		MvcTestResult plannedWithFeelings = post(manager, json("""
				{'accountId': %d, 'type': 'CALL', 'direction': 'OUTBOUND', 'subject': 'x', 'occurredAt': '%s',
				 'durationMinutes': 30, 'outcome': 'Renewal agreed', 'sentiment': 'POSITIVE'}""".formatted(account.id(),
				tomorrow)));
		assertThat(errorFields(plannedWithFeelings)).containsExactly("outcome", "sentiment");
		assertThat(errorMessage(plannedWithFeelings, "sentiment"))
			.isEqualTo("a planned call has not happened yet: say how it felt once it has");
		assertThat(jdbc.sql("select count(*) from activity where account_id = :a")
			.param("a", account.id())
			.query(Long.class)
			.single()).isZero();

		JsonNode note = body(post(manager, json("""
				{'accountId': %d, 'type': 'NOTE', 'subject': 'Internal review', 'occurredAt': '%s'}"""
			.formatted(account.id(), yesterday))));
		assertThat(note.get("direction").asString()).isEqualTo("INTERNAL");
		JsonNode call = body(post(manager, json("""
				{'accountId': %d, 'type': 'CALL', 'direction': 'OUTBOUND', 'subject': 'Check-in', 'occurredAt': '%s',
				 'durationMinutes': 30, 'sentiment': 'NEUTRAL'}""".formatted(account.id(), yesterday))));
		long id = call.get("id").asLong();
		long read = call.get("stamp").get("version").asLong();
		assertThat(errorFields(patch(id, manager, json("{'version': %d, 'type': 'EMAIL'}".formatted(read)))))
			.containsExactly("durationMinutes");
		assertThat(
				patch(id, manager, json("{'version': %d, 'type': 'EMAIL', 'durationMinutes': null}".formatted(read))))
			.hasStatusOk();
	}

	@Test
	void aStalePatchIsAConflictAndTheOtherChangeSurvives() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		JsonNode activity = body(post(manager, json("""
				{'accountId': %d, 'type': 'CALL', 'direction': 'OUTBOUND', 'subject': 'Check-in', 'occurredAt': '%s'}"""
			.formatted(account.id(), yesterday))));
		long id = activity.get("id").asLong();
		long read = activity.get("stamp").get("version").asLong();

		assertThat(patch(id, manager, json("{'version': %d, 'outcome': 'Renewal on track'}".formatted(read))))
			.hasStatusOk();
		MvcTestResult late = patch(id, manager, json("{'version': %d, 'subject': 'Changed late'}".formatted(read)));

		assertThat(late).hasStatus(HttpStatus.CONFLICT);
		JsonNode now = body(mvc.get().uri("/api/v1/activities/{id}", id).with(as(manager)).exchange());
		assertThat(now.get("outcome").asString()).isEqualTo("Renewal on track");
		assertThat(now.get("subject").asString()).isEqualTo("Check-in");
		assertThat(errorFields(patch(id, manager, json("{'version': %d, 'accountId': 1}".formatted(read + 1)))))
			.containsExactly("accountId");
	}

	@Test
	void onlyWhoeverLoggedAnActivityOrSomeoneWhoSeesEverythingChangesOrRemovesItAndDenialsAreAudited() {
		CurrentUser author = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		CurrentUser colleague = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(author);
		JsonNode activity = body(post(author,
				json("""
						{'accountId': %d, 'type': 'EMAIL', 'direction': 'INBOUND', 'subject': 'Q1 hiring plans', 'occurredAt': '%s'}"""
					.formatted(account.id(), yesterday))));
		long id = activity.get("id").asLong();

		assertThat(patch(id, colleague, json("{'version': 0, 'subject': 'Mine now'}"))).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.delete().uri("/api/v1/activities/{id}", id).with(as(colleague))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc
			.sql("select count(*) from audit_entry where action = 'DENIED' and actor_name = :u and detail like :d")
			.param("u", colleague.username())
			.param("d", "%/api/v1/activities/" + id + "%")
			.query(Long.class)
			.single()).isEqualTo(2);

		CurrentUser recruiter = fixtures.accounts().user(Role.RECRUITER);
		assertThat(mvc.get().uri("/api/v1/activities?accountId={a}", account.id()).with(as(recruiter)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(body(mvc.get().uri("/api/v1/activities").with(as(recruiter)).exchange()).get("total").asLong())
			.isZero();

		assertThat(mvc.delete().uri("/api/v1/activities/{id}", id).with(as(author))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/activities/{id}", id).with(as(author))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(events.stream(AccountFactChanged.class).filter(e -> e.accountId() == account.id()))
			.filteredOn(e -> !(e instanceof AccountCreated))
			.hasSize(2);
	}

	@Test
	void activitiesAreListedNewestFirstByAccountAndType() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		for (int daysAgo : new int[] { 3, 1, 2 }) {
			post(manager,
					json("""
							{'accountId': %d, 'type': 'CALL', 'direction': 'OUTBOUND', 'subject': 'Call %d', 'occurredAt': '%s'}"""
						.formatted(account.id(), daysAgo, TestClock.now().minus(daysAgo, ChronoUnit.DAYS))));
		}
		post(manager, json("""
				{'accountId': %d, 'type': 'NOTE', 'direction': 'INTERNAL', 'subject': 'Note', 'occurredAt': '%s'}"""
			.formatted(account.id(), yesterday)));

		JsonNode calls = body(
				mvc.get().uri("/api/v1/activities?accountId={a}&type=CALL", account.id()).with(as(manager)).exchange());
		assertThat(calls.get("total").asLong()).isEqualTo(3);
		assertThat(subjects(calls)).containsExactly("Call 1", "Call 2", "Call 3");
		JsonNode page = body(mvc.get()
			.uri("/api/v1/activities?accountId={a}&size=2&page=1", account.id())
			.with(as(manager))
			.exchange());
		assertThat(page.get("total").asLong()).isEqualTo(4);
		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("size").asInt()).isEqualTo(2);
		assertThat(subjects(page)).containsExactly("Call 2", "Call 3");
		assertThat(errorFields(mvc.get().uri("/api/v1/activities?type=FAX").with(as(manager)).exchange()))
			.containsExactly("type");
	}

	private MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/activities")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/activities/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static List<String> subjects(JsonNode page) {
		List<String> subjects = new ArrayList<>();
		page.get("items").forEach(item -> subjects.add(item.get("subject").asString()));
		return subjects;
	}

}
