package io.intime.accounts.web;

import java.util.List;

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
	 * The History tab of DataSystems Inc. as its account manager reads it: one item per
	 * save (Jane Doe's creation whole, with her influence as a word), counted as changes.
	 */
	@Test
	void theHistoryTabShowsEachSaveWholeInWords() throws Exception {
		long id = jdbc.sql("select id from account where name = 'DataSystems Inc.'").query(Long.class).single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + id + "?tab=history");
			browser.find("li.history-item");
			java.util.List<WebElement> janes = browser.findAll("li.history-item")
				.stream()
				.filter(item -> item.getText().contains("contact Jane Doe") && item.getText().contains("created"))
				.toList();
			assertThat(janes).hasSize(1);
			String creation = janes.get(0).getText();
			assertThat(creation).contains("Name", "Jane Doe").containsPattern("Influence\\W+(High|Medium|Low)");
			assertThat(browser.find("#history").getText()).doesNotContain("[")
				.doesNotContainPattern("\\b(HIGH|LOW|MEDIUM)\\b");
			browser.screenshot("07-history-datasystems");
		}
	}

	/**
	 * Spec 03: executing (and re-executing) a contract belongs to legal, sales directors
	 * and executives. The account manager is offered no way back to Active for
	 * DataSystems Inc.'s terminated SOW; the executive is, after a confirmation that
	 * names the ARR change and asks why. (The SOW is terminated again at the end: other
	 * browser tests read DataSystems Inc. as the demo world made it.)
	 */
	@Test
	void reactivatingATerminatedContractIsConfirmedWithItsArrChangeAndAReason() throws Exception {
		long id = jdbc.sql("select id from account where name = 'DataSystems Inc.'").query(Long.class).single();
		long sow = jdbc
			.sql("select id from contract where account_id = :id and status = 'TERMINATED' order by id limit 1")
			.param("id", id)
			.query(Long.class)
			.single();
		try (Browser am = new Browser("http://localhost:" + port)) {
			am.signIn("am", "demo");
			am.open("/accounts/" + id + "?tab=contracts");
			am.find("#contract-" + sow);
			assertThat(am.findAll("#contract-" + sow + " .status-form")).isEmpty();
			assertThat(am.findAll(".status-form option")).extracting(WebElement::getText).doesNotContain("Active");
		}
		try (Browser ceo = new Browser("http://localhost:" + port)) {
			ceo.signIn("ceo", "demo");
			ceo.open("/accounts/" + id + "?tab=contracts");
			List<String> offered = ceo.findAll("#contract-" + sow + " .status-form option")
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(offered).containsExactly("Active");
			ceo.find("#contract-" + sow + " .status-form button").click();

			assertThat(ceo.find("#status-question").getText()).startsWith("Reactivate SOW-");
			assertThat(ceo.find("#arr-change").getText()).contains("$280,000").contains("$322,000");
			ceo.screenshot("08-contract-reactivate-confirm");
			ceo.find("#confirm-status").click();
			assertThat(ceo.find("[data-field=reason] .field-error").getText()).contains("why");
			ceo.find("#reason").sendKeys("Signed again after the budget freeze ended");
			ceo.find("#confirm-status").click();
			assertThat(ceo.find("#toast").getText()).contains("is now Active");
			assertThat(ceo.find(".hero-arr").getText()).isEqualTo("$322,000");
			ceo.screenshot("09-contract-reactivated");

			// terminated again, through the same confirmation
			ceo.open("/accounts/" + id + "/contracts/" + sow + "/status?to=TERMINATED");
			assertThat(ceo.find("#arr-change").getText()).contains("$322,000").contains("$280,000");
			assertThat(ceo.findAll("#reason")).isEmpty();
			ceo.find("#confirm-status").click();
			ceo.find("#contract-" + sow);
		}
		assertThat(jdbc.sql("select status from contract where id = :id").param("id", sow).query(String.class).single())
			.isEqualTo("TERMINATED");
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
