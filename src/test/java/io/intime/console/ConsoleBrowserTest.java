package io.intime.console;

import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.identity.UserDirectory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jordan Reyes (am) starts the day on the console (spec 02 step 1): the portfolio's bands
 * add up to its 42 accounts and each opens the filtered list; the urgent alerts, the
 * day's meetings, the priorities and the clients' activity are there; a task completed
 * elsewhere shows on the console without a reload. Dana Whitfield (director) gets the
 * team's console with a line per account manager; a recruiter lands on the accounts list.
 */
@DemoWorldTest
class ConsoleBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory users;

	@Test
	void anAccountManagerStartsTheDayOnTheConsole() throws Exception {
		long am = users.findByUsername("am").orElseThrow().id();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/");
			assertThat(browser.find("h1").getText()).isEqualTo("Account Manager Console");
			List<WebElement> bands = browser.findAll(".band-stat");
			int total = bands.stream()
				.mapToInt(b -> Integer.parseInt(b.findElement(By.cssSelector(".value span")).getText()))
				.sum();
			assertThat(total).isEqualTo(42);
			browser.waitUntil(d -> d.findElement(By.cssSelector("#nrr .value")).getText().matches("\\d+%"));
			assertThat(browser.text("#nrr")).contains("a year ago");
			assertThat(browser.findAll(".console-alert")).isNotEmpty();
			assertThat(browser.find("#urgent-alerts").getText()).contains("Schedule call", "View details",
					"Send email");
			assertThat(browser.find("#todays-meetings").getText()).containsAnyOf("Prepared", "Not prepared",
					"Prep planned", "No call or meeting today");
			browser.screenshot("console-01-account-manager");

			// a task done elsewhere shows on the console without a reload (one is due
			// today
			// even when other tests have completed the demo's)
			jdbc.sql("""
					insert into task (title, assignee_id, due_date, time_zone, due_at, priority, created_at, updated_at)
					values ('Call back the console test', ?, ?, 'America/New_York', now(), 'NORMAL', now(), now())""")
				.params(am, io.intime.TestClock.today(java.time.ZoneId.of("America/New_York")))
				.update();
			browser.open("/");
			String before = text(browser, "#priorities .card-header .muted");
			int changed = jdbc.sql("""
					update task set status = 'DONE', completed_at = now(), version = version + 1
					 where id = (select id from task where assignee_id = ? and status = 'OPEN' and due_date = ?
					              order by id limit 1)""")
				.params(am, io.intime.TestClock.today(java.time.ZoneId.of("America/New_York")))
				.update();
			assertThat(changed).isEqualTo(1);
			browser.script("window.consoleMarker = 'kept'; htmx.trigger(document.body, 'tasks-changed');");
			browser.waitUntil(d -> !text(browser, "#priorities .card-header .muted").equals(before));
			assertThat(browser.script("return window.consoleMarker")).isEqualTo("kept");

			// the red band opens the accounts list filtered to the red accounts of
			// Jordan's
			browser.find(".band-stat[data-band='RED']").click();
			browser.waitUntil(d -> browser.currentPath().startsWith("/accounts"));
			assertThat((String) browser.script("return location.search")).contains("band=RED").contains("owner=" + am);
			assertThat(browser.findAll(".health-pill.RED")).isNotEmpty();
			assertThat(browser.findAll(".health-pill.GREEN")).isEmpty();
		}
	}

	/** An element's text read by script: htmx may swap it at any moment. */
	private static String text(Browser browser, String css) {
		Object text = browser.script("var e = document.querySelector(arguments[0]); return e ? e.textContent : ''",
				css);
		return text == null ? "" : text.toString().trim();
	}

	@Test
	void aSalesDirectorSeesTheTeamAndARecruiterTheAccounts() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("director", "demo");
			browser.open("/");
			assertThat(browser.find("h1").getText()).isEqualTo("Team console");
			assertThat(browser.find("#team").getText()).contains("Jordan Reyes");
			browser.screenshot("console-02-sales-director");
		}
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("sarah.kim", "demo");
			browser.open("/");
			browser.waitUntil(d -> browser.currentPath().startsWith("/accounts"));
		}
	}

}
