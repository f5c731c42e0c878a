package io.intime.renewals;

import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TC-SAC-006 (view the renewal pipeline) as the CEO on the demo world: the Renewals tab
 * of the portfolio with its summary, forecast buckets, rows by quarter with their
 * probabilities explained, and Initiate renewal through to overriding the probability;
 * and the account manager's revenue retention page, its drill-down to the churns and the
 * classification of one. Runs late and puts back what it changes.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 2)
class RenewalsAndRetentionBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCeoReadsTheRenewalPipelineAndOpensARenewal() throws Exception {
		long pinnacle = jdbc.sql("select id from account where name = 'Pinnacle Health Systems'")
			.query(Long.class)
			.single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("ceo", "demo");
			browser.open("/executive/strategic-accounts");
			browser.find("#tab-renewals").click();
			browser.waitUntil(d -> d.getCurrentUrl().contains("tab=renewals"));
			assertThat(browser.find("#renewals-summary").getText()).containsIgnoringCase("Total value at stake")
				.contains("$6.8M ARR", "High confidence", "Medium risk", "High risk");
			List<WebElement> rows = browser.findAll("#renewals-by-quarter .rn-row");
			assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
			assertThat(browser.find("#renewals-by-quarter").getText()).contains("MegaCorp", "GlobalCo", "InnovateCorp",
					"Q1 2027");
			assertThat(browser.find("#renewal-actions").getText()).contains("GlobalCo: No executive touchpoint in");
			assertThat(browser.findAll("#renewals-by-quarter .rn-prob")).hasSameSizeAs(rows);
			browser.find(".rn-why summary").click();
			assertThat(browser.find(".rn-contributions").getText()).contains("Health score", "Open P0/P1 escalations",
					"Tier");
			browser.screenshot("renewals-01-tab");
			// each row offers its action's next step (spec 01 step 5)
			WebElement globalCo = browser.find("#renewals-by-quarter [data-account='GlobalCo']");
			assertThat(globalCo.getText()).contains("Schedule call", "Send proposal");
			assertThat(browser.find("#renewal-footer").getText()).contains("Export renewal forecast",
					"Schedule renewal calls", "Risk report");

			// the risk report: the renewals below high confidence, worst expected loss
			// first
			browser.find("#rn-risk-report").click();
			browser.waitUntil(d -> browser.currentPath().equals("/executive/strategic-accounts/renewals/risk"));
			assertThat(browser.text("h1")).isEqualTo("Renewal risk report");
			assertThat(browser.text("#risk-summary")).containsIgnoringCase("ARR at risk")
				.containsIgnoringCase("Expected loss");
			assertThat(browser.findAll(".rn-risk-item")).isNotEmpty();
			assertThat(browser.text(".rn-risk-item")).containsIgnoringCase("What pulls it down");
			browser.screenshot("renewals-04-risk-report");

			// schedule the renewal calls: on the CEO's list, once
			browser.open("/executive/strategic-accounts?tab=renewals");
			browser.find("#rn-schedule-calls").click();
			browser.waitUntil(d -> String.valueOf(browser.script("return document.getElementById('toast').textContent"))
				.contains("on your list"));

			// send GlobalCo the renewal proposal: the composer opens with it
			browser.find("#renewals-by-quarter [data-account='GlobalCo'] a[href*='/proposal']").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/email/new"));
			assertThat(browser.find("#subject").getAttribute("value")).startsWith("Renewal proposal: GlobalCo");
			browser.screenshot("renewals-05-proposal-email");
			browser.open("/executive/strategic-accounts?tab=renewals");

