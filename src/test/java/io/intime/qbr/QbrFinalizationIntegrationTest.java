package io.intime.qbr;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.intime.IntegrationTest;
import io.intime.SentMails;
import io.intime.TestClock;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Finalize QBR" on real PostgreSQL with the in-process SMTP server: the tasks of the
 * firm's owners, the client's tracked items on the account page, the summary email of
 * spec 02 with its action items, next QBR date and the deck's PDF, the QBR done with its
 * quality facts, the next QBR and its meeting (invitation sent), {@code qbr.conducted} in
 * the event log; a second finalize refused, a stale or concurrent one a conflict; other
 * account managers, recruiters and legal kept out; and no email carrying another
 * account's data.
 */
@IntegrationTest
class QbrFinalizationIntegrationTest {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MMM d", Locale.US);

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	QbrItems items;

	@Autowired
	QbrPreparation preparation;

	@Autowired
	QbrFinalization finalization;

	@Autowired
	io.intime.identity.UserAdministration administration;

	QbrMeetingFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new QbrMeetingFixtures(context);
	}

	@Test
	void finalizingCreatesTasksSendsTheSummarySchedulesTheNextQbrAndRecordsTheEvent() throws Exception {
		QbrMeetingFixtures.Qbr qbr = fixtures.qbr(true);
		LocalDate amDue = QbrMeetingFixtures.inDays(5);
		LocalDate sarahDue = QbrMeetingFixtures.inDays(7);
		QbrItems.Item profiles = items.add(qbr.id(), new QbrItems.ItemForm(QbrItems.Kind.ACTION,
				"Send Data Science recruiter profiles", qbr.am().id(), null, amDue), qbr.am());
		QbrItems.Item webinar = items.add(qbr.id(), new QbrItems.ItemForm(QbrItems.Kind.ACTION,
				"Schedule the market briefing webinar", qbr.executive().id(), null, null), qbr.am());
		QbrItems.Item projections = items.add(qbr.id(), new QbrItems.ItemForm(QbrItems.Kind.ACTION,
				"Confirm Q1 hiring projections", null, qbr.sarah().id(), sarahDue), qbr.am());
		items.add(qbr.id(),
				new QbrItems.ItemForm(QbrItems.Kind.DECISION, "Expand to the Data Science team", null, null, null),
				qbr.am());

		// the confirmation step shows what will happen before anything does
		QbrFinalization.Plan plan = finalization.plan(qbr.id(), qbr.am());
		assertThat(plan.ready()).isTrue();
		assertThat(plan.internalItems()).extracting(QbrItems.Item::text)
			.containsExactly("Send Data Science recruiter profiles", "Schedule the market briefing webinar");
		assertThat(plan.clientItems()).extracting(QbrItems.Item::text).containsExactly("Confirm Q1 hiring projections");
		assertThat(plan.recipients()).containsExactly("Sarah Chen", "Mark Johnson");
		assertThat(plan.body()).contains("ACTION ITEMS:");
		assertThat(jdbc.sql("select count(*) from task where record_type = 'qbr' and record_id = ?")
			.params(qbr.id())
			.query(Integer.class)
			.single()).isZero();

		MvcTestResult result = finalize(qbr.am(), qbr.id(), fixtures.version(qbr.id()));
		assertThat(result).hasStatusOk();
		assertThat(body(result).path("emailedTo").toString()).contains("Sarah Chen", "Mark Johnson");

		// a task for each of the firm's owners, due on the item's date, linked to the QBR
		List<Map<String, Object>> tasks = jdbc.sql(
				"select assignee_id, due_date, title, account_id from task where record_type = 'qbr' and record_id = ? order by id")
			.params(qbr.id())
			.query()
			.listOfRows();
		assertThat(tasks).hasSize(2);
		assertThat(tasks.get(0)).containsEntry("assignee_id", qbr.am().id())
			.containsEntry("title", "Send Data Science recruiter profiles")
			.containsEntry("account_id", qbr.account().id());
		assertThat(((java.sql.Date) tasks.get(0).get("due_date")).toLocalDate()).isEqualTo(amDue);
		assertThat(tasks.get(1)).containsEntry("assignee_id", qbr.executive().id());
		assertThat(((java.sql.Date) tasks.get(1).get("due_date")).toLocalDate()).isAfter(TestClock.today());
		assertThat(items.get(qbr.id(), profiles.id(), qbr.am()).taskId()).isNotNull();
		assertThat(items.get(qbr.id(), webinar.id(), qbr.am()).taskId()).isNotNull();
		assertThat(items.get(qbr.id(), projections.id(), qbr.am()).taskId()).isNull();

		// the QBR is done, with spec 03's quality facts
		Map<String, Object> done = jdbc.sql(
				"select status, completed_at, completed_by, executive_attended, follow_up_sent_at, metrics_presented from qbr where id = ?")
			.params(qbr.id())
			.query()
			.singleRow();
		assertThat(done).containsEntry("status", "COMPLETED")
			.containsEntry("completed_by", qbr.am().username())
			.containsEntry("executive_attended", true);
		assertThat(done.get("completed_at")).isNotNull();
		assertThat(done.get("follow_up_sent_at")).isNotNull();
		assertThat(done.get("metrics_presented")).isNotNull();
		QbrPreparation.Prep prep = preparation.prepare(qbr.id(), qbr.am());
		assertThat(prep.quality()).filteredOn(c -> c.key().equals("followUp"))
			.extracting(QbrPreparation.Criterion::outcome)
			.containsExactly(QbrPreparation.Outcome.MET);
		assertThat(prep.quality()).filteredOn(c -> c.key().equals("executiveAttendance"))
			.extracting(QbrPreparation.Criterion::outcome)
			.containsExactly(QbrPreparation.Outcome.MET);

		// the next QBR by the account's cadence (a standard account's is semi-annual),
		// its
		// meeting 13 weeks per quarter on at the same time with the same attendees; the
		// invitation is out
		QbrQuarter next = QbrCadence.next(qbr.account().tier(), qbr.account().strategic(), qbr.quarter());
		int quarters = QbrCadence.frequency(qbr.account().tier(), qbr.account().strategic()).quarters();
		Map<String, Object> following = jdbc
			.sql("select id, status, meeting_id, owner_id from qbr where account_id = ? and quarter = ?")
			.params(qbr.account().id(), next.code())
			.query()
			.singleRow();
		assertThat(following).containsEntry("status", "SCHEDULED").containsEntry("owner_id", qbr.am().id());
		long nextMeeting = (Long) following.get("meeting_id");
		ZonedDateTime nextStart = jdbc.sql("select starts_at from meeting where id = ?")
			.params(nextMeeting)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()
			.atZone(ZoneId.of("America/New_York"));
		ZonedDateTime heldAt = qbr.meeting().startIn(ZoneId.of("America/New_York"));
		// the same weekday a quarter on; a QBR held on a weekend (the fixture's
		// "tomorrow" on
		// a Friday) is followed by one on the Monday after
		ZonedDateTime expected = heldAt.plusWeeks(13L * quarters);
		while (expected.getDayOfWeek() == java.time.DayOfWeek.SATURDAY
				|| expected.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
			expected = expected.plusDays(1);
		}
		assertThat(nextStart).isEqualTo(expected);
		assertThat(jdbc.sql("select count(*) from meeting_attendee where meeting_id = ? and contact_id in (?, ?)")
			.params(nextMeeting, qbr.sarah().id(), qbr.mark().id())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(SentMails
			.await(jdbc, qbr.sarah().email(), "Invitation: " + qbr.account().name() + " QBR – " + next.label())
			.getSubject()).contains(next.label());

		// the summary email of spec 02 at each client attendee, with the deck's PDF
		String subject = qbr.account().name() + " " + qbr.quarter().label() + " QBR - Summary & Action Items";
		MimeMessage summary = SentMails.await(jdbc, qbr.mark().email(), subject);
		assertThat(summary.getSubject()).isEqualTo(subject);
		String text = text(summary);
		String firm = administration.firmName().orElse("InTime");
		assertThat(text).startsWith("Hi Sarah and Mark,")
			.contains("Thank you for a productive Q" + qbr.quarter().quarter() + " Business Review")
			.contains("ACTION ITEMS:\n")
			.contains("□ " + qbr.account().name() + " (Sarah Chen): Confirm Q1 hiring projections - Due: "
					+ sarahDue.format(DUE))
			.contains("□ " + firm + " (" + qbr.am().fullName() + "): Send Data Science recruiter profiles - Due: "
					+ amDue.format(DUE))
			.contains("□ " + firm + " (" + qbr.executive().fullName() + "): Schedule the market briefing webinar")
			.contains("DECISIONS:\n• Expand to the Data Science team")
			.contains("NEXT QBR: " + nextStart.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US))
					+ " (calendar invite sent separately)")
			.contains("Best regards,\n" + qbr.am().fullName());
		assertThat(attachment(summary, "application/pdf")).isEqualTo(qbr.pdf());
		assertThat(SentMails.await(jdbc, qbr.sarah().email(), subject)).isNotNull();
		// logged on the account like other emails
		assertThat(jdbc.sql("select count(*) from activity where account_id = ? and type = 'EMAIL' and subject = ?")
			.params(qbr.account().id(), subject)
			.query(Integer.class)
			.single()).isEqualTo(1);

		// qbr.conducted {account_id, attendees[], metrics_presented, outcomes}, through
		// the API
		MvcTestResult events = mvc.get()
			.uri("/api/v1/events?type=qbr.conducted&accountId={a}", qbr.account().id())
			.with(as(qbr.am()))
			.exchange();
		assertThat(events).hasStatusOk();
		JsonNode event = body(events).path("items").get(0);
		JsonNode payload = event.path("payload");
		assertThat(payload.path("account_id").asLong()).isEqualTo(qbr.account().id());
		assertThat(payload.path("attendees").toString()).contains("Sarah Chen", "Mark Johnson",
				qbr.executive().fullName(), qbr.am().fullName());
		assertThat(payload.has("metrics_presented")).isTrue();
		assertThat(payload.path("outcomes").path("action_items")).hasSize(3);
		assertThat(payload.path("outcomes").path("decisions").get(0).path("text").asString())
			.isEqualTo("Expand to the Data Science team");

		// the client's item is tracked on the account page
		assertThat(
				mvc.get().uri("/accounts/{id}/client-action-items", qbr.account().id()).with(as(qbr.am())).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Confirm Q1 hiring projections", "Sarah Chen");

		// finalizing again is refused, naming why
		MvcTestResult again = finalize(qbr.am(), qbr.id(), fixtures.version(qbr.id()));
		assertThat(again).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorMessage(again, "status")).contains("finalized already");
		assertThat(jdbc.sql("select count(*) from task where record_type = 'qbr' and record_id = ?")
			.params(qbr.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
		// and its items stand as agreed: none added after
		assertThat(errorFields(mvc.post()
			.uri("/api/v1/qbrs/{id}/items", qbr.id())
			.with(as(qbr.am()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"Late item\", \"ownerUserId\": " + qbr.am().id() + "}")
			.exchange())).containsExactly("status");
	}

	@Test
	void aStaleVersionConflictsAndOfTwoAtOnceOneWins() throws Exception {
		QbrMeetingFixtures.Qbr qbr = fixtures.qbr(false);
		long read = fixtures.version(qbr.id());
		preparation.update(qbr.id(), null, "Sarah asked for the Data Science profiles", read, qbr.am());
		MvcTestResult stale = finalize(qbr.am(), qbr.id(), read);
		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(jdbc.sql("select status from qbr where id = ?").params(qbr.id()).query(String.class).single())
			.isEqualTo("SCHEDULED");

		long version = fixtures.version(qbr.id());
		CountDownLatch start = new CountDownLatch(1);
		Callable<Object> finalizing = () -> {
			start.await();
			try {
				return finalization.finalizeQbr(qbr.id(), version, qbr.am());
			}
			catch (StaleVersionException | InvalidInputException refused) {
				return refused;
			}
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Object> first = pool.submit(finalizing);
			Future<Object> second = pool.submit(finalizing);
			start.countDown();
			List<Object> outcomes = List.of(first.get(), second.get());
			assertThat(outcomes).filteredOn(QbrFinalization.Finalized.class::isInstance).hasSize(1);
			assertThat(outcomes)
				.filteredOn(o -> o instanceof StaleVersionException || o instanceof InvalidInputException)
				.hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from qbr where account_id = ? and quarter = ?")
			.params(qbr.account().id(),
					QbrCadence.next(qbr.account().tier(), qbr.account().strategic(), qbr.quarter()).code())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from domain_event where type = 'qbr.conducted' and account_id = ?")
			.params(qbr.account().id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anotherAccountManagerARecruiterAndLegalNeitherReadNorFinalize() throws Exception {
		QbrMeetingFixtures.Qbr qbr = fixtures.qbr(false);
		long version = fixtures.version(qbr.id());
		for (Role role : List.of(Role.ACCOUNT_MANAGER, Role.RECRUITER, Role.LEGAL)) {
			CurrentUser outsider = fixtures.accounts().user(role);
			assertThat(mvc.get().uri("/api/v1/qbrs/{id}", qbr.id()).with(as(outsider)).exchange()).as(role + " reads")
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/qbrs/{id}", qbr.id()).with(as(outsider)).exchange()).as(role + " opens")
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(finalize(outsider, qbr.id(), version)).as(role + " finalizes").hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post()
				.uri("/qbrs/{id}/finalize", qbr.id())
				.param("version", String.valueOf(version))
				.with(as(outsider))
				.exchange()).as(role + " finalizes on the page").hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/api/v1/qbrs/{id}/pre-read", qbr.id()).with(as(outsider)).exchange())
				.as(role + " sends the pre-read")
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		// a sales director reads it, and the account manager's own reads and may change
		// it
		assertThat(mvc.get()
			.uri("/api/v1/qbrs/{id}", qbr.id())
			.with(as(fixtures.accounts().user(Role.SALES_DIRECTOR)))
			.exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/qbrs/{id}", qbr.id()).with(as(qbr.am())).exchange()).hasStatusOk();
		assertThat(jdbc.sql("select status from qbr where id = ?").params(qbr.id()).query(String.class).single())
			.isEqualTo("SCHEDULED");
	}

	@Test
	void theSummaryAndPreReadCarryOnlyTheirOwnAccountsData() throws Exception {
		QbrMeetingFixtures.Qbr mine = fixtures.qbr(true);
		QbrMeetingFixtures.Qbr theirs = fixtures.qbr(true);
		items.add(mine.id(), new QbrItems.ItemForm(QbrItems.Kind.ACTION, "Mine: confirm projections", null,
				mine.sarah().id(), QbrMeetingFixtures.inDays(3)), mine.am());
		items.add(theirs.id(), new QbrItems.ItemForm(QbrItems.Kind.ACTION, "Theirs: secret pricing review", null,
				theirs.sarah().id(), QbrMeetingFixtures.inDays(3)), theirs.am());

		assertThat(mvc.post().uri("/api/v1/qbrs/{id}/pre-read", mine.id()).with(as(mine.am())).exchange())
			.hasStatusOk();
		MimeMessage preRead = SentMails.await(jdbc, mine.sarah().email(),
				mine.account().name() + " " + mine.quarter().label() + " QBR – pre-read");
		assertThat(attachment(preRead, "application/pdf")).isEqualTo(mine.pdf());
		assertThat(text(preRead)).doesNotContain(theirs.account().name(), "Theirs:");

		assertThat(finalize(mine.am(), mine.id(), fixtures.version(mine.id()))).hasStatusOk();
		MimeMessage summary = SentMails.await(jdbc, mine.sarah().email(),
				mine.account().name() + " " + mine.quarter().label() + " QBR - Summary");
		assertThat(text(summary)).contains("Mine: confirm projections")
			.doesNotContain("Theirs:", theirs.account().name(), theirs.sarah().email());
		assertThat(attachment(summary, "application/pdf")).isEqualTo(mine.pdf());
		// nothing of mine went to the other account's contacts
		assertThat(jdbc.sql("select count(*) from client_email where to_email in (?, ?) and subject like ?")
			.params(theirs.sarah().email(), theirs.mark().email(), mine.account().name() + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	private MvcTestResult finalize(CurrentUser user, long id, long version) {
		return mvc.post()
			.uri("/api/v1/qbrs/{id}/finalize", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + version + "}")
			.exchange();
	}

	static String text(MimeMessage message) throws Exception {
		Part part = SentMails.find(message, "text/plain");
		assertThat(part).as("a text part").isNotNull();
		return String.valueOf(part.getContent()).replace("\r\n", "\n");
	}

	static byte[] attachment(MimeMessage message, String type) throws Exception {
		Part part = SentMails.find(message, type);
		assertThat(part).as("a " + type + " attachment").isNotNull();
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
	}

}
