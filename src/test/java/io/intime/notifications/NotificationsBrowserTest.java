package io.intime.notifications;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jordan Reyes (am) has the demo's health alerts and escalations as notifications: the
 * bell shows the unread count on every page, its panel the latest, the list marks one
 * read without reload and the count drops, and opening one goes to its record.
 */
@DemoWorldTest
class NotificationsBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void anAccountManagerReadsTheirNotificationsFromTheBell() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts");
			browser.waitUntil(driver -> !browser.find("#bell-badge").getText().isBlank());
			int before = Integer.parseInt(browser.find("#bell-badge").getText().replace("+", ""));
			assertThat(before).isPositive();

			browser.find("#bell-button").click();
			browser.waitUntil(driver -> !browser.findAll("#bell-panel .bell-list li").isEmpty());
			assertThat(browser.findAll("#bell-panel .bell-list li")).hasSizeLessThanOrEqualTo(10);
			browser.screenshot("notifications-01-bell-open");

			browser.find("#bell-see-all").click();
			browser.waitUntil(driver -> browser.currentPath().equals("/notifications"));
			browser.find("#tab-unread").click();
			browser.waitUntil(driver -> browser.find("#tab-unread").getAttribute("class").contains("active"));
			String first = browser.find("#notification-list li").getAttribute("data-notification");
			browser.find("#read-" + first).click();
			browser.waitUntil(driver -> browser.findAll("#read-" + first).isEmpty());
			browser.waitUntil(driver -> !browser.find("#bell-badge").getText().equals(Integer.toString(before)));
			browser.screenshot("notifications-02-list");

			// opening one goes to its record
			String second = browser.findAll("#notification-list li.unread").get(0).getAttribute("data-notification");
			browser.find("li[data-notification='" + second + "'] a.row-title").click();
			browser.waitUntil(driver -> !browser.currentPath().equals("/notifications"));
			// an account's page, or My tasks for a reminder of a personal task
			assertThat(browser.currentPath()).matches("/accounts/.+|/tasks");
			assertThat(browser.cspViolations()).isEmpty();
		}
	}

}