			browser.find("#renewals-by-quarter [data-account='Pinnacle Health Systems'] button").click();
			browser.waitUntil(d -> browser.currentPath().matches("/renewals/\\d+"));
			assertThat(browser.find("h1").getText()).isEqualTo("Renewal of Pinnacle Health Systems");
			assertThat(browser.findAll("#rn-factors tbody tr")).hasSize(7);
			browser.find("#rn-override").sendKeys("55");
			browser.find("#rn-override-save").click();
			browser.waitUntil(d -> !d.findElements(By.cssSelector(".alert-error")).isEmpty()
					|| d.findElement(By.id("rn-override")).getAttribute("value").isEmpty());
			assertThat(browser.find(".alert-error").getText()).contains("Say why you override");
			browser.find("#rn-override").clear();
			browser.find("#rn-override").sendKeys("55");
			browser.find("#rn-override-reason").sendKeys("Their new CFO reviews every vendor");
			browser.find("#rn-override-save").click();
			browser.waitUntil(d -> d.findElement(By.cssSelector("#rn-probability .rn-prob")).getText().equals("55%"));
			assertThat(browser.find("#rn-probability").getText()).contains("Overridden", "Their new CFO");
			browser.screenshot("renewals-02-renewal");
		}
		finally {
			jdbc.sql("delete from task where record_type = 'renewal-call'").update();
			jdbc.sql("delete from task where record_type = 'renewal' and account_id = :a")
				.param("a", pinnacle)
				.update();
			jdbc.sql("delete from renewal where account_id = :a and contract_id is not null")
				.param("a", pinnacle)
				.update();
		}
	}

	@Test
	void anAccountManagerReadsRetentionAndClassifiesAChurn() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/revenue/reports");
			assertThat(browser.find("#rv-scope").getText()).contains("Jordan Reyes's portfolio");
			assertThat(browser.findAll(".rv-kpi")).hasSize(6);
			assertThat(browser.find("#kpi-logo-churn").getText()).contains("starting clients lost");
			assertThat(browser.findAll("#rv-movement-chart .rv-bar")).isNotEmpty();
			assertThat(browser.findAll("#rv-months tbody tr")).hasSize(12);
			browser.screenshot("revenue-01-reports");
			new Select(browser.find("#rv-basis")).selectByValue("reported");
			browser.find("#rv-apply").click();
			browser.waitUntil(d -> d.getCurrentUrl().contains("basis=reported"));
			assertThat(browser.find("#rv-bridge").getText()).contains("Exchange-rate effect");

			browser.find("#bridge-churn").findElement(By.xpath("..")).findElement(By.cssSelector("a")).click();
			browser.waitUntil(d -> browser.currentPath().equals("/revenue/reports/movements"));
			assertThat(browser.find("#movements-table").getText()).contains("Brightline Logistics",
					"Quarry Media Group");
			WebElement quarry = browser.find("#movements-table tr[data-kind='CHURN'] select");
			String before = new Select(quarry).getFirstSelectedOption().getText();
			new Select(quarry).selectByValue(before.equals("Structural") ? "VOLUNTARY" : "STRUCTURAL");
			browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-toast]")).isEmpty());
			assertThat(browser.findAll("[data-toast]").get(0).getAttribute("data-toast"))
				.startsWith("Churn classified as");
			assertThat(
					new Select(browser.find("#movements-table tr[data-kind='CHURN'] select")).getFirstSelectedOption()
						.getText())
				.isNotEqualTo(before);
			browser.screenshot("revenue-02-churns");
		}
		finally {
			jdbc.sql("""
					update arr_movement m set churn_category = case a.name when 'Brightline Logistics' then 'VOLUNTARY'
					       when 'Quarry Media Group' then 'INVOLUNTARY' else 'STRUCTURAL' end
					  from account a where a.id = m.account_id and m.kind = 'CHURN'
					   and a.name in ('Brightline Logistics', 'Quarry Media Group', 'Helix Biotech')""").update();
		}
	}

	/**
	 * The director's side: the team's scorecards compared, one account manager's
	 * scorecard with their QBR completion, the forecast accuracy; finance keeps an
	 * exchange rate (a bad one refused naming the field); the NPS behind the retention
	 * page.
	 */
	@Test
	void theDirectorComparesScorecardsAndFinanceKeepsARate() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("director", "demo");
			browser.open("/scorecard");
			browser.waitUntil(d -> browser.currentPath().equals("/scorecard/team"));
			assertThat(browser.findAll("#sc-team tbody tr")).isNotEmpty();
			assertThat(browser.find("#sc-team").getText()).contains("Jordan Reyes", "Sarah Chen");
			browser.screenshot("scorecard-01-team");
			browser.find("#sc-team tr[data-owner='Jordan Reyes'] a").click();
			browser.waitUntil(d -> browser.currentPath().equals("/scorecard"));
			assertThat(browser.find("h1").getText()).isEqualTo("Scorecard · Jordan Reyes");
			assertThat(browser.findAll("#sc-components tbody tr")).hasSize(6);
			assertThat(browser.find("#sc-components tr[data-metric='QBR']").getText())
				.contains("QBRs due in 12 months held")
				.doesNotContain("missing");
			assertThat(browser.find("#sc-rating").getText()).containsAnyOf("Exceeds expectations", "Meets expectations",
					"Needs improvement", "Unacceptable");
			assertThat(browser.findAll("#sc-history tbody tr")).hasSize(12);
			browser.screenshot("scorecard-02-account-manager");

			browser.open("/renewals/calibration");
			assertThat(browser.findAll(".rn-horizon")).hasSize(3);
			assertThat(browser.find("#horizon-90").getText()).contains("closed renewals", "Brier", "Explicit model",
					"Fitted on");
			browser.screenshot("renewals-03-calibration");
		}
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("finance", "demo");
			browser.open("/revenue/fx-rates");
			assertThat(browser.findAll("#fx-table tbody tr")).isNotEmpty();
			new Select(browser.find("#fx-kind")).selectByValue("CONSTANT");
			browser.script("document.getElementById('fx-period').value = '2019-01-01'");
			new Select(browser.find("#fx-currency")).selectByValue("EUR");
			browser.find("#fx-rate").sendKeys("one point one");
			browser.find("#fx-save").click();
			assertThat(browser.find(".form-summary").getText()).contains("One field needs your attention");
			assertThat(browser.find("#fx-form .field-error").getText()).contains("1.08");
			browser.find("#fx-rate").clear();
			browser.find("#fx-rate").sendKeys("1.1");
			browser.find("#fx-save").click();
			browser.waitUntil(d -> d.findElement(By.id("fx-table")).getText().contains("2019"));
			browser.screenshot("revenue-03-fx-rates");
			browser.open("/revenue/reports");
			browser.find("#kpi-nps").click();
			browser.waitUntil(d -> browser.currentPath().equals("/revenue/reports/nps"));
			assertThat(browser.find("#nps-table").getText()).containsAnyOf("Promoter", "Detractor", "Passive");
		}
		finally {
			jdbc.sql("delete from fx_rate where period_start = date '2019-01-01'").update();
		}
	}

}
