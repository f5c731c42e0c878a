package io.intime.revenue.web;

import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account manager ends opportunities from the pipeline board's cards, in a real
 * Chromium with the demo world: Lost asks why and says so when the reason is missing, a
 * card changed by someone else meanwhile is refused (409) and shown as it is now, Won
 * closes today. It adds two small opportunities of its own to an account of the manager's
 * that no other test reads and that already has an open opportunity over $100K, so that
 * its health does not move.
 */
@DemoWorldTest
class PipelineCardBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void accountManagerEndsOpportunitiesFromTheirCards() throws Exception {
		long account = jdbc.sql("""
				select a.id from account a
				join app_user u on u.id = a.owner_id
				where u.username = 'am' and a.archived_at is null
				  and a.name not in ('TechCorp', 'DataSystems Inc.', 'ABC Technologies', 'MegaBank', 'FinanceHub',
				                     'RetailCo', 'GlobalCo', 'GrowthStartup', 'MegaCorp', 'TechStart Inc', 'HealthTech',
				                     'InnovateCorp', 'InsureCo')
				  and exists (select 1 from opportunity o where o.account_id = a.id and o.currency = 'USD'
				              and o.amount > 150000 and o.stage in ('IDENTIFIED','QUALIFIED','PROPOSAL','NEGOTIATION'))
				order by a.name limit 1""").query(Long.class).single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			long lost = add(browser, account, "Card test – payroll contractors", "20000");
			long won = add(browser, account, "Card test – two QA testers", "30000");

			WebElement card = browser.find("#opportunity-" + lost);
			card.findElement(By.cssSelector(".mark-lost summary")).click();
			browser.find("#lost-reason-" + lost);
			browser.find("#opportunity-" + lost + " .mark-lost-submit").click();
			assertThat(browser.find("#opportunity-" + lost + " .lost-form .field-error").getText())
				.isEqualTo("Say why it was lost, e.g. another supplier or a budget cut");
			assertThat(stage(lost)).isEqualTo("IDENTIFIED");
			browser.scrollTo("#pipeline");
			browser.screenshot("revenue-card-01-lost-needs-a-reason");

			browser.find("#lost-reason-" + lost).sendKeys("Went with another supplier");
			browser.find("#opportunity-" + lost + " .mark-lost-submit").click();
			browser.waitUntil(d -> browser.findAll("#closed-opportunities #opportunity-" + lost).size() == 1);
			assertThat(browser.find("#closed-opportunities #opportunity-" + lost + " .lost-reason").getText())
				.isEqualTo("Went with another supplier");
			assertThat(stage(lost)).isEqualTo("LOST");

			// someone else changes the other card meanwhile: the page's Won is stale
			jdbc.sql(
					"update opportunity set version = version + 1, next_step = 'Call the hiring manager' where id = :id")
				.param("id", won)
				.update();
			browser.find("#opportunity-" + won + " .mark-won").click();
			assertThat(browser.find(".alert-error").getText())
				.startsWith("Someone else changed Card test – two QA testers while you were looking at it");
			assertThat(browser.find("#opportunity-" + won + " .opportunity-next").getText())
				.contains("Call the hiring manager");
			assertThat(stage(won)).isEqualTo("IDENTIFIED");
			browser.screenshot("revenue-card-02-stale-card-refused");

			browser.find("#opportunity-" + won + " .mark-won").click();
			browser.waitUntil(d -> browser.findAll("#closed-opportunities #opportunity-" + won).size() == 1);
			assertThat(browser.find("#closed-opportunities #opportunity-" + won).getText()).contains("Won");
			assertThat(stage(won)).isEqualTo("WON");
			browser.scrollTo("#closed-opportunities");
			browser.screenshot("revenue-card-03-won-and-lost");
			assertThat(browser.cspViolations()).isEmpty();
		}
	}

	private long add(Browser browser, long account, String title, String value) {
		browser.open("/accounts/" + account + "/opportunities/new");
		browser.find("[data-field=title] input").sendKeys(title);
		browser.find("[data-field=value] input").sendKeys(value);
		browser.find("#save-opportunity").click();
		browser.waitUntil(d -> browser.currentPath().endsWith("/opportunities"));
		List<Long> ids = jdbc.sql("select id from opportunity where account_id = :a and title = :t")
			.param("a", account)
			.param("t", title)
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

	private String stage(long opportunity) {
		return jdbc.sql("select stage from opportunity where id = :id")
			.param("id", opportunity)
			.query(String.class)
			.single();
	}

}
