package io.intime.revenue.web;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account manager of spec 02 on TechCorp's Opportunities tab, in a real Chromium with
 * the demo world: the DevOps expansion ($300K, proposal sent) is on the board; a new
 * opportunity with a negative value is refused beside the field, then saved.
 */
@DemoWorldTest
class OpportunitiesBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void accountManagerSeesTheDevOpsExpansionAndAddsAnOpportunity() throws Exception {
		long techCorp = jdbc.sql("select id from account where name = 'TechCorp'").query(Long.class).single();
		long devOps = jdbc.sql("select id from opportunity where account_id = :a and title like 'DevOps expansion%'")
			.param("a", techCorp)
			.query(Long.class)
			.single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + techCorp);
			browser.find("#tab-opportunities").click();
			WebElement card = browser.find("#opportunity-" + devOps);
			assertThat(card.findElement(org.openqa.selenium.By.cssSelector(".opportunity-title")).getText())
				.isEqualTo("DevOps expansion – more engineers");
			assertThat(card.findElement(org.openqa.selenium.By.cssSelector(".opportunity-value")).getText())
				.isEqualTo("$300,000");
			assertThat(browser.find("#stage-PROPOSAL").getText()).contains("DevOps expansion – more engineers");
			assertThat(browser.find("#open-pipeline").getText()).isEqualTo("$300,000");
			browser.screenshot("revenue-01-techcorp-pipeline");

			browser.find("#new-opportunity").click();
			browser.find("[data-field=title] input").sendKeys("QA automation – 3 more contractors");
			browser.find("[data-field=value] input").sendKeys("-5");
			browser.find("[data-field=source] input").sendKeys("QBR");
			browser.find("#save-opportunity").click();
			WebElement error = browser.find("[data-field=value] .field-error");
			assertThat(error.getText()).isEqualTo("must be 0 or more");
			assertThat(browser.find("[data-field=title] input").getAttribute("value"))
				.isEqualTo("QA automation – 3 more contractors");
			browser.screenshot("revenue-02-new-opportunity-validation");

			WebElement value = browser.find("[data-field=value] input");
			value.clear();
			value.sendKeys("90000");
			browser.find("#save-opportunity").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/opportunities"));
			assertThat(browser.find("#stage-IDENTIFIED").getText()).contains("QA automation – 3 more contractors")
				.contains("$90,000");
			assertThat(browser.find("#open-pipeline").getText()).isEqualTo("$390,000");
			browser.screenshot("revenue-03-opportunity-added");
		}
		assertThat(jdbc.sql("select created_by from opportunity where title = 'QA automation – 3 more contractors'")
			.query(String.class)
			.single()).isEqualTo("am");
	}

}
