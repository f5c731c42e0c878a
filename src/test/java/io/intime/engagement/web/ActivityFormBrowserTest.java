package io.intime.engagement.web;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity form follows its type and tense, in a real Chromium with the demo world:
 * opened from DataSystems Inc. it ticks Jane Doe, its primary contact; a note has no
 * direction nor duration and is not "Log a call"; a call that lies ahead is planned and
 * asks neither how it went nor the sentiment; the sentiment's choices stay on one line.
 * It reads DataSystems Inc. without saving there, and saves one note (with no contact) at
 * another account of the manager's that no other test reads.
 */
@DemoWorldTest
class ActivityFormBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFormShowsOnlyTheFieldsOfTheChosenTypeAndTense() throws Exception {
		long dsi = jdbc.sql("select id from account where name = 'DataSystems Inc.'").query(Long.class).single();
		long jane = jdbc.sql("select id from contact where account_id = :a and name = 'Jane Doe'")
			.param("a", dsi)
			.query(Long.class)
			.single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + dsi + "/activities");
			browser.find("#log-call").click();

			assertThat(browser.find("#form-heading").getText()).isEqualTo("Log a call");
			assertThat(browser.find("#contact-" + jane).isSelected()).as("the primary contact is ticked").isTrue();
			assertThat(browser.find("label.choice:has(#contact-" + jane + ") .primary-chip").getText())
				.isEqualToIgnoringCase("Primary contact");
			assertThat(shown(browser, "[data-field=direction]")).isTrue();
			assertThat(shown(browser, "[data-field=durationMinutes]")).isTrue();
			assertThat(shown(browser, "[data-field=sentiment]")).isTrue();
			WebElement positive = browser.find("[data-field=sentiment] .s-POSITIVE");
			WebElement negative = browser.find("[data-field=sentiment] .s-NEGATIVE");
			assertThat(negative.getRect().getY()).as("Negative on the line of the other choices")
				.isEqualTo(positive.getRect().getY());
			assertThat(negative.getRect().getHeight()).isEqualTo(positive.getRect().getHeight());
			WebElement choices = browser.find("[data-field=sentiment] .segmented");
			assertThat(negative.getRect().getX() + negative.getRect().getWidth()).as("Negative not cut off")
				.isLessThanOrEqualTo(choices.getRect().getX() + choices.getRect().getWidth());
			browser.scrollTo("#activity-form");
			browser.screenshot("activity-form-01-log-a-call");
			browser.scrollTo("[data-field=notes]");
			browser.screenshot("activity-form-01b-sentiment-on-one-line");

			choose(browser, "NOTE");
			assertThat(browser.find("#form-heading").getText()).isEqualTo("Add a note");
			assertThat(shown(browser, "[data-field=direction]")).isFalse();
			assertThat(shown(browser, "[data-field=durationMinutes]")).isFalse();
			assertThat(browser.find("#activity-form").getText()).doesNotContain("Log a call", "Outbound", "Duration");
			browser.screenshot("activity-form-02-switched-to-note");

			choose(browser, "CALL");
			assertThat(browser.find("#form-heading").getText()).isEqualTo("Log a call");
			assertThat(browser.find("select[name=direction]").getAttribute("value")).isEqualTo("OUTBOUND");
			assertThat(shown(browser, "[data-field=durationMinutes]")).isTrue();
			String ahead = (String) browser.script("""
					const form = document.getElementById('activity-form');
					const when = form.querySelector('[name=occurredAt]');
					const day = form.getAttribute('data-now').slice(0, 10);
					when.value = (parseInt(day.slice(0, 4), 10) + 1) + day.slice(4) + 'T10:00';
					when.dispatchEvent(new Event('input', { bubbles: true }));
					return when.value;""");
			assertThat(ahead).endsWith("T10:00");
			assertThat(browser.find("#form-heading").getText()).isEqualTo("Plan a call");
			assertThat(shown(browser, "[data-field=sentiment]")).isFalse();
			assertThat(shown(browser, "[data-field=outcome]")).isFalse();
			assertThat(browser.find("#activity-form").getText()).doesNotContain("How it went", "Sentiment")
				.contains("Agenda");
			assertThat(browser.find("#save-activity").getText()).isEqualTo("Plan it");
			browser.scrollTo("#activity-form");
			browser.screenshot("activity-form-03-date-ahead-plans-the-call");

			browser.open("/accounts/" + dsi + "/activities");
			browser.find("#plan-call").click();
			assertThat(browser.find("#form-heading").getText()).isEqualTo("Plan a call");
			assertThat(browser.find("#activity-form").getText()).doesNotContain("How it went", "Sentiment");
			choose(browser, "MEETING");
			assertThat(browser.find("#form-heading").getText()).isEqualTo("Plan a meeting");
			assertThat(browser.cspViolations()).isEmpty();
		}
		assertThat(jdbc.sql("select count(*) from activity where account_id = :a and occurred_at > now()")
			.param("a", dsi)
			.query(Long.class)
			.single()).as("nothing saved at DataSystems Inc.").isZero();

		long quiet = jdbc.sql("""
				select a.id from account a join app_user u on u.id = a.owner_id
				where u.username = 'am' and a.archived_at is null
				  and a.name in ('Atlas Aerospace', 'BlueRiver Insurance', 'Brightwave Media', 'Cascade Semiconductors',
				                 'Ironclad Security', 'Northwind Energy', 'Orion Media Group', 'Quantum Dynamics',
				                 'Silverline Telecom', 'Summit Financial Group', 'Redwood Capital Partners')
				order by a.name desc limit 1""").query(Long.class).single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + quiet + "/activities/new?type=CALL");
			assertThat(browser.find("[data-field=durationMinutes] input").getAttribute("value")).isEqualTo("30");
			choose(browser, "NOTE");
			for (WebElement ticked : browser.findAll("input[name=contactIds]:checked")) {
				ticked.click();
			}
			browser.find("[data-field=subject] input").sendKeys("Account plan reviewed (form test)");
			browser.find("#save-activity").click();
			browser.waitUntil(d -> browser.currentPath().equals("/accounts/" + quiet + "/activities"));
			assertThat(browser.find("tr.activity-row").getText()).contains("Note – Account plan reviewed (form test)");
		}
		var saved = jdbc.sql("select direction, duration_minutes from activity where subject = :s")
			.param("s", "Account plan reviewed (form test)")
			.query()
			.singleRow();
		assertThat(saved.get("direction")).isEqualTo("INTERNAL");
		assertThat(saved.get("duration_minutes")).as("the hidden duration was not sent").isNull();
	}

	private static void choose(Browser browser, String type) {
		browser.find("[data-field=type] label:has(input[value=" + type + "]) span").click();
	}

	private static boolean shown(Browser browser, String css) {
		return browser.findAll(css).stream().anyMatch(WebElement::isDisplayed);
	}

}
