package io.intime.qbr;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.SentMails;
import io.intime.TestClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QBR calendar on the demo world: the account manager's month (MegaBank's QBR today
 * at 11:00, the completion rate with its quality criteria, the overdue QBRs to schedule)
 * and list, "+ Schedule QBR" from the console refused without anyone from the client and
 * then scheduled with its invitation; the CEO's QBR Calendar tab of the strategic
 * portfolio (DataSystems' QBR of spec 01) opened with its shortcut. Runs late and puts
 * back the QBR it schedules.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 2)
class QbrCalendarBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAccountManagerReadsTheMonthAndTheListAndSchedulesAQbrFromTheConsole() throws Exception {
		ZoneId newYork = ZoneId.of("America/New_York");
		LocalDate today = TestClock.today(newYork);
		// one of Jordan's clients whose QBR of this quarter is still to schedule
		Map<String, Object> client = jdbc.sql("""
				select a.id, a.name, q.id as qbr from account a join qbr q on q.account_id = a.id
				  join app_user u on u.id = a.owner_id
				 where u.username = 'am' and q.quarter = :q and q.status = 'PLANNED'
				   and exists (select 1 from contact c where c.account_id = a.id and c.active and c.email is not null)
				   and a.name not in ('TechCorp', 'DataSystems Inc.', 'MegaBank', 'FinanceHub', 'RetailCo', 'InsureCo')
				 order by a.name limit 1""").param("q", QbrQuarter.of(TestClock.today()).code()).query().singleRow();
		String account = (String) client.get("name");
		long qbr = ((Number) client.get("qbr")).longValue();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			List<String> menu = browser.findAll("nav a.nav-item").stream().map(WebElement::getText).toList();
			assertThat(menu).contains("QBRs");
			browser.find("nav a.nav-item[href='/qbrs']").click();
			browser.waitUntil(d -> browser.currentPath().equals("/qbrs"));
			assertThat(browser.text("#qbr-month")).isEqualTo(YearMonth.from(today)
				.getMonth()
				.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.US) + " " + today.getYear());
			assertThat(browser.text("#qbr-completion-rate")).matches("\\d{1,3}%");
			assertThat(browser.text("#qbr-completion")).contains("QBRs due were held", "Deck ready 3 days before",
					"Executive attended", "Action items documented", "Follow-up within a week");
			// MegaBank's QBR today at 11:00 (spec 02), on today's square
			WebElement megaBank = browser.find(".qc-day.today .qc-chip[data-account='MegaBank']");
			assertThat(megaBank.getAttribute("data-state")).isIn("SCHEDULED");
			assertThat(megaBank.getText()).contains("11:00 AM", "MegaBank", "Q" + QbrQuarter.of(today).quarter());
			assertThat(megaBank.getAttribute("href")).endsWith("/qbrs/" + jdbc.sql(
					"select q.id from qbr q join account a on a.id = q.account_id where a.name = 'MegaBank' and q.quarter = :q")
				.param("q", QbrQuarter.of(today).code())
				.query(Long.class)
				.single());
			// the overdue one is first among those to schedule, in red
			WebElement overdue = browser.find("#qbr-unscheduled .qc-unscheduled-item");
			assertThat(overdue.getAttribute("data-state")).isEqualTo("OVERDUE");
			assertThat(overdue.getText()).contains("Redline Logistics", "Overdue since");
			assertThat(overdue.findElement(By.cssSelector(".qc-late")).getCssValue("color"))
				.isEqualTo("rgba(185, 28, 28, 1)");
			browser.screenshot("qbr-01-month");

			browser.find("#qbr-view-list").click();
			browser.waitUntil(d -> d.getCurrentUrl().contains("view=list"));
			assertThat(browser.findAll("#qbr-list tbody tr.qc-row")).isNotEmpty();
			WebElement row = browser.find("#qbr-list tr[data-account='MegaBank']");
			assertThat(row.getText()).contains("Scheduled", "Jordan Reyes", "11:00 AM");
			browser.screenshot("qbr-02-list");

			// only the overdue ones
			browser.find("#qbr-filter-overdue").click();
			browser.waitUntil(d -> d.getCurrentUrl().contains("status=overdue"));
			assertThat(browser.findAll("#qbr-unscheduled .qc-unscheduled-item")).isNotEmpty()
				.allMatch(item -> "OVERDUE".equals(item.getAttribute("data-state")));
			assertThat(browser.findAll("#qbr-list tr[data-state='SCHEDULED']")).isEmpty();

			// "+ Schedule QBR" from the console (spec 02)
			browser.open("/");
			browser.find("#quick-schedule-qbr").click();
			browser.waitUntil(d -> browser.currentPath().equals("/qbrs/schedule"));
			new Select(browser.find("#qbr-account")).selectByVisibleText(account);
			browser.waitUntil(d -> d.getCurrentUrl().contains("account="));
			assertThat(browser.find("#qbr-title").getAttribute("value"))
				.isEqualTo(account + " QBR – " + QbrQuarter.of(TestClock.today()).label());
			assertThat(browser.find("#duration").getAttribute("value")).isEqualTo("90");
			assertThat(browser.find("#agenda").getAttribute("value")).contains("Performance Review");
			// nobody from the client: refused, naming the field, with the rest kept
			for (WebElement box : browser.findAll("input[name='contacts']:checked")) {
				box.click();
			}
			LocalDate day = today.plusDays(2);
			while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				day = day.plusDays(1);
			}
			browser.script("document.getElementById('date').value = arguments[0];"
					+ "document.getElementById('start').value = '10:30';", day.toString());
			browser.find("#qbr-send-invitations").click();
			browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-field='attendees'] .field-error")).isEmpty());
			assertThat(browser.text("[data-field='attendees'] .field-error"))
				.isEqualTo("invite at least one person from the client");
			assertThat(browser.find("#start").getAttribute("value")).isEqualTo("10:30");
			browser.screenshot("qbr-03-schedule-refused");

			WebElement first = browser.find("input[name='contacts']");
			first.findElement(By.xpath("..")).click();
			String invited = browser.find("input[name='contacts']:checked + span").getText().split(",")[0];
			browser.find("#qbr-send-invitations").click();
			browser.waitUntil(d -> browser.currentPath().equals("/qbrs"));
			browser.waitUntil(d -> String.valueOf(browser.script("return document.getElementById('toast').textContent"))
				.contains("invitations are on their way"));
			WebElement chip = browser.find(".qc-day[data-date='" + day + "'] .qc-chip[data-account='" + account + "']");
			assertThat(chip.getAttribute("data-state")).isEqualTo("SCHEDULED");
			assertThat(chip.getText()).contains("10:30 AM");
			browser.screenshot("qbr-04-scheduled");

			String to = jdbc.sql("""
					select a.email from meeting_attendee a join qbr q on q.meeting_id = a.meeting_id
					 where q.id = :q and a.name = :n""")
				.param("q", qbr)
				.param("n", invited)
				.query(String.class)
				.single();
			assertThat(SentMails.await(jdbc, to, "Invitation: " + account + " QBR").getSubject())
				.contains(account + " QBR – " + QbrQuarter.of(TestClock.today()).label());
		}
		finally {
			Long meeting = jdbc.sql("select meeting_id from qbr where id = :q")
				.param("q", qbr)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (meeting != null) {
				jdbc.sql("delete from activity where id = (select activity_id from meeting where id = :m)")
					.param("m", meeting)
					.update();
				jdbc.sql("delete from meeting where id = :m").param("m", meeting).update();
			}
			jdbc.sql("update qbr set status = 'PLANNED', meeting_id = null where id = :q").param("q", qbr).update();
		}
	}

	@Test
	void theCeoOpensThePortfoliosQbrCalendarWithItsShortcut() throws Exception {
		LocalDate dataSystemsQbr = TestClock.today(ZoneId.of("America/Los_Angeles")).plusDays(11);
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("ceo", "demo");
			browser.open("/executive/strategic-accounts");
			assertThat(browser.findAll("nav.tabs a.tab").stream().map(WebElement::getText).toList())
				.containsExactly("Portfolio View", "Account Health", "Renewals", "QBR Calendar", "Reports");
			browser.find("body").sendKeys("q");
			browser.waitUntil(d -> d.getCurrentUrl().contains("tab=qbrs"));
			assertThat(browser.find("#tab-qbrs").getAttribute("class")).contains("active");
			if (!YearMonth.from(dataSystemsQbr).equals(YearMonth.from(TestClock.today()))) {
				browser.find("#qbr-next").click();
				browser.waitUntil(d -> d.getCurrentUrl().contains("month=" + YearMonth.from(dataSystemsQbr)));
			}
			WebElement chip = browser
				.find(".qc-day[data-date='" + dataSystemsQbr + "'] .qc-chip[data-account='DataSystems']");
			assertThat(chip.getText()).contains("10:00 AM", "DataSystems", "Scheduled");
			// the owner may not fit a narrow day: it is in the chip and its tooltip
			assertThat(chip.getAttribute("textContent")).contains("Sarah Chen");
			assertThat(chip.getAttribute("title")).contains("DataSystems", QbrQuarter.of(TestClock.today()).label(),
					"Sarah Chen");
			assertThat(browser.text("#qbr-scope")).contains("Your strategic portfolio");
			assertThat(browser.text("#qbr-completion")).contains("By account manager");
			assertThat(browser.find("#qbr-owners").getText()).contains("Sarah Chen", "Daniel Okafor", "Rachel Nguyen");
			assertThat(browser.find("#qbr-unscheduled").getText()).contains("GlobalCo");
			browser.screenshot("qbr-05-portfolio-tab");
			// the list view stays in the tab
			browser.find("#qbr-view-list").click();
			browser.waitUntil(d -> d.getCurrentUrl().contains("view=list") && d.getCurrentUrl().contains("tab=qbrs"));
			assertThat(browser.find("#qbr-list").getText()).contains("DataSystems");
			browser.find("body").sendKeys(Keys.ESCAPE);
		}
	}

}
