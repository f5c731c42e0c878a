package io.intime.qbr;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ServiceLineForm;
import io.intime.engagement.MeetingForm;
import io.intime.engagement.MeetingView;
import io.intime.engagement.Meetings;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.StaleVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The QBR calendar on real PostgreSQL: planning by cadence (once, however often it runs),
 * scheduling a QBR as a calendar meeting with its invitations and following the meeting
 * when it moves or is cancelled, the refusal of a QBR without anyone from the client
 * (page and API, naming the field), the next QBR by cadence, the completion rate with its
 * quality criteria and the scorecard's QBR figure, and who sees what.
 */
@IntegrationTest
class QbrCalendarIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	QbrScheduling scheduling;

	@Autowired
	QbrCalendar calendar;

	@Autowired
	Qbrs qbrs;

	@Autowired
	Meetings meetings;

	@Autowired
	ContractManagement contracts;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	AccountFixtures fixtures;

	CurrentUser am;

	final LocalDate today = TestClock.today();

	final QbrQuarter quarter = QbrQuarter.of(TestClock.today());

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
	}

	@Test
	void planningMakesEachClientsQbrByItsCadenceOnceHoweverOftenItRuns() {
		AccountDetails growth = client(am, "200000");
		AccountDetails standard = client(am, "80000");
		AccountDetails flagged = fixtures.strategicAccount(am, fixtures.executive());
		contract(flagged, "80000");
		AccountDetails reviewedLastQuarter = client(am, "60000");
		insert(reviewedLastQuarter, quarter.previous(), "COMPLETED");
		AccountDetails prospect = fixtures.account(am);

		assertThat(scheduling.planFor(List.of(am.id()))).isEqualTo(3);
		assertThat(scheduling.planFor(List.of(am.id()))).as("idempotent").isZero();
		scheduling.planDue();
		List<Long> mine = List.of(growth.id(), standard.id(), flagged.id(), reviewedLastQuarter.id(), prospect.id());
		assertThat(jdbc.sql("""
				select a.name from qbr q join account a on a.id = q.account_id
				 where q.account_id = any(:ids) and q.quarter = :q and q.status = 'PLANNED' and q.owner_id = :am
				   and q.due_date = :due""")
			.param("ids", new org.springframework.jdbc.support.SqlArrayValue("bigint", mine.toArray()))
			.param("q", quarter.code())
			.param("am", am.id())
			.param("due", quarter.next().last())
			.query(String.class)
			.list()).containsExactlyInAnyOrder(growth.name(), standard.name(), flagged.name());
		long planned = plannedQbr(growth);
		assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'qbr' and entity_id = :id")
			.param("id", planned)
			.query(Long.class)
			.single()).isPositive();

		// the account changes hands: its open QBR follows
		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		jdbc.sql("update account set owner_id = :o where id = :a")
			.param("o", other.id())
			.param("a", growth.id())
			.update();
		scheduling.planFor(List.of(other.id()));
		assertThat(qbrs.get(planned, other).ownerId()).isEqualTo(other.id());
	}

	@Test
	void schedulingMakesTheMeetingWithInvitationsAndTheQbrFollowsItsMovesAndCancellation() {
		AccountDetails account = client(am, "250000");
		ContactView cfo = contact(account);
		scheduling.planFor(List.of(am.id()));
		QbrView planned = qbrs.get(plannedQbr(account), am);
		LocalDate day = workday(TestClock.today(am.timeZone()).plusDays(3));

		QbrView scheduled = scheduling
			.schedule(
					new QbrScheduleForm(planned.id(), null, null, planned.version(), null, day, LocalTime.of(10, 0),
							null, "America/New_York", "Virtual (Zoom)", null, "Agenda", List.of(), List.of(cfo.id())),
					am);
		assertThat(scheduled.status()).isEqualTo(QbrStatus.SCHEDULED);
		assertThat(scheduled.startsAt()).isEqualTo(day.atTime(10, 0).atZone(ZoneId.of("America/New_York")).toInstant());
		MeetingView meeting = meetings.get(scheduled.meetingId(), am);
		assertThat(meeting.type()).isEqualTo("QBR");
		assertThat(meeting.title()).isEqualTo(account.name() + " QBR – " + quarter.label());
		assertThat(meeting.minutes()).isEqualTo(90);
		assertThat(jdbc.sql("select subject from client_email where lower(to_email) = lower(:to)")
			.param("to", cfo.email())
			.query(String.class)
			.list()).singleElement().satisfies(s -> assertThat(s).startsWith("Invitation: " + meeting.title()));

		// a second scheduling of the same QBR is refused, naming it
		assertThatThrownBy(() -> scheduling.schedule(new QbrScheduleForm(planned.id(), null, null, null, null, day,
				LocalTime.of(15, 0), null, null, null, null, null, List.of(), List.of(cfo.id())), am))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(err -> err.field()).containsExactly("qbr"));

		// moved in the calendar: the QBR shows the meeting's time
		meetings.reschedule(meeting.id(), new MeetingForm(null, null, null, day.plusDays(1), LocalTime.of(14, 0), 90,
				null, null, null, null, List.of(), List.of()), meeting.version(), am);
		assertThat(qbrs.get(planned.id(), am).startsAt())
			.isEqualTo(day.plusDays(1).atTime(14, 0).atZone(am.timeZone()).toInstant());

		// cancelled in the calendar: opening the QBR calendar puts it back to planned
		meetings.cancel(meeting.id(), meetings.get(meeting.id(), am).version(), am);
		calendar.month(YearMonth.from(day), null, null, QbrCalendar.State.of(List.of()), am);
		QbrView released = qbrs.get(planned.id(), am);
		assertThat(released.status()).isEqualTo(QbrStatus.PLANNED);
		assertThat(released.meetingId()).isNull();
		assertThat(released.startsAt()).isNull();

		// the version read before is stale now; nothing is scheduled with it
		long meetingsBefore = meetingsAt(account);
		assertThatThrownBy(() -> scheduling.schedule(new QbrScheduleForm(planned.id(), null, null, planned.version(),
				null, day, LocalTime.of(10, 0), null, null, null, null, null, List.of(), List.of(cfo.id())), am))
			.isInstanceOf(StaleVersionException.class);
		assertThat(meetingsAt(account)).isEqualTo(meetingsBefore);
	}

	@Test
	void aQbrWithoutAnyoneFromTheClientIsRefusedNamingTheFieldOnThePageAndInTheApi() {
		AccountDetails account = client(am, "250000");
		ContactView cfo = contact(account);
		scheduling.planFor(List.of(am.id()));
		QbrView planned = qbrs.get(plannedQbr(account), am);
		CurrentUser colleague = fixtures.user(Role.RECRUITING_MANAGER);
		LocalDate day = workday(TestClock.today(am.timeZone()).plusDays(4));

		assertThat(mvc.post()
			.uri("/qbrs/schedule")
			.param("account", String.valueOf(account.id()))
			.param("quarter", quarter.code())
			.param("date", day.toString())
			.param("start", "10:00")
			.param("duration", "90")
			.param("users", String.valueOf(colleague.id()))
			.with(as(am))
			.exchange()).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
			.bodyText()
			.contains("invite at least one person from the client")
			.contains("data-field=\"attendees\"");

		var refused = mvc.post()
			.uri("/api/v1/qbrs/{id}/schedule", planned.id())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'version': %d, 'date': '%s', 'start': '10:00', 'userIds': [%d], 'contactIds': []}"
				.formatted(planned.version(), day, colleague.id())))
			.with(as(am))
			.exchange();
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(errorFields(refused)).containsExactly("attendees");
		assertThat(errorMessage(refused, "attendees")).isEqualTo("invite at least one person from the client");
		assertThat(qbrs.get(planned.id(), am).status()).as("nothing saved").isEqualTo(QbrStatus.PLANNED);
		assertThat(meetingsAt(account)).isZero();

		// with the client: 200 and the QBR scheduled
		JsonNode ok = body(mvc.post()
			.uri("/api/v1/qbrs/{id}/schedule", planned.id())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'version': %d, 'date': '%s', 'start': '10:00', 'userIds': [%d], 'contactIds': [%d]}"
				.formatted(planned.version(), day, colleague.id(), cfo.id())))
			.with(as(am))
			.exchange());
		assertThat(ok.get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(ok.get("meetingId").isNull()).isFalse();

		// the page's form plans and schedules next quarter's in one go, and says so
		assertThat(mvc.post()
			.uri("/qbrs/schedule")
			.param("account", String.valueOf(account.id()))
			.param("quarter", quarter.next().code())
			.param("date", day.toString())
			.param("start", "15:00")
			.param("duration", "60")
			.param("contacts", String.valueOf(cfo.id()))
			.with(as(am))
			.exchange()).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/qbrs?month=" + YearMonth.from(day));
		assertThat(jdbc.sql("select status from qbr where account_id = :a and quarter = :q")
			.param("a", account.id())
			.param("q", quarter.next().code())
			.query(String.class)
			.single()).isEqualTo("SCHEDULED");
	}

	@Test
	void finalizingSchedulesTheNextQbrByCadenceWithTheSameAttendees() {
		AccountDetails account = client(am, "250000");
		ContactView cfo = contact(account);
		CurrentUser recruitingManager = fixtures.user(Role.RECRUITING_MANAGER);
		scheduling.planFor(List.of(am.id()));
		QbrView planned = qbrs.get(plannedQbr(account), am);
		LocalDate day = workday(TestClock.today(am.timeZone()).plusDays(2));
		QbrView held = scheduling.schedule(new QbrScheduleForm(planned.id(), null, null, planned.version(), null, day,
				LocalTime.of(11, 0), 60, "America/New_York", "Their office", null, null,
				List.of(recruitingManager.id()), List.of(cfo.id())), am);
		jdbc.sql("update qbr set status = 'COMPLETED', completed_at = :now, version = version + 1 where id = :id")
			.param("now", Timestamp.from(TestClock.now()))
			.param("id", held.id())
			.update();

		QbrView next = scheduling.scheduleNext(held.id(), null, null, am);
		assertThat(next.quarter()).isEqualTo(quarter.next());
		assertThat(next.status()).isEqualTo(QbrStatus.SCHEDULED);
		LocalDate expected = workday(day.plusDays(91));
		assertThat(next.startsAt()).isEqualTo(expected.atTime(11, 0).atZone(ZoneId.of("America/New_York")).toInstant());
		MeetingView meeting = meetings.get(next.meetingId(), am);
		assertThat(meeting.minutes()).isEqualTo(60);
		assertThat(meeting.location()).isEqualTo("Their office");
		assertThat(meeting.attendees()).extracting(MeetingView.Attendee::name)
			.contains(cfo.name(), recruitingManager.fullName());
		assertThat(scheduling.scheduleNext(held.id(), null, null, am).id()).as("once").isEqualTo(next.id());
	}

	@Test
	void completionCountsTheQbrsDueWithTheirQualityAndFeedsTheScorecard() {
		CurrentUser director = fixtures.user(Role.SALES_DIRECTOR);
		users.seedReportsTo(List.of(am.id()), director.id());
		AccountDetails a = client(am, "200000");
		AccountDetails b = client(am, "200000");
		QbrQuarter older = quarter.plus(-3);
		QbrQuarter old = quarter.plus(-2);
		Instant heldOlder = older.last().atTime(15, 0).atZone(ZoneId.of("UTC")).toInstant();
		Instant heldOld = old.last().atTime(15, 0).atZone(ZoneId.of("UTC")).toInstant();
		// held well: deck 4 days ahead, executive, action items, follow-up the next day
		long good = held(a, older, heldOlder, heldOlder.minus(Duration.ofDays(4)), true,
				heldOlder.plus(Duration.ofDays(1)));
		item(good);
		long goodToo = held(b, older, heldOlder, heldOlder.minus(Duration.ofDays(5)), true,
				heldOlder.plus(Duration.ofDays(2)));
		item(goodToo);
		// held late on everything
		held(a, old, heldOld, heldOld.minus(Duration.ofHours(20)), false, null);
		// never held, its due date passed
		insert(b, old, "PLANNED");

		JsonNode rate = body(mvc.get().uri("/api/v1/qbrs/completion?ownerId={o}", am.id()).with(as(am)).exchange());
		JsonNode total = rate.get("total");
		assertThat(total.get("due").asInt()).isEqualTo(4);
		assertThat(total.get("completed").asInt()).isEqualTo(3);
		assertThat(total.get("percent").decimalValue()).isEqualByComparingTo("75.0");
		assertThat(total.get("deckReady").asInt()).isEqualTo(2);
		assertThat(total.get("executiveAttended").asInt()).isEqualTo(2);
		assertThat(total.get("actionItems").asInt()).isEqualTo(2);
		assertThat(total.get("followUp").asInt()).isEqualTo(2);

		JsonNode team = body(mvc.get().uri("/api/v1/qbrs/completion").with(as(director)).exchange());
		assertThat(team.findValuesAsString("ownerName")).containsExactly(am.fullName());

		JsonNode month = body(mvc.get().uri("/api/v1/scorecards").with(as(am)).exchange()).get(11);
		JsonNode qbr = month.get("components").get(5);
		assertThat(qbr.get("metric").asString()).isEqualTo("QBR");
		assertThat(qbr.get("value").decimalValue()).isEqualByComparingTo("75.0");
		assertThat(qbr.get("attainment").decimalValue()).isEqualByComparingTo("75.0");
		assertThat(qbr.get("detail").asString()).startsWith("3 of 4 QBRs due in 12 months held");

		// the calendar's header says the same
		QbrCalendar.View view = calendar.month(YearMonth.from(today), null, null, QbrCalendar.State.of(List.of()), am);
		assertThat(view.completion().rate().wholePercent()).isEqualTo(75);
		assertThat(view.unscheduled()).extracting(e -> e.state())
			.as("the overdue one first")
			.startsWith(QbrCalendar.State.OVERDUE);
	}

	@Test
	void anAccountManagerSeesOnlyTheirOwnQbrsAndRecruitersAndLegalNone() {
		AccountDetails account = client(am, "250000");
		scheduling.planFor(List.of(am.id()));
		long planned = plannedQbr(account);
		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);

		assertThat(qbrs.search(null, null, null, null, new PageRequest(0, 200), other).items())
			.noneMatch(q -> q.accountId() == account.id());
		assertThat(mvc.get().uri("/api/v1/qbrs?accountId={a}", account.id()).with(as(other)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/qbrs").with(as(other))).hasStatusOk().bodyText().doesNotContain(account.name());
		assertThat(mvc.get().uri("/qbrs/schedule?qbr={q}", planned).with(as(other))).hasStatus(HttpStatus.FORBIDDEN);
		assertThatThrownBy(() -> scheduling.schedule(new QbrScheduleForm(null, account.id(), null, null, null,
				today.plusDays(3), LocalTime.of(10, 0), null, null, null, null, null, List.of(), List.of(1L)), other))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(mvc.get().uri("/api/v1/qbrs/completion?ownerId={o}", am.id()).with(as(other)))
			.hasStatus(HttpStatus.FORBIDDEN);

		JsonNode mine = body(mvc.get().uri("/api/v1/qbrs?accountId={a}", account.id()).with(as(am)).exchange());
		assertThat(mine.get("total").asInt()).isEqualTo(1);
		assertThat(mine.get("items").get(0).get("id").asLong()).isEqualTo(planned);
		assertThat(mine.get("items").get(0).get("status").asString()).isEqualTo("PLANNED");
		assertThat(mvc.get().uri("/qbrs?view=list").with(as(am))).hasStatusOk().bodyText().contains(account.name());
		// "Schedule QBR" on the account page, for its manager only, opens the form with
		// the
		// QBR's title
		assertThat(mvc.get().uri("/accounts/{id}", account.id()).with(as(am))).hasStatusOk()
			.bodyText()
			.contains("/qbrs/schedule?account=" + account.id());
		assertThat(mvc.get().uri("/accounts/{id}", account.id()).with(as(other))).hasStatusOk()
			.bodyText()
			.doesNotContain("/qbrs/schedule?account=" + account.id());
		assertThat(mvc.get().uri("/qbrs/schedule?account={a}", account.id()).with(as(am))).hasStatusOk()
			.bodyText()
			.contains(account.name() + " QBR – " + quarter.label());

		for (Role role : List.of(Role.RECRUITER, Role.LEGAL)) {
			CurrentUser outsider = fixtures.user(role);
			assertThat(mvc.get().uri("/qbrs").with(as(outsider))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/qbrs/schedule").with(as(outsider))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/api/v1/qbrs").with(as(outsider))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/api/v1/qbrs/completion").with(as(outsider))).hasStatus(HttpStatus.FORBIDDEN);
		}
	}

	// ------------------------------------------------------------------ fixtures

	private AccountDetails client(CurrentUser owner, String arr) {
		AccountDetails account = fixtures.account(owner);
		contract(account, arr);
		return account;
	}

	private void contract(AccountDetails account, String arr) {
		contracts.create(account.id(),
				new ContractForm(ContractType.MSA, AccountFixtures.unique("MSA"), today.minusDays(200),
						today.plusDays(200), ContractStatus.ACTIVE, "Net 30", "USD",
						List.of(new ServiceLineForm("Staffing", new BigDecimal(arr)))),
				fixtures.executive());
	}

	private ContactView contact(AccountDetails account) {
		return fixtures.contact(account);
	}

	private long plannedQbr(AccountDetails account) {
		return jdbc.sql("select id from qbr where account_id = :a and quarter = :q and status = 'PLANNED'")
			.param("a", account.id())
			.param("q", quarter.code())
			.query(Long.class)
			.single();
	}

	private long meetingsAt(AccountDetails account) {
		return jdbc.sql("select count(*) from meeting where account_id = :a")
			.param("a", account.id())
			.query(Long.class)
			.single();
	}

	private long insert(AccountDetails account, QbrQuarter q, String status) {
		Instant completed = "COMPLETED".equals(status) ? q.last().atStartOfDay(ZoneId.of("UTC")).toInstant() : null;
		return jdbc.sql("""
				insert into qbr (account_id, quarter, due_date, status, owner_id, completed_at, created_at, updated_at)
				values (:a, :q, :due, :status, :owner, :completed, now(), now()) returning id""")
			.param("a", account.id())
			.param("q", q.code())
			.param("due", QbrCadence.dueDate(q))
			.param("status", status)
			.param("owner", am.id())
			.param("completed", completed == null ? null : Timestamp.from(completed), java.sql.Types.TIMESTAMP)
			.query(Long.class)
			.single();
	}

	private long held(AccountDetails account, QbrQuarter q, Instant at, Instant deck, boolean executive,
			Instant followUp) {
		long id = insert(account, q, "COMPLETED");
		jdbc.sql("""
				update qbr set completed_at = :completed, deck_ready_at = :deck, executive_attended = :executive,
				       follow_up_sent_at = :followUp where id = :id""")
			.param("completed", Timestamp.from(at.plus(Duration.ofHours(2))))
			.param("deck", Timestamp.from(deck))
			.param("executive", executive)
			.param("followUp", followUp == null ? null : Timestamp.from(followUp), java.sql.Types.TIMESTAMP)
			.param("id", id)
			.update();
		return id;
	}

	private void item(long qbr) {
		jdbc.sql("""
				insert into qbr_item (qbr_id, kind, text, owner_side, owner_name, due_date, created_at, updated_at)
				values (:q, 'ACTION', 'Share the hiring forecast', 'CLIENT', 'Their VP', :due, now(), now())""")
			.param("q", qbr)
			.param("due", today)
			.update();
	}

	private static LocalDate workday(LocalDate day) {
		LocalDate d = day;
		while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
			d = d.plusDays(1);
		}
		return d;
	}

}
