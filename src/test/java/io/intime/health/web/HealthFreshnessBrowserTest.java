package io.intime.health.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.health.HealthScores;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.revenue.OpportunityForm;
import io.intime.revenue.OpportunityManagement;
import io.intime.revenue.OpportunityStage;
import io.intime.shared.web.MoneyInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health as the account manager sees it right after changing an account, in a real
 * Chromium: the header and the Health tab say "recomputing…" while the recompute that
 * follows a change is pending and show the new score when it lands, without a reload; a
 * call logged with a contact who had not answered two emails takes the risk and the
 * advice away; "Recompute now" on unchanged facts says so. Each test builds its own
 * account (owned by {@code am}, created by {@code ceo}) and changes no demo record.
 * <p>
 * To see the pending state for sure, a test holds a lock on the account's score row for a
 * moment: the recompute waits for it, as it would behind a slow night's run.
 */
// Late in the suite (before EngagementBrowserTest, which runs last): the accounts it adds
// would change the counts of the demo world that the demo tests check (66 accounts, 42 of
// am's).
@Order(Integer.MAX_VALUE - 1)
@DemoWorldTest
class HealthFreshnessBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	UserDirectory users;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ContactManagement contacts;

	@Autowired
	ActivityManagement activities;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	HealthScores scores;

	@Autowired
	DataSource dataSource;

	CurrentUser am;

	CurrentUser ceo;

	@BeforeEach
	void users() {
		am = demoUser("am");
		ceo = demoUser("ceo");
	}

	@Test
	void theHeaderAndTheHealthTabShowTheNewScoreWhenTheRecomputeLandsWithoutAReload() throws Exception {
		AccountDetails account = scoredAccount("Freshness");
		int before = scores.current(account.id(), am).score();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + account.id() + "/escalations");
			assertThat(text(browser, "#account-health")).startsWith("Health " + before + " · ");

			int after;
			try (Connection lock = lockScore(account.id())) {
				browser.find("#new-escalation").click();
				browser.find("[data-field=title] input").sendKeys("Shortlist late for the second time");
				browser.find("[data-field=description] textarea").sendKeys("The client escalated by phone.");
				browser.find("#save-escalation").click();
				browser.waitUntil(d -> browser.currentPath().equals("/accounts/" + account.id() + "/escalations"));
				browser.waitUntil(d -> text(browser, "#account-health").endsWith("recomputing…"));
				assertThat(text(browser, "#account-health")).isEqualTo("Health " + before + " · "
						+ scores.current(account.id(), am).band().label() + " · recomputing…");
				browser.screenshot("health-freshness-01-header-recomputing");
				markPage(browser);
				lock.rollback();
			}
			browser.waitUntil(d -> !text(browser, "#account-health").contains("recomputing"));
			after = scores.current(account.id(), am).score();
			assertThat(after).as("an open escalation takes the issue points").isLessThan(before);
			assertThat(text(browser, "#account-health"))
				.isEqualTo("Health " + after + " · " + scores.current(account.id(), am).band().label());
			assertThat(samePage(browser)).as("no reload").isTrue();
			browser.screenshot("health-freshness-02-header-updated");

			// The Health tab of a change whose recompute is still pending.
			int lifted;
			try (Connection lock = lockScore(account.id())) {
				opportunities.create(account.id(),
						new OpportunityForm("Second team of five engineers", OpportunityStage.QUALIFIED,
								new MoneyInput(new java.math.BigDecimal("150000"), "USD"), "QBR", null, null, null,
								null),
						am);
				browser.find("#account-health").click();
				browser.waitUntil(d -> browser.currentPath().endsWith("/health"));
				assertThat(text(browser, "#health-total")).isEqualTo(String.valueOf(after));
				assertThat(text(browser, "#health-freshness")).isEqualTo("recomputing…");
				browser.waitUntil(d -> text(browser, "#account-health").endsWith("recomputing…"));
				browser.screenshot("health-freshness-03-health-tab-recomputing");
				markPage(browser);
				lock.rollback();
			}
			browser.waitUntil(d -> !text(browser, "#health-freshness").contains("recomputing"));
			lifted = scores.current(account.id(), am).score();
			assertThat(lifted).as("an opportunity above $100K adds the expansion points").isGreaterThan(after);
			assertThat(text(browser, "#health-total")).isEqualTo(String.valueOf(lifted));
			assertThat(text(browser, "#health-freshness")).isEqualTo("computed just now");
			browser.waitUntil(d -> text(browser, "#account-health").startsWith("Health " + lifted + " · "));
			assertThat(browser.findAll("[data-component=expansion] .component-points strong").get(0).getText())
				.isEqualTo("10");
			assertThat(samePage(browser)).as("no reload").isTrue();
			assertThat(browser.cspViolations()).isEmpty();
			browser.screenshot("health-freshness-04-health-tab-updated");
		}
	}

	@Test
	void callsLoggedWithAContactWhoHadNotAnsweredTakeTheRiskAndTheAdviceAway() throws Exception {
		AccountDetails account = accounts
			.create(AccountFixtures.accountForm(AccountFixtures.unique("Silent client"), am.id(), "USD"), ceo);
		ContactView riley = contacts.create(account.id(), new ContactForm("Riley Quinn", "VP Talent",
				"riley.quinn@silent.example", null, "America/Chicago", StakeholderRole.CHAMPION, Influence.HIGH, true),
				ceo);
		Instant now = TestClock.now();
		email(account, riley, now.minus(12, ChronoUnit.DAYS));
		email(account, riley, now.minus(6, ChronoUnit.DAYS));
		awaitScore(account.id());
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + account.id() + "/health");
			assertThat(texts(browser, "#health-risks li"))
				.contains("Riley Quinn has not answered the last 2 emails: no reply, call or meeting with them since");
			assertThat(texts(browser, "#health-actions li strong"))
				.contains("Schedule an emergency check-in call with Riley Quinn");
			browser.scrollTo("#health-risks");
			browser.screenshot("health-answered-01-risk");

			browser.open("/accounts/" + account.id() + "/activities");
			browser.find("#log-call").click();
			browser.find("[data-field=subject] input").sendKeys("Check-in with Riley Quinn");
			WebElement tick = browser.find("#contact-" + riley.id());
			if (!tick.isSelected()) {
				tick.click();
			}
			WebElement duration = browser.find("[data-field=durationMinutes] input");
			duration.clear();
			duration.sendKeys("20");
			browser.find("#save-activity").click();
			browser.waitUntil(d -> browser.currentPath().equals("/accounts/" + account.id() + "/activities"));
			browser.screenshot("health-answered-02-call-logged");

			browser.find("#tab-health").click();
			browser.waitUntil(d -> !text(browser, "#account-health").contains("recomputing"));
			assertThat(texts(browser, "#health-risks li")).noneSatisfy(r -> assertThat(r).contains("Riley Quinn"));
			assertThat(texts(browser, "#health-actions li strong"))
				.noneSatisfy(a -> assertThat(a).contains("emergency check-in"));
			browser.scrollTo("#health-risks");
			browser.screenshot("health-answered-03-risk-gone");
		}
	}

	@Test
	void recomputeNowOnUnchangedFactsSaysCheckedJustNowUnchanged() throws Exception {
		AccountDetails account = scoredAccount("Unchanged");
		int score = scores.current(account.id(), am).score();
		String band = scores.current(account.id(), am).band().label();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/accounts/" + account.id() + "/health");
			assertThat(text(browser, "#health-freshness")).isEqualTo("computed just now");
			browser.find("#health-recompute").click();
			browser.waitUntil(d -> browser.find("#toast").getText().startsWith("Health checked"));
			assertThat(browser.find("#toast").getText()).isEqualTo(
					"Health checked just now against the latest facts: unchanged, " + score + "/100, " + band + ".");
			assertThat(text(browser, "#health-freshness"))
				.isEqualTo("checked just now, unchanged · last changed just now");
			assertThat(text(browser, "#health-total")).isEqualTo(String.valueOf(score));
			browser.screenshot("health-recompute-unchanged");
		}
	}

	private CurrentUser demoUser(String username) {
		UserSummary user = users.findByUsername(username).orElseThrow();
		return new CurrentUser(user.id(), user.username(), user.fullName(), user.role(), ZoneId.of(user.timeZone()));
	}

	/** A new account of {@code am}'s, once the live updates have scored it. */
	private AccountDetails scoredAccount(String prefix) {
		AccountDetails account = accounts
			.create(AccountFixtures.accountForm(AccountFixtures.unique(prefix), am.id(), "USD"), ceo);
		awaitScore(account.id());
		return account;
	}

	private void awaitScore(long accountId) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			HealthScores.Freshness freshness = scores.freshness(accountId, am);
			if (freshness.score() != null && !freshness.pending()) {
				return;
			}
			assertThat(Instant.now()).as("account %d scored in time", accountId).isBefore(deadline);
			sleep(100);
		}
	}

	private void email(AccountDetails account, ContactView to, Instant at) {
		activities.create(account.id(), new ActivityForm(ActivityType.EMAIL, ActivityDirection.OUTBOUND,
				"Following up on the shortlist", null, at, null, null, null, null, List.of(to.id()), List.of(am.id())),
				am);
	}

	/**
	 * Holds the account's score row until the connection is rolled back or closed: a
	 * recompute of the account waits for it.
	 */
	private Connection lockScore(long accountId) throws Exception {
		Connection connection = dataSource.getConnection();
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection
			.prepareStatement("select 1 from account_health where account_id = ? for update")) {
			lock.setLong(1, accountId);
			lock.executeQuery().close();
		}
		return connection;
	}

	/** Marks the document, to tell later whether the page was loaded again. */
	private static void markPage(Browser browser) {
		browser.script("window.__sameDocument = true");
	}

	private static boolean samePage(Browser browser) {
		return Boolean.TRUE.equals(browser.script("return window.__sameDocument === true"));
	}

	/**
	 * The text of an element that htmx may replace at any moment (the header's chip, the
	 * Health tab's body): read again when it was replaced while being read.
	 */
	private static String text(Browser browser, String css) {
		for (int attempt = 0;; attempt++) {
			try {
				return browser.find(css).getText();
			}
			catch (StaleElementReferenceException e) {
				if (attempt == 10) {
					throw e;
				}
			}
		}
	}

	private static List<String> texts(Browser browser, String css) {
		return browser.findAll(css).stream().map(WebElement::getText).toList();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
