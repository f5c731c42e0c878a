package io.intime.tasks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContractStatus;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.junit.jupiter.api.AfterEach;
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
 * /api/v1/tasks on the real database: creating with defaults and field-named refusals (a
 * due date in the past, a recurrence that never occurs, an assignee who may not see the
 * account), the version checked in the write, filters, who sees what, reminders sent once
 * through notifications (and again after a snooze), and recurring series per tier.
 */
@IntegrationTest
@RecordApplicationEvents
class TaskApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	TaskReminders reminders;

	@Autowired
	TaskSeries series;

	@Autowired
	TaskManagement tasks;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	@AfterEach
	void resetClock() {
		TestClock.INSTANCE.reset();
	}

	static LocalDate today(CurrentUser user) {
		return TestClock.today(user.timeZone());
	}

	@Test
	void aTaskIsCreatedForItsCreatorAndCompletedWithTheVersionItWasReadAt() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(manager);
		LocalDate tomorrow = today(manager).plusDays(1);

		MvcTestResult created = post(manager, json("""
				{'title': 'Call Michael Chen', 'accountId': %d, 'dueDate': '%s', 'dueTime': '15:00'}"""
			.formatted(account.id(), tomorrow)));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode task = body(created);
		long id = task.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/tasks/" + id);
		assertThat(task.get("assigneeId").asLong()).isEqualTo(manager.id());
		assertThat(task.get("assigneeName").asString()).isEqualTo(manager.fullName());
		assertThat(task.get("accountName").asString()).isEqualTo(account.name());
		assertThat(task.get("status").asString()).isEqualTo("OPEN");
		assertThat(task.get("priority").asString()).isEqualTo("NORMAL");
		assertThat(task.get("timeZone").asString()).isEqualTo(manager.timeZone().getId());
		// reminded at the due time by default
		assertThat(task.get("remindAt").asString()).isEqualTo(task.get("dueAt").asString());
		assertThat(events.stream(TaskCreated.class).filter(e -> e.taskId() == id)).hasSize(1);

		MvcTestResult done = patch(id, manager, json("{'version': 0, 'status': 'DONE'}"));
		assertThat(done).hasStatusOk();
		assertThat(body(done).get("completedAt").isNull()).isFalse();
		assertThat(body(done).get("version").asLong()).isEqualTo(1);
		assertThat(events.stream(TaskCompleted.class).filter(e -> e.taskId() == id)).hasSize(1);
		// a second writer with the version it read is refused, nothing of theirs is saved
		MvcTestResult stale = patch(id, manager, json("{'version': 0, 'title': 'Changed late'}"));
		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(mvc.get().uri("/api/v1/tasks/{id}", id).with(as(manager)).exchange()).get("title").asString())
			.isEqualTo("Call Michael Chen");
		assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'task' and entity_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		AccountDetails account = fixtures.account(manager);
		LocalDate today = today(manager);

		MvcTestResult past = post(manager, json(
				"{'title': 'Late', 'accountId': %d, 'dueDate': '%s'}".formatted(account.id(), today.minusDays(1))));
		assertThat(past).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(past)).containsExactly("dueDate");
		assertThat(errorMessage(past, "dueDate")).contains("past");

		MvcTestResult never = post(manager, json("""
				{'title': 'Leap', 'dueDate': '%s', 'recurrence': {'rule': 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'}}"""
			.formatted(today.plusDays(1))));
		assertThat(never).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(never)).containsExactly("recurrence.rule");
		assertThat(errorMessage(never, "recurrence.rule")).contains("never occurs");

		MvcTestResult forbidden = post(manager,
				json("{'title': 'Source', 'accountId': %d, 'dueDate': '%s', 'assigneeId': %d}".formatted(account.id(),
						today.plusDays(1), recruiter.id())));
		assertThat(forbidden).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(forbidden)).containsExactly("assigneeId");
		assertThat(errorMessage(forbidden, "assigneeId")).contains(recruiter.fullName()).contains(account.name());

		assertThat(errorFields(post(manager, json("{'title': '', 'dueDate': '%s', 'colour': 'red'}".formatted(today)))))
			.contains("colour");
		assertThat(errorFields(post(manager, json("{'dueDate': '%s'}".formatted(today))))).containsExactly("title");
		assertThat(errorFields(post(manager,
				json("{'title': 'x', 'dueDate': '%s', 'recurrence': {'rule': 'FREQ=HOURLY'}}".formatted(today)))))
			.containsExactly("recurrence.rule");
		assertThat(jdbc.sql("select count(*) from task where assignee_id in (:a, :b)")
			.param("a", manager.id())
			.param("b", recruiter.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void tasksAreFilteredAndSeenOnlyByThoseWhoMay() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser otherManager = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		CurrentUser director = fixtures.user(Role.SALES_DIRECTOR);
		AccountDetails account = fixtures.account(manager);
		LocalDate today = today(manager);
		long soon = id(post(manager, json(
				"{'title': 'Soon', 'accountId': %d, 'dueDate': '%s'}".formatted(account.id(), today.plusDays(1)))));
		long later = id(post(manager, json(
				"{'title': 'Later', 'accountId': %d, 'dueDate': '%s'}".formatted(account.id(), today.plusDays(20)))));
		long personal = id(post(manager, json("{'title': 'Dentist', 'dueDate': '%s'}".formatted(today.plusDays(2)))));

		assertThat(ids(manager, "?accountId=" + account.id())).containsExactly(soon, later);
		assertThat(ids(manager, "?assigneeId=" + manager.id() + "&dueBefore=" + today.plusDays(5)))
			.containsExactly(soon, personal);
		assertThat(ids(manager, "?assigneeId=" + manager.id() + "&dueAfter=" + today.plusDays(10)))
			.containsExactly(later);
		assertThat(ids(manager, "?assigneeId=" + manager.id() + "&status=DONE")).isEmpty();
		// pages carry the total, also past the last one
		var second = body(
				mvc.get().uri("/api/v1/tasks?accountId={id}&page=1&size=1", account.id()).with(as(manager)).exchange());
		assertThat(second.get("total").asLong()).isEqualTo(2);
		assertThat(second.get("items").get(0).get("id").asLong()).isEqualTo(later);
		var beyond = body(
				mvc.get().uri("/api/v1/tasks?accountId={id}&page=5&size=1", account.id()).with(as(manager)).exchange());
		assertThat(beyond.get("total").asLong()).isEqualTo(2);
		assertThat(beyond.get("items")).isEmpty();

		// another account manager sees neither the account's tasks nor the personal one
		assertThat(mvc.get().uri("/api/v1/tasks/{id}", soon).with(as(otherManager)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/tasks/{id}", personal).with(as(otherManager)).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(ids(otherManager, "?assigneeId=" + manager.id())).isEmpty();
		assertThat(patch(soon, otherManager, json("{'version': 0, 'status': 'DONE'}"))).hasStatus(HttpStatus.FORBIDDEN);
		// a recruiter off the account's team does not see it; on the team they do, and do
		// not change it
		assertThat(mvc.get().uri("/api/v1/tasks/{id}", soon).with(as(recruiter)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		fixtures.onTeam(account, recruiter);
		assertThat(mvc.get().uri("/api/v1/tasks/{id}", soon).with(as(recruiter)).exchange()).hasStatusOk();
		assertThat(patch(soon, recruiter, json("{'version': 0, 'title': 'x'}"))).hasStatus(HttpStatus.FORBIDDEN);
		// the director sees and reassigns
		assertThat(ids(director, "?assigneeId=" + manager.id())).containsExactly(soon, personal, later);
		MvcTestResult reassigned = patch(soon, director,
				json("{'version': 0, 'assigneeId': %d}".formatted(recruiter.id())));
		assertThat(reassigned).hasStatusOk();
		assertThat(body(reassigned).get("assigneeName").asString()).isEqualTo(recruiter.fullName());
		assertThat(mvc.delete().uri("/api/v1/tasks/{id}", later).with(as(recruiter)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/v1/tasks/{id}", later).with(as(manager)).exchange())
			.hasStatus(HttpStatus.NO_CONTENT);
	}

	@Test
	void aReminderIsSentOnceAtItsTimeAndAgainAfterASnooze() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(manager);
		ZoneId zone = manager.timeZone();
		var due = TestClock.now().plus(Duration.ofHours(2)).atZone(zone);
		long id = id(post(manager,
				json("""
						{'title': 'Call the CFO', 'accountId': %d, 'dueDate': '%s', 'dueTime': '%s', 'remindBeforeMinutes': 15}"""
					.formatted(account.id(), due.toLocalDate(), due.toLocalTime().withSecond(0).withNano(0)))));

		reminders.sendDue();
		assertThat(notices(manager, id)).isZero();
		// the job as it runs 110 minutes on (the clock itself stays: other work runs on
		// it)
		java.time.Instant later = TestClock.now().plus(Duration.ofMinutes(110));
		reminders.sendDue(later);
		reminders.sendDue(later);
		assertThat(notices(manager, id)).isEqualTo(1);
		String title = jdbc.sql("select title from notification where record_type = 'task' and record_id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(title).endsWith("Call the CFO");

		long version = body(mvc.get().uri("/api/v1/tasks/{id}", id).with(as(manager)).exchange()).get("version")
			.asLong();
		assertThat(patch(id, manager,
				json("{'version': %d, 'dueDate': '%s'}".formatted(version, due.toLocalDate().plusDays(1)))))
			.hasStatusOk();
		reminders.sendDue(later);
		assertThat(notices(manager, id)).isEqualTo(1);
		reminders.sendDue(later.plus(Duration.ofDays(1)));
		assertThat(notices(manager, id)).isEqualTo(2);
	}

	@Test
	void aMonthlyCheckInWithEveryGrowthAccountMakesOneTaskPerAccountOnce() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails growthA = fixtures.account(manager);
		AccountDetails growthB = fixtures.account(manager);
		AccountDetails standard = fixtures.account(manager);
		fixtures.contract(growthA, ContractStatus.ACTIVE, "USD", "200000");
		fixtures.contract(growthB, ContractStatus.ACTIVE, "USD", "180000");
		fixtures.contract(standard, ContractStatus.ACTIVE, "USD", "20000");
		LocalDate start = today(manager).plusDays(1);

		MvcTestResult created = post(manager,
				json("""
						{'title': 'Monthly check-in', 'dueDate': '%s', 'recurrence': {'rule': 'FREQ=MONTHLY', 'accountTier': 'GROWTH', 'count': 3}}"""
					.formatted(start)));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode first = body(created);
		assertThat(first.get("recurrence").asString()).isEqualTo("Every month, 3 times");
		long seriesId = first.get("seriesId").asLong();
		List<Long> accounts = jdbc.sql("select account_id from task where series_id = :s order by account_id")
			.param("s", seriesId)
			.query(Long.class)
			.list();
		// at least the next occurrence exists for each Growth account, none for the
		// Standard one
		assertThat(accounts).contains(growthA.id(), growthB.id()).doesNotContain(standard.id());
		int before = accounts.size();
		series.make(seriesId, TestClock.now(), io.intime.shared.Actor.SYSTEM, false);
		series.extendAll();
		assertThat(jdbc.sql("select count(*) from task where series_id = :s")
			.param("s", seriesId)
			.query(Long.class)
			.single()).isEqualTo(before);
		// two months later the rest is made, and nothing after the third
		java.time.Instant later = TestClock.now().plus(Duration.ofDays(75));
		series.extendAll(later);
		series.extendAll(later);
		assertThat(jdbc.sql("select count(*) from task where series_id = :s")
			.param("s", seriesId)
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(jdbc.sql("select count(distinct (occurs_on, account_id)) from task where series_id = :s")
			.param("s", seriesId)
			.query(Long.class)
			.single()).isEqualTo(6);
	}

	@Test
	void businessDaysSkipTheWeekendAndHolidays() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		LocalDate today = today(manager);
		LocalDate inTwo = tasks.businessDaysFromToday(manager.id(), manager.timeZone(), 2);
		assertThat(inTwo).isAfter(today.plusDays(1));
		assertThat(inTwo.getDayOfWeek().getValue()).isLessThan(6);
	}

	long notices(CurrentUser user, long taskId) {
		return jdbc.sql("""
				select count(*) from notification where recipient_id = :u and kind = 'task.due'
				and record_type = 'task' and record_id = :id""")
			.param("u", user.id())
			.param("id", taskId)
			.query(Long.class)
			.single();
	}

	List<Long> ids(CurrentUser user, String query) {
		List<Long> ids = new java.util.ArrayList<>();
		body(mvc.get().uri("/api/v1/tasks" + query).with(as(user)).exchange()).get("items")
			.forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	static long id(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return body(result).get("id").asLong();
	}

	MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/tasks")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/tasks/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
