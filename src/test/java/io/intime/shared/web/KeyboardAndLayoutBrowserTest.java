package io.intime.shared.web;

import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The polish of issue 10, in a real Chromium at 1440 px with the demo world (read only):
 * the first Tab reaches the skip link and a form opens with the cursor in its first field
 * (or the first field in error); ABC Technologies' header says "Strategic" once; its
 * invoice numbers stay on one line beside finance's row actions and the dispute's reason
 * has a line of its own.
 */
@DemoWorldTest
class KeyboardAndLayoutBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstTabReachesTheSkipLinkAndFormsOpenOnTheirFirstField() throws Exception {
		long techCorp = jdbc.sql("select id from account where name = 'TechCorp'").query(Long.class).single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts");
			browser.find("body").sendKeys(Keys.TAB);
			WebElement skip = active(browser);
			assertThat(skip.getAttribute("class")).contains("skip-link");
			assertThat(skip.getText()).isEqualTo("Skip to content");
			assertThat(skip.getRect().getY()).as("shown when focused").isGreaterThanOrEqualTo(0);
			browser.screenshot("keyboard-01-skip-link");
			skip.sendKeys(Keys.ENTER);
			browser.waitUntil(d -> "content".equals(active(browser).getAttribute("id")));

			browser.open("/accounts/" + techCorp + "/opportunities/new");
			browser.waitUntil(d -> "title".equals(active(browser).getAttribute("id")));
			active(browser).sendKeys("Typed without a Tab");
			assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Typed without a Tab");
			browser.screenshot("keyboard-02-form-opens-on-its-first-field");
			browser.find("#save-opportunity").click();
			browser.waitUntil(d -> browser.findAll("[data-field=value].has-error").size() == 1);
			browser.waitUntil(d -> "value".equals(active(browser).getAttribute("id")));
			browser.screenshot("keyboard-03-form-opens-on-the-field-in-error");

			browser.open("/accounts/" + techCorp + "/activities/new?type=EMAIL");
			browser.waitUntil(d -> "radio".equals(active(browser).getAttribute("type")));
			assertThat(active(browser).getAttribute("value")).as("the chosen type").isEqualTo("EMAIL");
		}
		assertThat(jdbc.sql("select count(*) from opportunity where title = 'Typed without a Tab'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void abcTechnologiesSaysStrategicOnceAndItsInvoiceNumbersStayOnOneLine() throws Exception {
		long abc = jdbc.sql("select id from account where name = 'ABC Technologies'").query(Long.class).single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			// finance: every row action (mark paid, dispute, write off, edit) beside the
			// numbers
			browser.signIn("finance", "demo");
			browser.open("/accounts/" + abc);
			String header = browser.find(".account-hero .hero-top").getText();
			assertThat(header.split("Strategic", -1)).as(header).hasSize(2);
			assertThat(browser.find(".account-hero .badge.STRATEGIC").getText()).isEqualTo("★ Strategic account");
			browser.screenshot("polish-01-abc-header");

			browser.open("/accounts/" + abc + "/invoices");
			// (the first test of a fresh demo context may come before the world's last
			// writes)
			browser.waitUntil(d -> {
				if (!browser.findAll(".invoices-table .invoice-number").isEmpty()) {
					return true;
				}
				browser.open("/accounts/" + abc + "/invoices");
				return false;
			});
			browser.screenshot("polish-02-abc-invoices");
			List<WebElement> numbers = browser.findAll(".invoices-table .invoice-number");
			assertThat(numbers).isNotEmpty();
			int line = numbers.get(0).getRect().getHeight();
			assertThat(numbers).allSatisfy(n -> assertThat(n.getRect().getHeight()).as(n.getText()).isEqualTo(line));
			assertThat(line).as("one line").isLessThan(30);
			assertThat((Boolean) browser
				.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
				.as("the page does not scroll sideways")
				.isTrue();
			WebElement disputed = browser.find("tr.invoice-row.DISPUTED");
			WebElement note = browser.find("tr.dispute-row .dispute-note");
			assertThat(note.getText()).contains("left within the 60-day guarantee");
			assertThat(disputed.findElements(By.cssSelector(".dispute-note"))).isEmpty();
			assertThat(note.getRect().getWidth()).as("the reason is not squeezed into a column")
				.isGreaterThan(disputed.findElement(By.cssSelector("td")).getRect().getWidth());
			browser.scrollTo(".invoices-table");
			browser.screenshot("polish-02-abc-invoices");
		}
	}

	/**
	 * Tab bars scroll sideways on a small screen, never up and down: no stray scroll
	 * arrows beside the Alerts tabs or Account 360's.
	 */
	@Test
	void tabBarsHaveNoVerticalScrollbar() throws Exception {
		long abc = jdbc.sql("select id from account where name = 'ABC Technologies'").query(Long.class).single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("ceo", "demo");
			for (String page : List.of("/alerts", "/accounts/" + abc)) {
				browser.open(page);
				browser.find("nav.tabs");
				assertThat((Boolean) browser.script("""
						const tabs = document.querySelector('nav.tabs');
						return tabs.scrollHeight <= tabs.clientHeight && tabs.offsetWidth - tabs.clientWidth === 0;"""))
					.as("the tab bar of %s has no vertical scrollbar", page)
					.isTrue();
			}
			browser.open("/alerts");
			browser.screenshot("polish-03-alerts-tabs");
		}
	}

	private static WebElement active(Browser browser) {
		return (WebElement) browser.script("return document.activeElement");
	}

}
