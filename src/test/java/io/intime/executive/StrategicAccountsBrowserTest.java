package io.intime.executive;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.SentMails;
import io.intime.health.HealthScores;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec 01's test cases as the CEO (Alex Morgan) on the demo world: TC-SAC-001 the
 * portfolio loads with every account's health; TC-SAC-002 the critical account's health
 * breakdown; TC-SAC-003 an executive call (the invitation read back from the SMTP server
 * and parsed, the prep tasks, the account manager's notice, the event); TC-SAC-004 a
 * dedicated recruiter (refused when at capacity, then assigned, with its notices and
 * event); TC-SAC-007 a new score shows on the dashboard after Refresh (the R key). Runs
 * last: it changes ABC Technologies.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE)
class StrategicAccountsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	DemoPeople people;

	@org.junit.jupiter.api.BeforeEach
	void people() {
		people = new DemoPeople(users, jdbc);
	}

	@Autowired
	HealthScores scores;

	@Autowired
	UserDirectory users;

	@Autowired
	io.intime.shared.Today time;

	@Test
	void theCeoReviewsAStrategicAccountAndActsOnIt() throws Exception {
		long abc = jdbc.sql("select id from account where name = 'ABC Technologies'").query(Long.class).single();
		Instant started = time.now().minusSeconds(1);
		try (Browser browser = new Browser("http://localhost:" + port)) {
			// TC-SAC-001: the executive's home is the portfolio; all 24 load with their
			// health
			browser.signIn("ceo", "demo");
			browser.open("/");
			browser.waitUntil(d -> browser.currentPath().startsWith("/executive/strategic-accounts"));
			assertThat(browser.text("h1")).isEqualTo("Strategic accounts portfolio");
			assertThat(browser.text("#total-accounts")).isEqualTo("24");
			assertThat(browser.text("#combined-arr")).isEqualTo("$28.5M");
			assertThat(browser.findAll("#accounts .portfolio-row")).hasSize(24);
			assertThat(browser.findAll("#accounts .portfolio-row .health-pill")).hasSize(24);
			assertThat(browser.text("#urgent-actions")).contains("ABC Technologies", "MegaCorp");
			assertThat(browser.text("#attention-actions")).contains("GlobalCo", "No executive touchpoint in",
					"EnterpriseHQ", "New executive Robert Klein");
			browser.screenshot("executive-01-portfolio");

			// "Unable to load account data": a refresh that fails keeps the values shown,
			// says how old they are and offers Retry, which brings them back
			String shown = browser.text("#total-accounts");
			browser.script("""
					var live = document.querySelector('[data-live]');
					live.setAttribute('data-hx-get-was', live.getAttribute('hx-get'));
					live.setAttribute('hx-get', '/executive/strategic-accounts/0/live');
					htmx.process(live);
					htmx.trigger(live, 'retry');""");
			browser.waitUntil(d -> d.findElement(By.id("stale-banner")).isDisplayed());
			assertThat(browser.text("#stale-banner")).contains("Unable to load account data",
					"Showing the values loaded", "Retry");
			assertThat(browser.text("#total-accounts")).isEqualTo(shown);
			browser.screenshot("executive-01b-stale");
			browser.script("""
					var live = document.querySelector('[data-live]');
					live.setAttribute('hx-get', live.getAttribute('data-hx-get-was'));
					htmx.process(live);""");
			browser.find("[data-stale-retry]").click();
			browser.waitUntil(d -> !d.findElement(By.id("stale-banner")).isDisplayed());

			// every number links to its list: the critical accounts
			browser.find("#health-status [data-band='red'] .band-count-link").click();
			browser.waitUntil(d -> d.getCurrentUrl().contains("filter=red"));
			assertThat(browser.findAll("#accounts .portfolio-row .health-pill.RED")).isNotEmpty();
			assertThat(browser.findAll("#accounts .portfolio-row .health-pill.GREEN")).isEmpty();

			// TC-SAC-002: the critical account's dashboard
			browser.open("/executive/strategic-accounts");
			browser.find("#urgent-actions [data-account='ABC Technologies'] a.strong").click();
			browser.waitUntil(d -> browser.currentPath().equals("/executive/strategic-accounts/" + abc));
			assertThat(browser.findAll("#health-breakdown [data-component]")).hasSize(6);
			assertThat(browser.text("#overview")).contains("ACC-001", "Sarah Chen", "Alex Morgan (you)",
					"5,000 employees", "San Francisco, CA");
			assertThat(browser.text("#critical-issues")).contains("Quality concerns", "High priority");
			assertThat(browser.text("#recommendations")).containsIgnoringCase("Immediate actions (next 48 hours)")
				.contains("Executive call to the client's executive")
				.containsIgnoringCase("Success metrics (90-day recovery plan)");
			browser.screenshot("executive-02-dashboard");
			long reviews = reviews(abc);
			assertThat(reviews).as("the first opening today is the review").isGreaterThanOrEqualTo(1);
			browser.open("/executive/strategic-accounts/" + abc);
			assertThat(reviews(abc)).as("not on every page view").isEqualTo(reviews);

			// the shortcuts' help, closed with Esc
			browser.find("body").sendKeys("?");
			browser.waitUntil(
					d -> Boolean.TRUE.equals(browser.script("return document.getElementById('shortcuts-help').open")));
			browser.screenshot("executive-03-shortcuts");
			browser.find("#shortcuts-help").sendKeys(Keys.ESCAPE);
			browser.waitUntil(
					d -> Boolean.FALSE.equals(browser.script("return document.getElementById('shortcuts-help').open")));

			// a service credit: refused without an amount, the reason kept; then offered
			browser.find("#offer-credit").click();
			browser.find("#credit-amount").clear();
			browser.find("#submit-credit").click();
			browser.waitUntil(d -> !d.findElements(By.cssSelector("#credit-dialog [data-field='amount'] .field-error"))
				.isEmpty());
			assertThat(browser.text("#credit-dialog [data-field='amount'] .field-error")).contains("required");
			assertThat(browser.find("#credit-reason").getAttribute("value")).contains("Goodwill");
			browser.screenshot("executive-04-credit-refused");
			browser.find("#credit-amount").sendKeys("50000");
			browser.find("#submit-credit").click();
			browser.waitUntil(d -> d.findElement(By.id("credits")).getText().contains("Awaiting finance"));

			// TC-SAC-003: schedule the executive call (S), the recommended slot
			browser.find("body").sendKeys("s");
			browser.waitUntil(d -> browser.currentPath().endsWith("/call"));
			assertThat(browser.text("#slots")).containsIgnoringCase("Recommended");
			assertThat(browser.find("#agenda").getAttribute("value")).contains("Opening & Acknowledgment",
					"Quality concerns");
			assertThat(browser.find("#message").getAttribute("value")).startsWith("Hi John,");
			browser.screenshot("executive-05-schedule-call");
			// a slot on another day than today: a call planned for later today would be
			// today's executive touch on ABC's story, which the engagement tests read
			List<WebElement> slots = browser.findAll("#slots input[name='slot']:not([value='custom'])");
			assertThat(slots).hasSizeGreaterThanOrEqualTo(3);
			browser.script("arguments[0].click()", slots.get(slots.size() - 1));
			browser.find("#send-invitation").click();
			browser.waitUntil(d -> browser.currentPath().equals("/executive/strategic-accounts/" + abc));
			browser.waitUntil(d -> String.valueOf(browser.script("return document.getElementById('toast').textContent"))
				.contains("Prep tasks created"));
			long meeting = jdbc.sql("select max(id) from meeting where account_id = :a and organizer_id = :o")
				.param("a", abc)
				.param("o", people.user("ceo").id())
				.query(Long.class)
				.single();
			Calendar invite = SentMails
				.calendar(SentMails.await(jdbc, "john.smith@abctech.com", "Invitation: Strategic Partnership Review"));
			assertThat(invite.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
			assertThat(jdbc.sql("select count(*) from task where record_type = 'meeting' and record_id = :m")
				.param("m", meeting)
				.query(Long.class)
				.single()).isEqualTo(3);
			assertThat(people.notifications("sarah.chen", "executive.call-brief")).isGreaterThanOrEqualTo(1);
			assertThat(events(abc, "executive.call.scheduled", started)).isGreaterThanOrEqualTo(1);

			// TC-SAC-004: the best recruiter is full by now: refused, the next one
			// offered
			browser.find("#assign-recruiter").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/recruiter"));
			WebElement best = browser.find("input[name='recruiterId']:checked");
			long bestId = Long.parseLong(best.getAttribute("value"));
			int max = jdbc.sql("select max_active_jobs from recruiter where id = :r")
				.param("r", bestId)
				.query(Integer.class)
				.single();
			jdbc.sql("update recruiter set max_active_jobs = (select count(*) from job where recruiter_id = :r "
					+ "and status = 'OPEN') where id = :r")
				.param("r", bestId)
				.update();
			browser.find("#assign-recruiter-submit").click();
			browser.waitUntil(d -> !d.findElements(By.id("recruiter-error")).isEmpty());
			assertThat(browser.text("#recruiter-error")).startsWith("Selected recruiter not available");
			long next = Long.parseLong(browser.find("input[name='recruiterId']:checked").getAttribute("value"));
			assertThat(next).isNotEqualTo(bestId);
			browser.screenshot("executive-06-recruiter-refused");
			jdbc.sql("update recruiter set max_active_jobs = :m where id = :r")
				.param("m", max)
				.param("r", bestId)
				.update();
			browser.find("#assign-recruiter-submit").click();
			browser.waitUntil(d -> browser.currentPath().equals("/executive/strategic-accounts/" + abc));
			assertThat(browser.text("#dedicated-recruiter")).contains("Dedicated until");
			String recruiterUser = jdbc
				.sql("select u.username from recruiter r join app_user u on u.id = r.user_id " + "where r.id = :r")
				.param("r", next)
				.query(String.class)
				.single();
			assertThat(people.notifications(recruiterUser, "executive.recruiter-assigned")).isEqualTo(1);
			assertThat(people.notifications("sarah.chen", "executive.recruiter-assigned")).isEqualTo(1);
			assertThat(people.notifications("tom.davis", "executive.recruiter-assigned")).isEqualTo(1);
			assertThat(jdbc.sql("""
					select count(*) from domain_event where type = 'recruiter.assigned' and account_id = :a
					   and payload ->> 'assignment_type' = 'dedicated' and (payload ->> 'duration')::int = 90""")
				.param("a", abc)
				.query(Long.class)
				.single()).isEqualTo(1);
			browser.screenshot("executive-07-recruiter-assigned");

			// TC-SAC-007: the facts change, the score is recomputed; Refresh (R) shows it
			String before = browser.text("#overall-score");
			jdbc.sql("update invoice set status = 'PAID', paid_on = issue_date + 20 "
					+ "where account_id = :a and status in ('OPEN','OVERDUE')")
				.param("a", abc)
				.update();
			scores.recompute(abc, people.user("ceo"));
			browser.find("body").sendKeys("r");
			browser.waitUntil(d -> !d.findElement(By.id("overall-score")).getText().equals(before));
			assertThat(browser.text("#overall-score")).isNotEqualTo(before);
			browser.screenshot("executive-08-new-score");
		}
	}

	@Test
	void aRecoveryPlanFinanceApprovesACreditAndARecruitersPage() throws Exception {
		long globalCo = jdbc.sql("select id from account where name = 'GlobalCo'").query(Long.class).single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			// the recovery plan, prefilled from the success metrics; a bad target is
			// named and the rows kept
			browser.signIn("ceo", "demo");
			browser.open("/executive/strategic-accounts/" + globalCo + "/plan");
			assertThat(browser.findAll("#goals .goal-input")).isNotEmpty();
			browser.find("#target-0").clear();
			browser.find("#target-0").sendKeys("lots");
			browser.find("#create-plan-submit").click();
			browser.waitUntil(d -> !d.findElements(By.cssSelector("#goals .field-error")).isEmpty());
			assertThat(browser.text("#goals .field-error")).isEqualTo("must be a number");
			assertThat(browser.find("#target-0").getAttribute("value")).isEqualTo("lots");
			browser.screenshot("executive-09-plan-refused");
			browser.find("#target-0").clear();
			browser.find("#target-0").sendKeys("85");
			browser.find("#create-plan-submit").click();
			browser.waitUntil(d -> browser.currentPath().equals("/executive/strategic-accounts/" + globalCo));
			assertThat(browser.text("#plan")).contains("90-day recovery plan: GlobalCo", "goals met");
			assertThat(browser.findAll("#plan [data-measure]")).isNotEmpty();
			browser.screenshot("executive-10-plan");
			browser.open("/executive/strategic-accounts?filter=plans");
			assertThat(browser.findAll("#accounts .portfolio-row")).extracting(e -> e.getAttribute("data-account"))
				.contains("GlobalCo");

			// a credit offered on the dashboard, approved by finance, on the billing
			browser.open("/executive/strategic-accounts/" + globalCo);
			browser.find("#offer-credit").click();
			browser.find("#credit-amount").clear();
			browser.find("#credit-amount").sendKeys("20000");
			browser.find("#submit-credit").click();
			browser.waitUntil(d -> d.findElement(By.id("credits")).getText().contains("Awaiting finance"));
		}
		try (Browser finance = new Browser("http://localhost:" + port)) {
			finance.signIn("finance", "demo");
			finance.open("/billing/service-credits");
			WebElement row = finance.find("#pending-credits tr[data-account='GlobalCo']");
			assertThat(row.getText()).contains("$20,000.00");
			finance.screenshot("executive-11-finance-credits");
			row.findElement(By.cssSelector("button[value='approve']")).click();
			finance.waitUntil(
					d -> d.findElements(By.cssSelector("#pending-credits tr[data-account='GlobalCo']")).isEmpty());
			finance.open("/accounts/" + globalCo + "/invoices");
			assertThat(finance.find("#service-credits").getText()).contains("$20,000.00", "Alex Morgan", "Robin Hayes");
		}
		try (Browser manager = new Browser("http://localhost:" + port)) {
			long michael = jdbc
				.sql("select r.id from recruiter r join app_user u on u.id = r.user_id "
						+ "where u.username = 'michael.torres'")
				.query(Long.class)
				.single();
			manager.signIn("tom.davis", "demo");
			manager.open("/recruiters/" + michael);
			assertThat(manager.find("h1").getText()).isEqualTo("Michael Torres");
			assertThat(manager.find("#current-jobs").getText()).contains("open");
			assertThat(manager.find("#recruiter-accounts").getText()).contains("TechStart Inc");
			manager.screenshot("executive-12-recruiter-page");
		}
		try (Browser recruiter = new Browser("http://localhost:" + port)) {
			recruiter.signIn("michael.torres", "demo");
			recruiter.open("/executive/strategic-accounts");
			assertThat(recruiter.find("body").getText()).doesNotContain("Strategic accounts portfolio");
		}
	}

	private long reviews(long account) {
		return jdbc
			.sql("select count(*) from domain_event where type = 'strategic_account.reviewed' and account_id = :a")
			.param("a", account)
			.query(Long.class)
			.single();
	}

	private long events(long account, String type, Instant since) {
		return jdbc.sql("select count(*) from domain_event where type = :t and account_id = :a and occurred_at >= :s")
			.param("t", type)
			.param("a", account)
			.param("s", java.sql.Timestamp.from(since))
			.query(Long.class)
			.single();
	}

}
