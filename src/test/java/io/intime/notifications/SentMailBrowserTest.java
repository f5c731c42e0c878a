package io.intime.notifications;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo world's health alerts reach their owners by email; an admin reads one in "Sent
 * mail" as Jordan Reyes (am) received it, in a real Chromium. Changes nothing.
 */
@DemoWorldTest
class SentMailBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void adminReadsAHealthAlertEmailAsItsRecipientSawIt() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("admin", "demo");
			browser.open("/admin/mail?to=am@intime.com");
			// the delivery worker sends the demo's queued alerts within seconds of the
			// start
			browser.waitUntil(driver -> {
				if (!browser.findAll("#sent-mail-table tbody tr").isEmpty()) {
					return true;
				}
				browser.open("/admin/mail?to=am@intime.com");
				return false;
			});
			browser.screenshot("sent-mail-01-list");
			// a health alert ("TechCorp: An invoice is 45 days overdue"), not a task
			// reminder
			browser.findAll("#sent-mail-table tbody tr a")
				.stream()
				.filter(link -> !link.getText().startsWith("Due "))
				.findFirst()
				.orElseThrow()
				.click();
			browser.waitUntil(driver -> browser.currentPath().matches("/admin/mail/\\d+"));
			assertThat(browser.find("#mail-headers").getText()).contains("notifications@intime.local", "Reply-To",
					"List-Unsubscribe");
			browser.switchToFrame("#mail-html");
			assertThat(browser.find("body").getText()).contains("Open in InTime");
			browser.switchBack();
			browser.screenshot("sent-mail-02-health-alert-email");
			browser.find("#tab-text").click();
			assertThat(browser.find("#mail-text").getText()).contains("/accounts/");
			browser.screenshot("sent-mail-03-text-part");
			assertThat(browser.cspViolations()).isEmpty();
		}
	}

}
