package io.intime.tasks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.TestClock;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jordan Reyes (am) works through the demo's tasks: completes the end-of-day task,
 * snoozes an overdue follow-up, adds a call with the quick add, plans tomorrow; a
 * reminder arrives in the bell and as an email read back from the in-process SMTP server;
 * after turning email off for "Task due" the next reminder arrives only in the app.
 */
@DemoWorldTest
class TasksBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskManagement tasks;

	@Autowired
	TaskReminders reminders;

	@Autowired
	UserDirectory users;

	@Test
	void anAccountManagerCompletesSnoozesAddsAndIsReminded() throws Exception {
		UserSummary am = users.findByUsername("am").orElseThrow();
		ZoneId zone = ZoneId.of(am.timeZone());
		CurrentUser jordan = new CurrentUser(am.id(), am.username(), am.fullName(), am.role(), zone);
		LocalDate today = TestClock.today(zone);
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/tasks");
			browser.waitUntil(d -> !count(browser).isBlank());
			assertThat(browser.text("#stat-today")).isEqualTo("4 of 5");
			assertThat(browser.findAll("#overdue li.task-row")).hasSize(2);
			browser.screenshot("tasks-01-my-tasks");

			// complete the end-of-day task in place
			String countBefore = count(browser);
			String logRow = rowOf(browser, "Log all client interactions in CRM");
			browser.find("#" + logRow + " button.check").click();
			browser.waitUntil(d -> attribute(browser, "#" + logRow, "className").contains("done"));
			browser.waitUntil(d -> !count(browser).equals(countBefore));

			// snooze the overdue follow-up to tomorrow
			String late = rowOf(browser, "Send HealthTech the replacement contractor's profile");
			browser.find("#" + late + " details.snooze summary").click();
			browser.find("#" + late + " .snooze-tomorrow").click();
			browser.waitUntil(d -> attribute(browser, "#" + late + " .task-due", "textContent").contains("Tomorrow"));
			browser.waitUntil(d -> !attribute(browser, "#" + late, "className").contains("overdue"));

			// quick add a call for tomorrow at 3 pm at TechCorp
			browser.find("#quick-title").sendKeys("Call Michael Chen about the invoice");
			browser.waitUntil(d -> browser.findAll("#quick-account option").size() > 2);
			new Select(browser.find("#quick-account")).selectByVisibleText("TechCorp");
			browser.script("document.getElementById('quick-due').value = arguments[0];"
					+ "document.getElementById('quick-time').value = '15:00';", today.plusDays(1).toString());
			browser.find("#quick-add-button").click();
			browser.waitUntil(d -> attribute(browser, "#upcoming", "textContent")
				.contains("Call Michael Chen about the invoice"));
			assertThat(jdbc.sql(
					"select due_time::text from task where assignee_id = :am and title like 'Call Michael Chen about%'")
				.param("am", am.id())
				.query(String.class)
				.single()).isEqualTo("15:00:00");
			browser.screenshot("tasks-02-after-changes");

			// plan tomorrow: the DataSystems Inc. emergency call is on it
			browser.find("#plan-tomorrow").click();
			browser.waitUntil(d -> browser.currentPath().equals("/tasks/tomorrow"));
			assertThat(browser.find("#plan-list").getText()).contains("Emergency call with DataSystems Inc.");
			browser.findAll("#plan-list .plan-item").get(1).findElement(By.cssSelector("[data-move=up]")).click();
			browser.screenshot("tasks-03-plan-tomorrow");
			browser.find("#confirm-plan").click();
			browser.waitUntil(d -> !browser.findAll("#plan-confirmed").isEmpty());

			// a reminder arrives in the bell and by email
			// (the clock stands 12 minutes ahead while the reminder goes out and is
			// delivered)
			String first = "Send the signed SOW to TechCorp";
			remindedTask(jordan, zone, first, () -> {
				browser.open("/tasks");
				browser.find("#bell-button").click();
				browser.waitUntil(d -> browser.find("#bell-panel").getText().contains(first));
				browser.screenshot("tasks-04-reminder-in-bell");
				awaitMail(am.email(), first, true);
			});

			// email off for "Task due": the next reminder is in the app only
			browser.open("/settings/notifications?kind=task.due");
			org.openqa.selenium.WebElement email = browser.find("#kind-task\\.due input[name='email:task.due']");
			if (email.isSelected()) {
				email.click();
			}
			browser.screenshot("tasks-05-preferences");
			browser.find("#save-preferences").click();
			browser.waitUntil(d -> !browser.find("#kind-task\\.due input[name='email:task.due']").isSelected());
			String second = "Check the RetailCo rate decision";
			remindedTask(jordan, zone, second, () -> awaitMail(am.email(), second, false));
			assertThat(jdbc.sql("""
					select count(*) from notification n where n.recipient_id = :am and n.title like :title""")
				.param("am", am.id())
				.param("title", "%" + second)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("""
					select count(*) from notification_delivery d join notification n on n.id = d.notification_id
					where n.recipient_id = :am and n.title like :title and d.channel = 'EMAIL'""")
				.param("am", am.id())
				.param("title", "%" + second)
				.query(Long.class)
				.single()).isZero();
			assertThat(browser.cspViolations()).isEmpty();
		}
	}

	/**
	 * Jordan adds a recurring task with the full form (the repeat fields appear only when
	 * it repeats) and finds it on the account's Tasks tab; Dana Whitfield, the sales
	 * director, sees her team's tasks, overdue first; the working days page lists the
	 * holidays.
	 */
	@Test
	void aRecurringTaskFromTheFormTheAccountTabTheTeamAndTheWorkingDays() throws Exception {
		UserSummary am = users.findByUsername("am").orElseThrow();
		LocalDate today = TestClock.today(ZoneId.of(am.timeZone()));
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/tasks/new");
			browser.find("#title");
			assertThat(browser.findAll("[data-field=repeatCount]").get(0).isDisplayed()).isFalse();
			browser.find("#title").sendKeys("Quarterly business review prep");
			new Select(browser.find("#accountId")).selectByVisibleText("MegaBank");
			browser.script("document.getElementById('dueDate').value = arguments[0];", today.plusDays(5).toString());
			new Select(browser.find("#repeats")).selectByValue("QUARTERLY");
			browser.waitUntil(d -> browser.find("[data-field=repeatCount]").isDisplayed());
			browser.find("#repeatCount").sendKeys("4");
			browser.screenshot("tasks-06-recurring-form");
			browser.find("#save-task").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/tasks"));
			assertThat(browser.find("#open-tasks").getText()).contains("Quarterly business review prep")
				.contains("Every 3 months, 4 times");
			browser.screenshot("tasks-07-account-tab");
			assertThat(browser.cspViolations()).isEmpty();
		}
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("director", "demo");
			browser.open("/tasks/team");
			assertThat(browser.find(".team-member h2").getText()).isNotBlank();
			assertThat(browser.find("main").getText()).contains("Jordan Reyes");
			browser.screenshot("tasks-08-team");
			browser.open("/tasks/working-days");
			assertThat(browser.find("#holidays").getText()).contains("Christmas Day");
			browser.screenshot("tasks-09-working-days");
		}
	}

	interface Check {

		void run() throws Exception;

	}

	/**
	 * A task due in 70 minutes with a reminder an hour before; the clock moves 12 minutes
	 * on, the reminder goes out, and {@code whileAhead} runs before the clock is back.
	 */
	private void remindedTask(CurrentUser jordan, ZoneId zone, String title, Check whileAhead) throws Exception {
		ZonedDateTime due = TestClock.now().plus(Duration.ofMinutes(70)).atZone(zone).withSecond(0).withNano(0);
		TaskView task = tasks.create(new TaskForm(title, null, null, null, null, null, due.toLocalDate(),
				due.toLocalTime(), 60, TaskPriority.NORMAL, null), jordan);
		try {
			TestClock.INSTANCE.advance(Duration.ofMinutes(12));
			assertThat(reminders.sendDue()).isPositive();
			assertThat(jdbc.sql("select reminded_at is not null from task where id = :id")
				.param("id", task.id())
				.query(Boolean.class)
				.single()).isTrue();
			whileAhead.run();
		}
		finally {
			TestClock.INSTANCE.reset();
			// Recurring work that ran while the clock was 12 minutes ahead was scheduled
			// for then: bring it back to now, or the shared demo context's mail and
			// delivery tasks would wait 12 minutes for the tests that follow.
			jdbc.sql("""
					update scheduled_tasks set execution_time = :now
					 where not picked and execution_time > cast(:now as timestamptz)
					   and execution_time <= cast(:now as timestamptz) + interval '13 minutes'""")
				.param("now", java.sql.Timestamp.from(TestClock.now()))
				.update();
		}
	}

	private void awaitMail(String to, String title, boolean expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(expected ? 40 : 6).toNanos();
		long found = 0;
		while (System.nanoTime() < deadline) {
			found = jdbc.sql("select count(*) from sent_mail where lower(envelope_to) = lower(:to) and subject like :s")
				.param("to", to)
				.param("s", "%" + title + "%")
				.query(Long.class)
				.single();
			if (expected && found > 0) {
				break;
			}
			Thread.sleep(500);
		}
		assertThat(found).as("emails to %s about %s", to, title).isEqualTo(expected ? 1 : 0);
	}

	/** A property of an element that htmx may swap at any moment, read by script. */
	private static String attribute(Browser browser, String css, String property) {
		Object value = browser.script("var e = document.querySelector(arguments[0]); return e ? e[arguments[1]] : ''",
				css, property);
		return value == null ? "" : value.toString();
	}

	/** The count beside My tasks (htmx swaps the element, so it is read by script). */
	private static String count(Browser browser) {
		Object text = browser.script("var e = document.getElementById('tasks-count'); return e ? e.textContent : ''");
		return text == null ? "" : text.toString().trim();
	}

	private static String rowOf(Browser browser, String title) {
		return browser.findAll("li.task-row")
			.stream()
			.filter(row -> row.findElement(By.cssSelector(".task-title")).getText().contains(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no task " + title))
			.getAttribute("id");
	}

}
