package io.intime.health.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.health.alerts.AlertSeverity;
import io.intime.shared.CurrencyRates;
import io.intime.shared.Money;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executive's alerts page on the demo world, in a real Chromium: the alerts of the
 * strategic accounts Alex Morgan sponsors come grouped by account, the most urgent
 * account first (ABC Technologies, the worst), each card with its priority, the account's
 * health and its ARR. Reads the demo world only.
 */
@DemoWorldTest
class AlertTriageBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CurrencyRates rates;

	@Test
	void theExecutiveTriagesAlertsGroupedByAccountMostUrgentFirst() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("ceo", "demo");
			browser.open("/alerts");
			List<WebElement> groups = browser.findAll("section.alert-group");
			assertThat(groups).hasSizeGreaterThan(1);

			List<String> accounts = new ArrayList<>();
			List<AlertSeverity> groupPriorities = new ArrayList<>();
			List<AlertSeverity> cardPriorities = new ArrayList<>();
			List<Long> atPriority = new ArrayList<>();
			for (WebElement group : groups) {
				String account = group.findElement(By.cssSelector(".alert-group-head a")).getText();
				accounts.add(account);
				AlertSeverity groupPriority = AlertSeverity.valueOf(group.getAttribute("data-priority"));
				groupPriorities.add(groupPriority);
				List<WebElement> cards = group.findElements(By.cssSelector("article.alert-card"));
				assertThat(cards).isNotEmpty();
				List<AlertSeverity> inGroup = new ArrayList<>();
				for (WebElement card : cards) {
					assertThat(card.findElement(By.cssSelector(".alert-account")).getText()).isEqualTo(account);
					assertThat(card.findElement(By.cssSelector(".alert-health")).getText())
						.matches("Health \\d+ · (Green|Yellow|Red)");
					assertThat(card.findElement(By.cssSelector(".alert-arr")).getText()).matches("ARR .+");
					AlertSeverity priority = AlertSeverity.valueOf(card.getAttribute("data-priority"));
					assertThat(card.findElement(By.cssSelector(".alert-sev")).getText())
						.isEqualToIgnoringCase(priority.name());
					inGroup.add(priority);
				}
				assertThat(inGroup).as("the group's priority is its most urgent alert's")
					.contains(groupPriority)
					.allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(groupPriority));
				cardPriorities.addAll(inGroup);
				atPriority.add(inGroup.stream().filter(groupPriority::equals).count());
			}
			assertThat(accounts).as("one group per account").doesNotHaveDuplicates();
			assertThat(groupPriorities).as("most urgent accounts first").isSorted();
			for (int i = 1; i < accounts.size(); i++) {
				if (groupPriorities.get(i) == groupPriorities.get(i - 1)) {
					assertThat(atPriority.get(i))
						.as("%s after %s: alerts at the priority", accounts.get(i), accounts.get(i - 1))
						.isLessThanOrEqualTo(atPriority.get(i - 1));
				}
				if (groupPriorities.get(i) == groupPriorities.get(i - 1)
						&& atPriority.get(i).equals(atPriority.get(i - 1))) {
					assertThat(arrUsd(accounts.get(i)))
						.as("%s after %s: ARR at stake", accounts.get(i), accounts.get(i - 1))
						.isLessThanOrEqualTo(arrUsd(accounts.get(i - 1)));
				}
			}
			assertThat(cardPriorities.stream().distinct().count()).as("not all alike any more").isGreaterThan(1);
			assertThat(accounts.get(0)).as("the worst account first").isEqualTo("ABC Technologies");
			assertThat(groupPriorities.get(0)).isEqualTo(AlertSeverity.CRITICAL);
			assertThat(groups.get(0).findElements(By.cssSelector("article.alert-card"))).hasSize(4);
			browser.screenshot("alerts-triage-01-executive");
		}
	}

	private BigDecimal arrUsd(String account) {
		Money arr = jdbc.sql("select arr_amount, billing_currency from account where name = :name")
			.param("name", account)
			.query((rs, i) -> new Money(rs.getBigDecimal(1), rs.getString(2)))
			.single();
		return rates.convert(arr, "USD").amount();
	}

}
