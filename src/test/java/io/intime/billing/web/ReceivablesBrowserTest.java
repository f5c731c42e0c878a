package io.intime.billing.web;

import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance in a real Chromium on the demo world: the receivables page from the menu, its
 * owner filter, the invoice alerts from the menu; and an invoice amount typed as people
 * type it ("$150,000"), with a plain message for a euro sign in a dollar field and for a
 * missing number. The invoice is made at Ironclad Security, an account no other test
 * reads.
 */
@DemoWorldTest
class ReceivablesBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void financeFindsReceivablesAndInvoiceAlertsInItsMenu() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("finance", "demo");
			List<String> menu = browser.findAll("nav a.nav-item").stream().map(WebElement::getText).toList();
			assertThat(menu).contains("Receivables", "Alerts");

			browser.find("nav a.nav-item[href='/receivables']").click();
			browser.waitUntil(d -> browser.currentPath().startsWith("/receivables"));
			int overdue = browser.findAll(".aging-bucket")
				.stream()
				.mapToInt(card -> Integer.parseInt(card.getAttribute("data-count")))
				.sum();
			assertThat(overdue).as("the demo world has overdue invoices").isPositive();
			assertThat(Integer.parseInt(browser.find("#total-OVERDUE").getAttribute("data-count"))).isEqualTo(overdue);
			List<WebElement> rows = browser.findAll("tr.receivable-row");
			assertThat(rows).isNotEmpty();
			browser.screenshot("receivables-01-finance");

			new Select(browser.find("#filter-owner")).selectByVisibleText("Jordan Reyes");
			browser.find("#apply-filters").click();
			browser.waitUntil(d -> d.getCurrentUrl().contains("ownerId="));
			List<String> owners = browser.findAll("tr.receivable-row td:nth-child(2)")
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(owners).isNotEmpty().allMatch("Jordan Reyes"::equals);
			assertThat(browser.findAll("tr.receivable-row").size()).isLessThan(rows.size());
			browser.screenshot("receivables-02-owner-filter");

			browser.find("nav a.nav-item[href='/alerts']").click();
			browser.waitUntil(d -> browser.currentPath().startsWith("/alerts"));
			List<String> alerts = browser.findAll("article.alert-card").stream().map(WebElement::getText).toList();
			assertThat(alerts).as("finance reads the overdue-invoice alerts of every account")
				.isNotEmpty()
				.allSatisfy(alert -> assertThat(alert).contains("Invoice overdue"));
			browser.screenshot("receivables-03-invoice-alerts");
		}
	}

	@Test
	void financeTypesAnAmountAsPeopleWriteIt() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("finance", "demo");
			browser.open("/accounts");
			browser.find("#account-search").sendKeys("Ironclad Security");
			browser.waitUntil(d -> browser.findAll("tr.account-row").size() == 1);
			browser.find("tr.account-row a.account-link").click();
			browser.find("nav a[href$='/invoices']").click();
			browser.find("#new-invoice").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/invoices/new"));

			browser.find("#currency").clear();
			browser.find("#currency").sendKeys("USD");
			browser.find("#amount").sendKeys("€150,000");
			browser.find("#save-invoice").click();
			browser.waitUntil(d -> !browser.findAll("[data-field=amount] .field-error").isEmpty());
			assertThat(browser.find("[data-field=amount] .field-error").getText())
				.isEqualTo("Amount is in USD, but '€150,000' is in EUR: type the amount in USD (e.g. 150,000) "
						+ "or change the currency");
			browser.screenshot("money-01-euro-in-a-dollar-field");

			String number = "INV-" + io.intime.TestClock.today().getYear() + "-9150";
			browser.find("#amount").clear();
			browser.find("#amount").sendKeys("$150,000");
			browser.find("#save-invoice").click();
			browser.waitUntil(d -> !browser.findAll("[data-field=number] .field-error").isEmpty());
			assertThat(browser.find("[data-field=number] .field-error").getText()).isEqualTo("is required");
			assertThat(browser.findAll("[data-field=amount] .field-error")).as("the dollar amount is taken").isEmpty();
			browser.screenshot("money-02-number-required");

			// numbered as the demo world numbers its invoices
			// (DemoBillingAndRevenueIntegrationTest
			// reads them all)
			browser.find("#number").sendKeys(number);
			browser.find("#save-invoice").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/invoices"));
			WebElement row = browser.find("tr.invoice-row[data-number='" + number + "']");
			assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".invoice-amount")).getText())
				.isEqualTo("$150,000.00");
			browser.screenshot("money-03-saved");
		}
	}

}
