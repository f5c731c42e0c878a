package io.intime.identity.web;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.identity.UserFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin invites a new colleague, copies the link shown, and the colleague accepts it
 * in a real Chromium: sets a password and lands signed in. Creates a new user only; no
 * demo record changes.
 */
@DemoWorldTest
class InvitationBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void adminInvitesAColleagueWhoSetsAPasswordAndLandsSignedIn() throws Exception {
		String email = "jamie.rivera." + UserFixtures.unique() + "@intime.example";
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("admin", "demo");
			browser.open("/admin/users");
			browser.find("#invite-user").click();
			browser.find("input[name=fullName]").sendKeys("Jamie Rivera");
			browser.find("input[name=email]").sendKeys(email);
			browser.find("input[name=title]").sendKeys("Account Manager");
			browser.find("input[name=timeZone]").clear();
			browser.find("input[name=timeZone]").sendKeys("America/Chicago");
			browser.find("#send-invitation").click();

			String link = browser.find("#link-url").getText();
			assertThat(link).startsWith("http://localhost:" + port + "/invite/");
			assertThat(browser.find("#issued-link").getText()).contains("Send this link to Jamie Rivera");
			browser.find("#copy-link").click();
			browser.waitUntil(d -> browser.find("#copy-link").getText().equals("Copied"));
			browser.screenshot("invitation-01-link-shown-to-admin");

			browser.find("#back-to-users").click();
			assertThat(browser.find("tr[data-user='" + email + "'] .invited").getText()).startsWith("Invited, expires");
			browser.screenshot("invitation-02-users-list");

			browser.find("form.logout-form button").click();
			browser.waitUntil(d -> browser.currentPath().equals("/login"));

			browser.open(link.substring(link.indexOf("/invite/")));
			assertThat(browser.find("#link-person").getText()).contains("Jamie Rivera", email);
			browser.find("#password").sendKeys("rivera-sets-a-password");
			browser.find("#confirmPassword").sendKeys("rivera-sets-a-password");
			browser.screenshot("invitation-03-accept-page");
			browser.find("#set-password-button").click();
			browser.waitUntil(d -> !browser.currentPath().startsWith("/invite/"));
			// the start page: an account manager's console, the accounts list for the
			// others
			assertThat(browser.currentPath()).isIn("/", "/accounts");
			assertThat(browser.find(".me-text strong").getText()).isEqualTo("Jamie Rivera");
			browser.screenshot("invitation-04-signed-in");
			assertThat(browser.cspViolations()).isEmpty();

			browser.open(link.substring(link.indexOf("/invite/")));
			assertThat(browser.find("#link-state").getText()).contains("used already");
			browser.screenshot("invitation-05-link-used");
		}
	}

}
