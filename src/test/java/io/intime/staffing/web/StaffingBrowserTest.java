package io.intime.staffing.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jobs tab in a real Chromium against the running application with the demo world:
 * the account manager sees that DataSystems Inc.'s hiring has stopped (spec 02) but,
 * following spec 03's permissions matrix, opens no jobs (no "New job" at TechCorp); the
 * sales director opens a new search at TechCorp, refused once for a wrong currency, then
 * opened. (The search goes to TechCorp so that DataSystems Inc. keeps its story for other
 * tests of the same demo world.)
 */
@DemoWorldTest
class StaffingBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void accountManagerSeesDataSystemsHiringStoppedAndTheSalesDirectorOpensAJobAtTechCorp() throws Exception {
		long dataSystems = idOf("DataSystems Inc.");
		long techCorp = idOf("TechCorp");
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + dataSystems);
			browser.find("#tab-jobs").click();
			assertThat(browser.currentPath()).isEqualTo("/accounts/" + dataSystems + "/jobs");
			assertThat(browser.find("#stat-open-jobs").getText()).isEqualTo("0");
			assertThat(browser.find("#stat-last-hire-title").getText()).isEqualTo("Frontend Developer");
			// The demo world's "today" is the server's; the page counts days in the
			// user's time zone.
			LocalDate lastHire = jdbc.sql("select max(start_date) from placement where account_id = ?")
				.param(dataSystems)
				.query(LocalDate.class)
				.single();
			assertThat(lastHire).isEqualTo(TestClock.today().minusDays(60));
			long daysAgo = ChronoUnit.DAYS.between(lastHire, TestClock.today(ZoneId.of("America/New_York")));
			assertThat(browser.find("#stat-days-since-hire").getText()).isEqualTo(daysAgo + " days ago");
			assertThat(browser.find("#no-open-jobs").getText()).contains("No open jobs");
			WebElement latest = browser.findAll("#placements-table tr.placement-row").get(0);
			assertThat(latest.getText()).contains("Ana Ruiz").contains("Frontend Developer");
			assertThat(browser.findAll("#closed-jobs-table tr.job-row").get(0).getText()).contains("Software Engineer")
				.contains("Cancelled");
			browser.screenshot("staffing-01-datasystems-jobs");

			browser.open("/accounts/" + idOf("ABC Technologies") + "/jobs#placements");
			assertThat(browser.find("#stat-open-jobs").getText()).isEqualTo("12");
			assertThat(browser.find("#stat-falloffs").getText()).isEqualTo("3");
			assertThat(browser.findAll("#placements-table tr.placement-row.falloff")).hasSizeGreaterThanOrEqualTo(3);
			browser.screenshot("staffing-02-abc-placements-falloffs");

			browser.open("/accounts/" + techCorp + "/jobs");
			assertThat(browser.find("#stat-open-jobs").getText()).isNotEmpty();
			assertThat(browser.findAll("#new-job")).as("spec 03: account managers view jobs, they do not open them")
				.isEmpty();
			browser.screenshot("staffing-03-techcorp-jobs");
		}
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("director", "demo");
			browser.open("/accounts/" + techCorp + "/jobs");
			int openBefore = Integer.parseInt(browser.find("#stat-open-jobs").getText());
			browser.find("#new-job").click();
			browser.find("#title").sendKeys("Platform Engineer");
			browser.find("#department").sendKeys("Platform");
			new Select(browser.find("#priority")).selectByVisibleText("High");
			new Select(browser.find("#recruiterId")).selectByIndex(0);
			WebElement amount = browser.find("[id='billRate.amount']");
			amount.clear();
			amount.sendKeys("110");
			WebElement currency = browser.find("[id='billRate.currency']");
			currency.clear();
			currency.sendKeys("XYZ");
			browser.find("#save-job").click();
			WebElement error = browser.find("[data-field='billRate.amount'] .field-error");
			assertThat(error.getText()).contains("'XYZ' is not an ISO 4217 currency");
			assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Platform Engineer");
			browser.screenshot("staffing-04-job-form-wrong-currency");

			currency = browser.find("[id='billRate.currency']");
			currency.clear();
			currency.sendKeys("USD");
			browser.find("#save-job").click();
			browser.waitUntil(d -> browser.currentPath().equals("/accounts/" + techCorp + "/jobs"));
			assertThat(browser.find("#stat-open-jobs").getText()).isEqualTo(String.valueOf(openBefore + 1));
			assertThat(browser.find("#open-jobs-table").getText()).contains("Platform Engineer").contains("$110/hr");
			browser.screenshot("staffing-05-job-opened");
		}
		assertThat(jdbc
			.sql("select count(*) from job where account_id = ? and title = 'Platform Engineer' and status = 'OPEN'"
					+ " and created_by = 'director'")
			.param(techCorp)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long idOf(String name) {
		return jdbc.sql("select id from account where name = ?").param(name).query(Long.class).single();
	}

}
