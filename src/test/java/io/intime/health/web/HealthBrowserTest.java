package io.intime.health.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The account manager's morning story of spec 02, in a real Chromium on the demo world:
 * DataSystems Inc. is Red; its health page says why in numbers, what to do, and what
 * would move it; "Schedule call" opens a call with Jane Doe filled in; the alerts page
 * lists it.
 */
// On the shared demo world: EngagementBrowserTest, which changes DataSystems Inc.'s facts
// (it
// raises an escalation), runs last, so that this test sees the exact story.
@DemoWorldTest
class HealthBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void accountManagerReadsDataSystemsHealthAndSchedulesTheCall() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts");
			browser.find("#account-search").sendKeys("DataSystems Inc.");
			browser.waitUntil(d -> browser.findAll("tr.account-row").size() == 1);
			assertThat(browser.find("tr.account-row .health-pill").getText()).isEqualTo("35 · Red");
			browser.find("tr.account-row a.account-link").click();
			browser.find("nav a[href$='/health']").click();

			assertThat(browser.find("#health-total").getText()).isEqualTo("35");
			assertThat(browser.find("#health-band").getText()).isEqualToIgnoringCase("Red"); // shown
																								// in
																								// capitals
																								// by
																								// CSS
			assertThat(points(browser)).containsExactly("0/25", "15/20", "5/20", "10/15", "0/10", "5/10");
			assertThat(browser.find("[data-component=hiring] .component-why").getText())
				.startsWith("No active jobs (last hire: ")
				.contains("Frontend Developer, 60 days ago");
			List<String> risks = browser.findAll("#health-risks li").stream().map(WebElement::getText).toList();
			assertThat(risks).anySatisfy(r -> assertThat(r).startsWith("No open jobs"));
			assertThat(risks).anySatisfy(r -> assertThat(r).contains("3/10"));
			assertThat(risks).anySatisfy(r -> assertThat(r).contains("Jane Doe"));
			assertThat(browser.findAll("#health-moves tbody tr")).isNotEmpty();
			assertThat(browser.findAll("#health-trend .trend-dot").size()).isGreaterThanOrEqualTo(12);
			browser.screenshot("health-01-datasystems");
			// The trend holds each score until the next one that changed it, through to
			// today.
			assertThat(browser.find("#health-trend path.trend-line").getAttribute("d")).contains(" H").contains(" V");
			browser.scrollTo("#health-trend");
			browser.screenshot("health-06-trend");
			browser.scrollTo("body");

			WebElement schedule = browser.findAll("#health-actions a.button").get(0);
			assertThat(browser.findAll("#health-actions li").get(0).getText()).contains("Jane Doe");
			schedule.click();
			browser.waitUntil(d -> browser.currentPath().contains("/activities/new"));
			browser.screenshot("health-02-schedule-call");

			browser.open("/alerts");
			List<String> alerts = browser.findAll("article.alert-card").stream().map(WebElement::getText).toList();
			assertThat(alerts).anySatisfy(a -> assertThat(a).contains("DataSystems Inc."));
			browser.screenshot("health-03-alerts");
		}
	}

	@Test
	void adminEditsTheModelIsToldWhatIsWrongAndSavesANewVersion() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("admin", "demo");
			browser.open("/health-model");
			assertThat(browser.findAll(".model-component")).hasSize(6);
			String version = browser.find("#model-version").getText();
			browser.screenshot("health-04-model");

			browser.find("#edit-model").click();
			WebElement maximum = browser.find("#maximum-hiring");
			maximum.clear();
			maximum.sendKeys("30");
			browser.find("#save-model").click();
			assertThat(browser.find("#model-errors").getText()).contains("the maxima must add up to 100 (now 105)");
			assertThat(browser.find("#maximum-hiring").getAttribute("value")).isEqualTo("30");
			browser.screenshot("health-05-model-error");

			maximum = browser.find("#maximum-hiring");
			maximum.clear();
			maximum.sendKeys("25");
			browser.find("#note").sendKeys("Reviewed with the VP of Client Success");
			browser.find("#save-model").click();
			browser.waitUntil(d -> browser.currentPath().equals("/health-model"));
			assertThat(browser.find("#model-version").getText()).isNotEqualTo(version);
			assertThat(browser.find("#model-versions tbody tr").getText())
				.contains("Reviewed with the VP of Client Success");
		}
	}

	private static List<String> points(Browser browser) {
		return browser.findAll("#health-breakdown .component[data-component] .component-points")
			.stream()
			.map(e -> e.findElement(By.tagName("strong")).getText() + "/"
					+ e.findElements(By.tagName("span")).get(0).getText())
			.toList();
	}

}
