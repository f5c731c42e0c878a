package io.intime.billing.web;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account manager of spec 02 on TechCorp's Invoices tab, in a real Chromium with the
 * demo world: INV-2024-0847 ($85,420, 45 days overdue) stands out, and flagging a dispute
 * without saying what is disputed is refused beside the field, then accepted.
 */
@DemoWorldTest
class InvoicesBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void accountManagerSeesTechCorpsOverdueInvoiceAndFlagsADispute() throws Exception {
		long techCorp = jdbc.sql("select id from account where name = 'TechCorp'").query(Long.class).single();
		long story = jdbc.sql("select id from invoice where invoice_number = 'INV-2024-0847'")
			.query(Long.class)
			.single();
		// An open invoice of another of the manager's accounts, not due yet: the one its
		// client now disputes.
		var disputed = jdbc
			.sql("""
					select i.id, i.account_id from invoice i join account a on a.id = i.account_id join app_user u on u.id = a.owner_id
					where u.username = 'am' and a.name <> 'TechCorp' and i.status = 'OPEN' and i.due_date >= current_date
					order by a.name, i.id limit 1""")
			.query()
			.singleRow();
		long newest = ((Number) disputed.get("id")).longValue();
		long other = ((Number) disputed.get("account_id")).longValue();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + techCorp);
			browser.find("#tab-invoices").click();
			WebElement row = browser.find("#invoice-" + story);
			assertThat(row.getAttribute("class")).contains("overdue");
			assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".invoice-number")).getText())
				.isEqualTo("INV-2024-0847");
			assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".invoice-amount")).getText())
				.isEqualTo("$85,420.00");
			assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".invoice-status")).getText())
				.isEqualTo("Overdue 45 days");
			assertThat(browser.find("#total-overdue").getText()).isEqualTo("$85,420.00");
			assertThat(browser.find("#max-days-overdue").getText()).isEqualTo("45 days");
			assertThat(browser.find("#average-days-to-pay").getText())
				.matches("3[1-9](\\.\\d)? days|4[0-5](\\.\\d)? days");
			assertThat(browser.findAll("#new-invoice")).as("only finance creates invoices").isEmpty();
			browser.screenshot("billing-01-techcorp-invoices");

			browser.open("/accounts/" + other + "/invoices");
			browser.find("#invoice-" + newest + " .dispute-button").click();
			browser.find("#invoice-" + newest + " .dispute-form button[type=submit]").click();
			WebElement error = browser.find("#invoice-" + newest + " [data-field=disputeReason] .field-error");
			assertThat(error.getText()).isEqualTo("is required: say what the client disputes");
			browser.screenshot("billing-02-dispute-needs-a-reason");
			assertThat(browser.currentPath()).isEqualTo("/accounts/" + other + "/invoices/" + newest + "/dispute");

			browser.find("#invoice-" + newest + " textarea[name=disputeReason]")
				.sendKeys("Two QA contractors billed for a week they were on leave");
			browser.find("#invoice-" + newest + " .dispute-form button[type=submit]").click();
			browser.waitUntil(
					d -> browser.find("#invoice-" + newest + " .invoice-status").getText().startsWith("Disputed"));
			assertThat(browser.find("#invoice-" + newest + " + tr.dispute-row .dispute-note").getText())
				.contains("billed for a week they were on leave");
			browser.screenshot("billing-03-disputed");
		}
		assertThat(
				jdbc.sql("select status from invoice where id = :id").param("id", newest).query(String.class).single())
			.isEqualTo("DISPUTED");
		assertThat(jdbc.sql(
				"select count(*) from domain_event where type = 'invoice.disputed' and (payload->>'invoice_id')::bigint = :id")
			.param("id", newest)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
