package io.intime.automation;

import java.time.ZoneId;
import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.TestClock;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin on the demo world: the automation rules in words, the renewal rule's days
 * changed (a bad value named beside its field first), the scan run from the page, and the
 * firing it made, with its account and the run it started. Only the renewal rule is on
 * while the test runs (it starts runs on demo accounts, so it runs late); every rule is
 * put back as it was.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE)
class AutomationRulesBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AutomationRules rules;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminChangesTheRenewalRuleRunsTheScanAndSeesItsFiring() throws Exception {
		AutomationFixtures.defaults(context);
		UserSummary adminUser = users.findByUsername("admin").orElseThrow();
		CurrentUser admin = new CurrentUser(adminUser.id(), adminUser.username(), adminUser.fullName(),
				adminUser.role(), ZoneId.of(adminUser.timeZone()));
		AutomationRule renewal = rules.list(admin)
			.stream()
			.filter(r -> "renewal-90-days".equals(r.key()))
			.findFirst()
			.orElseThrow();
		List<AutomationRule> others = rules.list(admin)
			.stream()
			.filter(r -> r.enabled() && r.id() != renewal.id())
			.toList();
		others.forEach(r -> rules.update(r.id(), r.form().withEnabled(false), r.version(), admin));
		// the first demo contract ending beyond the rule's 90 days (whatever fired before
		// the
		// test, it has not), and the days that reach it
		record Ending(String account, int days) {
		}
		Ending next = jdbc.sql("""
				select a.name, (c.end_date - cast(:today as date)) from contract c join account a on a.id = c.account_id
				 where c.status = 'ACTIVE' and c.end_date > cast(:today as date) + 90 and a.archived_at is null
				 order by c.end_date, c.id limit 1""")
			.param("today", TestClock.today())
			.query((rs, n) -> new Ending(rs.getString(1), rs.getInt(2)))
			.single();
		int days = next.days();
		long firedBefore = rules.get(renewal.id(), admin).firings();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("admin", "demo");
			browser.open("/automation");
			assertThat(browser.text("h1")).isEqualTo("Automation");
			assertThat(browser.text("#rule-" + renewal.id())).contains("An active contract ends within 90 days",
					"Start Annual Renewal", "The account manager", "Enabled");
			assertThat(browser.findAll("#rules-table tbody tr")).hasSizeGreaterThanOrEqualTo(7);
			assertThat(browser.text("#rules-table")).contains("A key contact leaves",
					"Each quarter, for Strategic and Growth", "An invoice is disputed",
					"A prospect's first contract is signed", "SMS to the account manager",
					"The health score drops below 60");
			browser.screenshot("automation-01-rules");

			browser.find("#rule-" + renewal.id() + " .au-rule-name").click();
			browser.waitUntil(d -> browser.currentPath().equals("/automation/rules/" + renewal.id()));
			WebElement daysField = browser.find("#rule-days");
			daysField.clear();
			daysField.sendKeys("0");
			browser.find("#save-rule").click();
			assertThat(browser.text("#error-days")).isEqualTo("must be from 1 to 365");
			assertThat(browser.find("#rule-days").getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(browser.text(".form-summary")).contains("One field needs your attention");
			browser.screenshot("automation-02-bad-days");

			daysField = browser.find("#rule-days");
			daysField.clear();
			daysField.sendKeys(String.valueOf(days));
			browser.find("#save-rule").click();
			browser.waitUntil(d -> String.valueOf(browser.script("return document.getElementById('toast').textContent"))
				.contains("Saved"));
			assertThat(browser.text(".page-header .subtitle"))
				.contains("An active contract ends within " + days + (days == 1 ? " day" : " days"));

			browser.open("/automation");
			browser.find("#scan-now").click();
			browser.waitUntil(d -> String.valueOf(browser.script("return document.getElementById('toast').textContent"))
				.contains("Scan done"));
			assertThat(Long.parseLong(browser.text("#rule-" + renewal.id() + " .au-count").replace(",", "")))
				.isGreaterThan(firedBefore);
			browser.screenshot("automation-03-scanned");

			browser.find("#rule-" + renewal.id() + " .au-rule-name").click();
			browser.waitUntil(d -> browser.currentPath().equals("/automation/rules/" + renewal.id()));
			String occasion = "contract:\\d+:" + TestClock.today().plusDays(days);
			WebElement firing = browser.findAll("#firings-table .au-firing")
				.stream()
				.filter(row -> row.getText().contains(next.account())
						&& row.getText().matches("(?s).*" + occasion + ".*"))
				.findFirst()
				.orElseThrow();
			assertThat(firing.getText()).containsPattern("Started Annual Renewal #\\d+");
			String runLink = firing.findElement(org.openqa.selenium.By.cssSelector(".au-run-link"))
				.getAttribute("href");
			assertThat(runLink).matches(".*/workflows/runs/\\d+");
			browser.scrollTo("#firings");
			browser.screenshot("automation-04-firing");
			assertThat(browser.cspViolations()).isEmpty();
		}
		finally {
			AutomationRule now = rules.get(renewal.id(), admin);
			rules.update(now.id(), now.form().withDays(90), now.version(), admin);
			others.forEach(r -> {
				AutomationRule current = rules.get(r.id(), admin);
				rules.update(r.id(), current.form().withEnabled(true), current.version(), admin);
			});
		}
	}

}
