package io.intime.accounts.web;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account manager's first minutes, in a real Chromium against the running application
 * with the demo world: sign in, find an account, open it, edit it, get told what is
 * wrong.
 */
@DemoWorldTest
class AccountsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void accountManagerSearchesOpensEditsAndSeesAValidationMessage() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts");
			browser.find("tr.account-row");
			browser.screenshot("01-accounts-list");

			WebElement search = browser.find("#account-search");
			search.sendKeys("TechCorp");
			browser.waitUntil(d -> browser.findAll("tr.account-row").size() == 1
					&& browser.findAll("tr.account-row a.account-link").get(0).getText().equals("TechCorp"));
			browser.screenshot("02-accounts-search-techcorp");

			browser.find("tr.account-row a.account-link").click();
			assertThat(browser.find("#account-name").getText()).isEqualTo("TechCorp");
			browser.screenshot("03-account-360-techcorp");

			browser.find("#edit-account").click();
			WebElement employees = browser.find("[data-field=employeeCount] input");
			employees.clear();
			employees.sendKeys("-5");
			browser.find("#save-account").click();
			WebElement error = browser.find("[data-field=employeeCount] .field-error");
			assertThat(error.getText()).contains("0 or more");
			browser.screenshot("04-account-edit-validation");

			employees = browser.find("[data-field=employeeCount] input");
			assertThat(employees.getAttribute("value")).isEqualTo("-5");
			employees.clear();
			employees.sendKeys("1350");
			browser.find("#save-account").click();
			assertThat(browser.find("#account-name").getText()).isEqualTo("TechCorp");
			browser.screenshot("05-account-saved");
			assertThat(browser.cspViolations()).as("blocked by the Content-Security-Policy").isEmpty();
		}
		Integer saved = jdbc.sql("select employee_count from account where name = 'TechCorp'")
			.query(Integer.class)
			.single();
		assertThat(saved).isEqualTo(1350);
		assertThat(jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'account' and field = 'employeeCount' and new_value = '1350' and actor_name = 'am'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * The import page's script is a file now (no inline scripts under the
	 * Content-Security-Policy): it still runs.
	 */
	@Test
	void theImportPageShowsTheChosenFileUnderTheContentSecurityPolicy(
			@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
		java.nio.file.Path csv = java.nio.file.Files.writeString(folder.resolve("new-accounts.csv"),
				"name\nImported Co\n");
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("admin", "demo");
			browser.open("/import");
			browser.findAll("#file").get(0).sendKeys(csv.toString());
			browser.waitUntil(d -> browser.find("#file-name").getText().equals("new-accounts.csv"));
			assertThat(browser.find(".dropzone").getAttribute("class")).contains("has-file");
			browser.screenshot("06-import-file-chosen");
			assertThat(browser.cspViolations()).as("blocked by the Content-Security-Policy").isEmpty();
		}
	}

}
