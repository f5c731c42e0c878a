package io.intime.engagement;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.intime.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Meetings on the real database: the invitation is an iCalendar REQUEST (parsed back with
 * iCal4j), a reschedule the same UID with SEQUENCE 1, a cancellation a CANCEL; a
 * contact's REPLY through the inbound webhook records their answer; an invitation without
 * attendees is refused naming the field; the personal feed answers to its token until it
 * is revoked.
 */
@IntegrationTest
class MeetingsIntegrationTest {

	@Autowired
	Meetings meetings;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	@Test
	void invitationsRescheduleCancelRepliesAndFeed() throws Exception {
		CurrentUser am = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(am);
		String email = AccountFixtures.unique("lisa").toLowerCase() + "@financehub.example";
		ContactView lisa = context.getBean(ContactManagement.class)
			.create(account.id(), AccountFixtures.contactForm("Lisa Martinez", email), fixtures.executive());
		LocalDate day = TestClock.today(am.timeZone()).plusDays(2);

		assertThatThrownBy(() -> meetings.schedule(new MeetingForm(account.id(), "CALL", "Q1 planning", day,
				LocalTime.of(14, 0), 60, null, null, null, null, List.of(), List.of()), am))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("attendees"));

		MeetingView meeting = meetings.schedule(
				new MeetingForm(account.id(), "CALL", "Q1 planning", day, LocalTime.of(14, 0), 60, "America/New_York",
						null, "https://meet.example/q1", "Capacity and timelines", List.of(), List.of(lisa.id())),
				am);
		Calendar invite = ics(email, 0);
		assertThat(invite.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
		VEvent event = invite.<VEvent>getComponents().get(0);
		assertThat(event.getProperty(Property.UID).map(Property::getValue)).contains(meeting.uid());
		assertThat(event.getProperty(Property.SEQUENCE).map(Property::getValue)).contains("0");
		// 2 pm in New York, written in UTC
		assertThat(raw(email, 0)).contains("DTSTART:" + day.toString().replace("-", "") + "T190000Z");

		meetings.reschedule(meeting.id(), new MeetingForm(null, null, null, day, LocalTime.of(15, 0), 30, null, null,
				null, null, List.of(), List.of()), meeting.version(), am);
		VEvent moved = ics(email, 1).<VEvent>getComponents().get(0);
		assertThat(moved.getProperty(Property.UID).map(Property::getValue)).contains(meeting.uid());
		assertThat(moved.getProperty(Property.SEQUENCE).map(Property::getValue)).contains("1");
		// the move is audited on the meeting and on its planned activity
		assertThat(jdbc.sql("""
				select entity_type from audit_entry where actor_id = :am and field in ('startsAt', 'occurredAt')
				   and (entity_type = 'meeting' and entity_id = :meeting or entity_type = 'activity')
				 order by entity_type""")
			.param("am", am.id())
			.param("meeting", meeting.id())
			.query(String.class)
			.list()).contains("activity", "meeting");

		// Lisa accepts by email: the webhook reads the REPLY among the attachments
		String reply = """
				BEGIN:VCALENDAR\r
				PRODID:-//Example//Mail//EN\r
				VERSION:2.0\r
				METHOD:REPLY\r
				BEGIN:VEVENT\r
				UID:%s\r
				DTSTAMP:20261201T120000Z\r
				ATTENDEE;PARTSTAT=ACCEPTED:mailto:%s\r
				END:VEVENT\r
				END:VCALENDAR\r
				""".formatted(meeting.uid(), email);
		assertThat(mvc.post()
			.uri("/api/v1/inbound/email")
			.header("X-Inbound-Secret", "test-inbound-secret")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"from": "%s", "subject": "Accepted: Q1 planning", "text": "Accepted",
							 "attachments": [{"filename": "reply.ics", "contentType": "text/calendar; method=REPLY", "content": "%s"}]}"""
						.formatted(email, Base64.getEncoder().encodeToString(reply.getBytes(StandardCharsets.UTF_8))))
			.exchange()).hasStatus(HttpStatus.ACCEPTED);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> "ACCEPTED"
				.equals(jdbc.sql("select partstat from meeting_attendee where meeting_id = ? and contact_id = ?")
					.params(meeting.id(), lisa.id())
					.query(String.class)
					.single()));

		long version = jdbc.sql("select version from meeting where id = ?")
			.params(meeting.id())
			.query(Long.class)
			.single();
		meetings.cancel(meeting.id(), version, am);
		Calendar cancel = ics(email, 2);
		assertThat(cancel.getProperty(Property.METHOD).map(Property::getValue)).contains("CANCEL");
		assertThat(cancel.<VEvent>getComponents().get(0).getProperty(Property.UID).map(Property::getValue))
			.contains(meeting.uid());

		// the feed: by token, until revoked
		String token = meetings.newFeedToken(am);
		assertThat(mvc.get().uri("/calendar/feed/{t}.ics", token).exchange()).hasStatusOk()
			.bodyText()
			.contains(meeting.uid());
		meetings.revokeFeeds(am);
		assertThat(mvc.get().uri("/calendar/feed/{t}.ics", token).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.uri("/calendar/meetings/new")
			.param("account", String.valueOf(account.id()))
			.param("title", "No one")
			.param("date", day.toString())
			.param("start", "10:00")
			.param("duration", "30")
			.with(as(am))
			.exchange()).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
			.bodyText()
			.contains("an invitation needs at least one attendee");
	}

	/** The n-th invitation queued to the address, parsed with iCal4j. */
	private Calendar ics(String to, int n) throws Exception {
		return new CalendarBuilder().build(new StringReader(raw(to, n)));
	}

	private String raw(String to, int n) {
		List<byte[]> files = jdbc.sql("""
				select a.content from client_email e join client_email_attachment a on a.email_id = e.id
				 where e.to_email = ? order by e.id""").params(to).query((rs, i) -> rs.getBytes(1)).list();
		assertThat(files).hasSizeGreaterThan(n);
		return new String(files.get(n), StandardCharsets.UTF_8);
	}

}
