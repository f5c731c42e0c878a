package io.intime.engagement.web;

import java.time.LocalDate;
import java.time.ZoneId;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.SentMails;
import io.intime.TestClock;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jordan Reyes (am) schedules the FinanceHub Q1 planning call with Lisa Martinez (spec 02
 * step 6's follow-up): forgetting the attendees is refused beside the field; the
 * invitation read back from the SMTP server carries an iCalendar REQUEST that iCal4j
 * parses; the meeting shows on the calendar with "Prepare now"; cancelling sends a CANCEL
 * with the same UID. Runs late: it adds a meeting to FinanceHub.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 5)
class CalendarBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountManagerSchedulesAndCancelsAMeeting() throws Exception {
		long financeHub = jdbc.sql("select id from account where name = 'FinanceHub'").query(Long.class).single();
		LocalDate day = TestClock.today(ZoneId.of("America/New_York")).plusDays(1);
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/calendar/meetings/new?account=" + financeHub);
			browser.find("#title").sendKeys("FinanceHub Q1 hiring plans");
			browser.script("document.getElementById('date').value = arguments[0];"
					+ "document.getElementById('start').value = '14:00';", day.toString());
			browser.find("#send-invitations").click();
			browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-field='attendees'] .field-error")).isEmpty());
			assertThat(browser.find("[data-field='attendees'] .field-error").getText())
				.contains("at least one attendee");
			assertThat(browser.find("#title").getAttribute("value")).isEqualTo("FinanceHub Q1 hiring plans");

			browser.find("input[name='contacts'] + span").findElement(By.xpath("..")).click();
			String invited = browser.find("input[name='contacts']:checked + span").getText();
			browser.find("#agenda").sendKeys("Capacity for 8-10 roles; timelines; rates");

			// suggested times: free in Jordan's calendar, within working hours for him
			// and the
			// contact in their zones; choosing one fills the date and the start
			browser.find("#suggest-slots").click();
			browser.waitUntil(d -> !d.findElements(By.cssSelector("#slots .slot")).isEmpty());
			WebElement first = browser.find("#slots .slot");
			assertThat(first.getText()).contains("Jordan Reyes:").contains(invited.split(",")[0] + ":");
			first.click();
			assertThat(browser.find("#date").getAttribute("value")).isEqualTo(first.getAttribute("data-date"));
			assertThat(browser.find("#start").getAttribute("value")).isEqualTo(first.getAttribute("data-time"));
			String hour = first.getAttribute("data-time").substring(0, 2);
			assertThat(Integer.parseInt(hour)).isBetween(9, 16);
			browser.screenshot("calendar-01-form");
			// the rest of the story keeps the 14:00 it was written for
			browser.script("document.getElementById('date').value = arguments[0];"
					+ "document.getElementById('start').value = '14:00';", day.toString());
			browser.find("#send-invitations").click();
			browser.waitUntil(d -> browser.currentPath().startsWith("/calendar/meetings/"));
			assertThat(browser.find("#attendees").getText()).contains(invited.split(",")[0]).contains("No answer yet");
			browser.screenshot("calendar-02-meeting");

			String to = jdbc.sql("""
					select a.email from meeting_attendee a join meeting m on m.id = a.meeting_id
					 where m.title = 'FinanceHub Q1 hiring plans' and a.contact_id is not null""")
				.query(String.class)
				.single();
			Calendar invite = SentMails.calendar(SentMails.await(jdbc, to, "Invitation: FinanceHub Q1 hiring plans"));
			assertThat(invite.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
			String uid = invite.<VEvent>getComponents().get(0).getProperty(Property.UID).orElseThrow().getValue();

			browser.open("/calendar");
			assertThat(browser.find(".calendar-page").getText()).contains("FinanceHub Q1 hiring plans", "Prepare now");
			browser.screenshot("calendar-03-calendar");

			browser.open("/calendar");
			// the calendar holds the demo's QBR meetings too (MegaBank's today): this one
			browser.find("a.strong");
			browser.findAll("a.strong")
				.stream()
				.filter(link -> link.getText().equals("FinanceHub Q1 hiring plans"))
				.findFirst()
				.orElseThrow()
				.click();
			browser.waitUntil(d -> browser.currentPath().startsWith("/calendar/meetings/"));
			browser.script(
					"document.querySelectorAll('form[data-confirm]').forEach(f => f.removeAttribute('data-confirm'));");
			browser.find("#cancel-meeting").click();
			browser.waitUntil(d -> d.getPageSource().contains("Cancelled"));
			Calendar cancel = SentMails.calendar(SentMails.await(jdbc, to, "Cancelled: FinanceHub Q1 hiring plans"));
			assertThat(cancel.getProperty(Property.METHOD).map(Property::getValue)).contains("CANCEL");
			assertThat(cancel.<VEvent>getComponents().get(0).getProperty(Property.UID).orElseThrow().getValue())
				.isEqualTo(uid);
		}
	}

}
