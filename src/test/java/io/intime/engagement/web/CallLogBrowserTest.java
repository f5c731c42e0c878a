package io.intime.engagement.web;

import java.time.LocalDate;
import java.time.ZoneId;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.TestClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 9:30, the TechCorp payment call (spec 02 step 5): Jordan Reyes (am) reads the call
 * brief (the overdue invoice first among the talking points, the authority limits),
 * starts the log from it with TechCorp and Michael Chen filled in, runs the timer,
 * forgets the outcome (refused beside the field, the notes kept), then logs the call with
 * a next action: the activity and its task are written together. Runs late: it adds an
 * activity and a task to TechCorp.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 3)
class CallLogBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTechCorpCallIsPreparedAndLoggedWithItsNextAction() throws Exception {
		long techCorp = jdbc.sql("select id from account where name = 'TechCorp'").query(Long.class).single();
		LocalDate friday = TestClock.today(ZoneId.of("America/New_York")).plusDays(2);
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + techCorp + "/call-brief?topic=Payment%20escalation");
			assertThat(browser.find("h1").getText()).isEqualTo("Call brief: TechCorp · Payment escalation");
			assertThat(browser.find("#talking-points li").getText()).contains("days overdue")
				.contains("invoice overdue");
			assertThat(browser.find("#authority").getText()).contains("A payment plan of up to 60 days",
					"Invoice write-offs");
			browser.screenshot("call-log-01-brief");

			browser.find("#log-call").click();
			browser.waitUntil(d -> browser.currentPath().equals("/log/new"));
			assertThat(new Select(browser.find("#account")).getFirstSelectedOption().getText()).isEqualTo("TechCorp");
			assertThat(new Select(browser.find("#contact")).getFirstSelectedOption().getText())
				.isEqualTo("Michael Chen, CFO");
			assertThat(browser.find("#topic").getAttribute("value")).isEqualTo("Payment escalation");
			new Select(browser.find("#callType")).selectByVisibleText("Payment or billing");
			assertThat(browser.find("#notes").getAttribute("value")).startsWith("Invoices discussed:");
			browser.find("#timer-toggle").click();
			browser.waitUntil(d -> !browser.find("#timer-clock").getText().equals("00:00"));
			browser.find("#timer-toggle").click();
			assertThat(browser.find("#durationMinutes").getAttribute("value")).isEqualTo("1");
			browser.find("#notes").clear();
			browser.find("#notes").sendKeys("AP system upgrade caused the delay. Payment by EOD Friday.");
			browser.find("input[name='actionTitle']").sendKeys("Confirm payment received");
			browser.script("document.querySelector(\"input[name='actionDue']\").value = arguments[0];",
					friday.toString());
			browser.find("#log-and-create").click();

			// no outcome: refused beside it, nothing saved, the notes kept
			browser.waitUntil(
					d -> !d.findElements(org.openqa.selenium.By.cssSelector("[data-field='outcome'] .field-error"))
						.isEmpty());
			assertThat(browser.find("[data-field='outcome'] .field-error").getText()).startsWith("is required");
			assertThat(browser.find("#notes").getAttribute("value")).startsWith("AP system upgrade");
			browser.screenshot("call-log-02-refused");

			// the segmented controls' radios sit under their labels: a person clicks the
			// label
			browser.find("[data-field='outcome'] label.segment:nth-of-type(1)").click();
			browser.find("[data-field='sentiment'] label.segment:nth-of-type(1)").click();
			browser.find("#tags").sendKeys("payment, escalation");
			browser.find("#log-and-create").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/activities"));
		}
		Long activity = jdbc
			.sql("""
					select id from activity where account_id = ? and subject = 'Payment escalation' and call_outcome = 'RESOLVED'
					   and call_type = 'PAYMENT' and duration_minutes = 1 and sentiment = 'POSITIVE'""")
			.params(techCorp)
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("select title, due_date from task where record_type = 'activity' and record_id = ?")
			.params(activity)
			.query((rs, n) -> rs.getString(1) + " " + rs.getDate(2).toLocalDate())
			.list()).containsExactly("Confirm payment received " + friday);
	}

}
