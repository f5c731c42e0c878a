package io.intime.qbr;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.SentMails;
import io.intime.TestClock;
import io.intime.engagement.MeetingForm;
import io.intime.engagement.MeetingView;
import io.intime.engagement.Meetings;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec 02 step 9 as {@code am} on the demo world: MegaBank's QBR (made here: a QBR
 * meeting tomorrow with Sarah Chen, Mark Johnson and the CEO) is opened, its agenda
 * edited, notes taken, an action item without an owner refused by the owner field, one
 * for the AM and one for Sarah written, a decision recorded, the QBR finalized through
 * its confirmation step and seen done; the summary email is read from the SMTP server,
 * the tasks and the next QBR exist, and Sarah's item is on MegaBank's page. The review
 * shows the quarter computed from MegaBank's facts. Puts back what it changes.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 3)
class QbrMeetingBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Meetings meetings;

	@Test
	void theAccountManagerRunsMegaBanksQbrThroughFinalize() throws Exception {
		Map<String, Object> am = jdbc.sql("select id, full_name, time_zone from app_user where username = 'am'")
			.query()
			.singleRow();
		long amId = (Long) am.get("id");
		CurrentUser me = new CurrentUser(amId, "am", (String) am.get("full_name"), Role.ACCOUNT_MANAGER,
				ZoneId.of((String) am.get("time_zone")));
		long megaBank = jdbc.sql("select id from account where name = 'MegaBank'").query(Long.class).single();
		long ceo = jdbc.sql("select id from app_user where username = 'ceo'").query(Long.class).single();
		long sarah = contact(megaBank, "Sarah Chen");
		long mark = contact(megaBank, "Mark Johnson");
		QbrQuarter quarter = freeQuarter(megaBank);
		List<Long> madeMeetings = new ArrayList<>();
		long qbrId = 0;
		try {
			MeetingView meeting = meetings.schedule(new MeetingForm(megaBank, "QBR", "MegaBank QBR – Q4 Review",
					TestClock.today(me.timeZone()).plusDays(1), LocalTime.of(11, 0), 90, me.timeZone().getId(), null,
					"https://zoom.example/j/megabank-qbr", null, List.of(ceo), List.of(sarah, mark)), me);
			madeMeetings.add(meeting.id());
			Timestamp now = Timestamp.from(TestClock.now());
			qbrId = jdbc
				.sql("""
						insert into qbr (account_id, quarter, due_date, status, meeting_id, owner_id, created_at, updated_at)
						values (?, ?, ?, 'SCHEDULED', ?, ?, ?, ?) returning id""")
				.params(megaBank, quarter.code(), quarter.next().last(), meeting.id(), amId, now, now)
				.query(Long.class)
				.single();
			run(qbrId, quarter, megaBank, sarah);
		}
		finally {
			if (qbrId != 0) {
				madeMeetings.addAll(jdbc.sql(
						"select meeting_id from qbr where account_id = ? and quarter in (?, ?) and meeting_id is not null")
					.params(megaBank, quarter.code(), quarter.next().code())
					.query(Long.class)
					.list());
				jdbc.sql("delete from task where record_type = 'qbr' and record_id = ?").params(qbrId).update();
				jdbc.sql("delete from qbr where account_id = ? and quarter in (?, ?)")
					.params(megaBank, quarter.code(), quarter.next().code())
					.update();
			}
			for (long id : madeMeetings) {
				jdbc.sql("delete from activity where id = (select activity_id from meeting where id = ?)")
					.params(id)
					.update();
				jdbc.sql("delete from meeting where id = ?").params(id).update();
			}
		}
	}

	private void run(long qbrId, QbrQuarter quarter, long megaBank, long sarah) throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/qbrs/" + qbrId);
			assertThat(browser.text("h1")).isEqualTo("QBR preparation – MegaBank");
			assertThat(browser.text("#qbr-when")).contains("@ 11:00 AM");
			assertThat(browser.text("#qbr-internal")).contains("You", "Executive");
			assertThat(browser.text("#qbr-client")).contains("Sarah Chen", "VP Talent", "Mark Johnson", "CTO");
			assertThat(browser.find("#qbr-agenda").getAttribute("value")).contains(quarter.label() + " Performance");
			browser.screenshot("qbr-01-preparation");

			// the AM adds a topic to the agenda
			browser.script("document.getElementById('qbr-agenda').value += arguments[0]",
					"\n9. Interview feedback turnaround (5 min)");
			browser.find("#qbr-agenda-save").click();
			browser.waitUntil(d -> browser.find("#qbr-agenda")
				.getAttribute("value")
				.contains("9. Interview feedback turnaround"));
			assertThat(jdbc.sql("select agenda from qbr where id = ?").params(qbrId).query(String.class).single())
				.endsWith("9. Interview feedback turnaround (5 min)");

			// notes, saved as they are typed
			browser.scrollTo("#meeting");
			browser.find("#qbr-notes").sendKeys("Sarah: Q1 volumes up 20%. Mark wants a Data Science team by March.");
			browser.waitUntil(d -> browser.text("#notes-status").startsWith("Saved at"));
			assertThat(jdbc.sql("select notes from qbr where id = ?").params(qbrId).query(String.class).single())
				.contains("Data Science team by March");

			// an action item without an owner is refused by its owner field
			browser.find("#action-text").sendKeys("Send Data Science recruiter profiles");
			browser.script("document.getElementById('action-due').value = arguments[0]", inDays(4).toString());
			browser.find("#qbr-add-action-button").click();
			browser.waitUntil(
					d -> !d.findElements(By.cssSelector("#qbr-add-action [data-field=owner].has-error")).isEmpty());
			assertThat(browser.text("#qbr-add-action [data-field=owner] .field-error")).isEqualTo("choose who does it");
			assertThat(browser.find("#action-text").getAttribute("value"))
				.isEqualTo("Send Data Science recruiter profiles");
			browser.scrollTo("#items");
			browser.screenshot("qbr-02-ownerless-refused");

			// one for the AM, one for Sarah, and a decision
			new Select(browser.find("#action-owner")).selectByVisibleText(ownerLabel(browser, "Jordan"));
			browser.find("#qbr-add-action-button").click();
			browser.waitUntil(d -> d.findElements(By.cssSelector("#action-items .qbr-item")).size() == 1);
			browser.find("#action-text").sendKeys("Confirm Q1 hiring projections");
			new Select(browser.find("#action-owner")).selectByVisibleText("Sarah Chen – VP Talent");
			browser.script("document.getElementById('action-due').value = arguments[0]", inDays(6).toString());
			browser.find("#qbr-add-action-button").click();
			browser.waitUntil(d -> d.findElements(By.cssSelector("#action-items .qbr-item")).size() == 2);
			browser.find("#decision-text").sendKeys("Expand to the Data Science team in Q1");
			browser.find("#qbr-add-decision-button").click();
			browser.waitUntil(d -> d.findElements(By.cssSelector("#decision-items .qbr-item")).size() == 1);
			assertThat(browser.text("#action-items")).contains("Confirm Q1 hiring projections", "MegaBank",
					"Sarah Chen", "Our team");
			browser.scrollTo("#meeting");
			browser.screenshot("qbr-03-meeting");

			// the quarter's review, computed from MegaBank's facts
			assertThat(browser.text("#qbr-review")).contains("Placements", "Average time to fill", "Client NPS");
			browser.scrollTo("#qbr-review");
			browser.screenshot("qbr-04-review-metrics");
			browser.scrollTo("#qbr-stories");
			browser.screenshot("qbr-05-review-stories");

			// finalize: the confirmation lists the items, then it is done
			browser.find("#qbr-finalize").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/finalize"));
			assertThat(browser.text("#confirm-internal")).contains("Send Data Science recruiter profiles");
			assertThat(browser.text("#confirm-client")).contains("Confirm Q1 hiring projections", "Sarah Chen");
			assertThat(browser.text("#confirm-recipients")).isEqualTo("Sarah Chen, Mark Johnson");
			assertThat(browser.text("#confirm-body")).contains("ACTION ITEMS:", "NEXT QBR:");
			browser.screenshot("qbr-06-confirm");
			browser.find("#finalize-confirm").click();
			browser.waitUntil(d -> browser.currentPath().equals("/qbrs/" + qbrId)
					&& !d.findElements(By.id("qbr-done")).isEmpty());
			assertThat(browser.text("#qbr-status")).isEqualTo("Done");
			assertThat(browser.text("#qbr-done")).contains("Done: finalized", "Next QBR:", quarter.next().label());
			assertThat(browser.text("[data-criterion=followUp]")).contains("Met");
			assertThat(browser.text("[data-criterion=executiveAttendance]")).contains("Met");
			assertThat(browser.findAll("#qbr-finalize, #qbr-add-action")).isEmpty();
			browser.screenshot("qbr-07-done");

			// the summary at Sarah's, the tasks, the next QBR
			MimeMessage summary = SentMails.await(jdbc, "sarah.chen@megabank.com",
					"MegaBank " + quarter.label() + " QBR - Summary & Action Items");
			assertThat(QbrFinalizationIntegrationTest.text(summary)).startsWith("Hi Sarah and Mark,")
				.contains("□ MegaBank (Sarah Chen): Confirm Q1 hiring projections - Due:",
						"Send Data Science recruiter profiles", "NEXT QBR: ");
			assertThat(jdbc.sql("select count(*) from task where record_type = 'qbr' and record_id = ?")
				.params(qbrId)
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("select status from qbr where account_id = ? and quarter = ?")
				.params(megaBank, quarter.next().code())
				.query(String.class)
				.single()).isEqualTo("SCHEDULED");

			// Sarah's item is tracked on MegaBank's page
			browser.open("/accounts/" + megaBank);
			assertThat(browser.text("#client-action-items")).contains("Confirm Q1 hiring projections", "Sarah Chen");
			browser.scrollTo("#client-action-items");
			browser.screenshot("qbr-08-account-client-items");
			assertThat(browser.cspViolations()).isEmpty();
		}
	}

	/** The owner option whose text starts with the name (its title follows). */
	private static String ownerLabel(Browser browser, String firstName) {
		return new Select(browser.find("#action-owner")).getOptions()
			.stream()
			.map(o -> o.getText())
			.filter(text -> text.startsWith(firstName))
			.findFirst()
			.orElseThrow();
	}

	private long contact(long account, String name) {
		return jdbc.sql("select id from contact where account_id = ? and name = ?")
			.params(account, name)
			.query(Long.class)
			.single();
	}

	/**
	 * The last quarter, or an earlier one when the demo has a QBR of MegaBank for it or
	 * the quarter after.
	 */
	private QbrQuarter freeQuarter(long account) {
		QbrQuarter quarter = QbrQuarter.of(TestClock.today()).previous();
		while (jdbc.sql("select count(*) from qbr where account_id = ? and quarter in (?, ?)")
			.params(account, quarter.code(), quarter.next().code())
			.query(Integer.class)
			.single() > 0) {
			quarter = quarter.plus(-2);
		}
		return quarter;
	}

	private static LocalDate inDays(int days) {
		return TestClock.today().plusDays(days);
	}

}
