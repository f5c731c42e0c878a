package io.intime.engagement.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Order;
import io.intime.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account manager on the Activities and Escalations tabs of the demo world, in a real
 * Chromium: DataSystems Inc.'s story (NPS 3/10, the pause request, Jane Doe silent after
 * two emails, two escalations resolved), a call logged after a wrong duration is pointed
 * out, an escalation raised after a missing title is; ABC Technologies' NPS fall from 75
 * to 15.
 */
// Last of the suite: it changes DataSystems Inc.'s story (a call, an open escalation,
// hence its
// health), which the demo tests and HealthBrowserTest read in the same demo world.
@Order(Integer.MAX_VALUE)
@DemoWorldTest
class EngagementBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void accountManagerReadsDataSystemsStoryLogsACallAndRaisesAnEscalation() throws Exception {
		long dsi = accountId("DataSystems Inc.");
		long jane = jdbc.sql("select id from contact where account_id = :a and name = 'Jane Doe'")
			.param("a", dsi)
			.query(Long.class)
			.single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + dsi + "/activities");

			assertThat(browser.find("#account-name").getText()).isEqualTo("DataSystems Inc.");
			assertThat(browser.find("#nps-average").getText()).isEqualTo("3.0");
			assertThat(browser.find("#unanswered").getText()).isEqualTo("Jane Doe has not answered 2 emails");
			assertThat(browser.find("#stat-touchpoints .value").getText()).isEqualTo("1");
			WebElement pause = browser.findAll("tr.activity-row")
				.stream()
				.filter(row -> row.getText().contains("Requested pause on all searches"))
				.findFirst()
				.orElseThrow();
			assertThat(pause.getText()).contains("Email – Requested pause on all searches", "Inbound", "Jane Doe");
			WebElement detractor = browser.find("#nps tr.nps-row");
			assertThat(detractor.getText()).contains("3/10", "“Not meeting expectations”", "Jane Doe",
					format(TestClock.today().minusDays(43)));
			browser.screenshot("engagement-01-datasystems-activities");

			browser.find("#log-call").click();
			assertThat(browser.find("#form-heading").getText()).isEqualTo("Log a call");
			browser.find("[data-field=subject] input").sendKeys("Emergency check-in with Jane Doe");
			assertThat(browser.find("#contact-" + jane).isSelected()).as("Jane Doe, the primary contact").isTrue();
			WebElement duration = browser.find("[data-field=durationMinutes] input");
			duration.clear();
			duration.sendKeys("2000");
			browser.find("[data-field=notes] textarea").sendKeys("Understand the pause; offer a recovery plan.");
			browser.find("#save-activity").click();
			assertThat(browser.find("[data-field=durationMinutes] .field-error").getText())
				.isEqualTo("must be between 0 and 1440 minutes");
			assertThat(browser.find("[data-field=subject] input").getAttribute("value"))
				.isEqualTo("Emergency check-in with Jane Doe");
			browser.screenshot("engagement-02-call-validation");

			duration = browser.find("[data-field=durationMinutes] input");
			duration.clear();
			duration.sendKeys("30");
			browser.find("#save-activity").click();
			browser.waitUntil(d -> browser.currentPath().equals("/accounts/" + dsi + "/activities"));
			assertThat(browser.find("tr.activity-row").getText()).contains("Call – Emergency check-in with Jane Doe",
					"Jane Doe");
			assertThat(browser.find("#stat-contacts .value").getText()).isEqualTo("3");
			browser.screenshot("engagement-03-call-logged");

			browser.open("/accounts/" + dsi + "/escalations");
			assertThat(browser.find("#stat-90").getText()).isEqualTo("2");
			assertThat(browser.find("#stat-open").getText()).isEqualTo("0");
			assertThat(browser.findAll("#resolved-escalations tr.escalation-row")
				.stream()
				.map(WebElement::getText)
				.toList()).anySatisfy(row -> assertThat(row).contains("Poor candidate quality", "3 d"))
				.anySatisfy(row -> assertThat(row).contains("Missed deadline on Software Engineer role"));
			browser.screenshot("engagement-04-datasystems-escalations");

			browser.find("#new-escalation").click();
			browser.find("[data-field=description] textarea")
				.sendKeys("Jane Doe has not answered two emails since the pause.");
			browser.find("#save-escalation").click();
			assertThat(browser.find("[data-field=title] .field-error").getText()).isEqualTo("is required");
			browser.screenshot("engagement-05-escalation-validation");
			browser.find("[data-field=title] input").sendKeys("Client unresponsive after search pause");
			browser.find("#save-escalation").click();
			browser.waitUntil(d -> browser.currentPath().equals("/accounts/" + dsi + "/escalations"));
			WebElement raised = browser.find("#open-escalations tr.escalation-row");
			assertThat(raised.getText()).contains("Client unresponsive after search pause", "P2 · Medium", "Open");
			browser.screenshot("engagement-06-escalation-raised");
		}
		// ABC Technologies is Sarah Chen's: an account's activities are for its own
		// manager
		// (spec 03, "assigned")
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("sarah.chen", "demo");
			long abc = accountId("ABC Technologies");
			browser.open("/accounts/" + abc + "/activities");
			assertThat(browser.find("#net-nps").getText()).isEqualTo("15");
			assertThat(browser.find("#net-nps-previous").getText()).isEqualTo("75");
			assertThat(browser.find("#last-touchpoint").getText()).isEqualTo(format(TestClock.today().minusDays(45)));
			browser.screenshot("engagement-07-abc-activities");
			browser.open("/accounts/" + abc + "/escalations");
			assertThat(browser.find("#stat-30").getText()).isEqualTo("3");
			browser.screenshot("engagement-08-abc-escalations");
		}
		assertThat(jdbc
			.sql("select count(*) from activity where account_id = :a and subject = 'Emergency check-in with Jane Doe'"
					+ " and created_by = 'am' and duration_minutes = 30")
			.param("a", dsi)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from escalation where account_id = :a and status = 'OPEN'")
			.param("a", dsi)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long accountId(String name) {
		return jdbc.sql("select id from account where name = :n").param("n", name).query(Long.class).single();
	}

	private static String format(LocalDate date) {
		return DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).format(date);
	}

}
