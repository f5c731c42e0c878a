package io.intime.tasks.web;

import java.time.LocalDate;
import java.time.LocalTime;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;
import io.intime.tasks.TaskView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.intime.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * My tasks, the task form, the account's Tasks tab, the team view, the plan for tomorrow
 * and the working days, as pages; the one-click actions with and without htmx.
 */
@IntegrationTest
class TaskPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskManagement tasks;

	AccountFixtures fixtures;

	CurrentUser manager;

	AccountDetails account;

	LocalDate today;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		manager = fixtures.user(Role.ACCOUNT_MANAGER);
		account = fixtures.account(manager);
		today = TestClock.today(manager.timeZone());
	}

	Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	TaskView task(String title, LocalDate due, LocalTime at) {
		return tasks.seed(new TaskForm(title, null, manager.id(), account.id(), null, null, due, at, 0,
				TaskPriority.NORMAL, null), false, manager);
	}

	@Test
	void myTasksListsOverdueTodayUpcomingAndDone() throws Exception {
		TaskView late = task("Send the profile", today.minusDays(2), null);
		TaskView now = task("Call Michael Chen", today, LocalTime.of(23, 0));
		TaskView soon = task("Prepare the QBR", today.plusDays(3), null);
		TaskView done = task("Log the call", today, null);
		tasks.complete(done.id(), done.version(), manager);

		Document mine = page(mvc.perform(get("/tasks").with(as(manager))).andExpect(status().isOk()).andReturn());
		assertThat(mine.select("#overdue li.task-row").eachAttr("id")).containsExactly("task-" + late.id());
		assertThat(mine.selectFirst("#task-" + late.id() + " .task-late").text()).isEqualTo("2 days overdue");
		assertThat(mine.select("#today li.task-row").eachAttr("id")).containsExactly("task-" + now.id());
		assertThat(mine.select("#upcoming li.task-row").eachAttr("id")).containsExactly("task-" + soon.id());
		assertThat(mine.select("#done li.task-row").eachAttr("id")).containsExactly("task-" + done.id());
		assertThat(mine.selectFirst("#stat-today").text()).isEqualTo("1 of 2");
		assertThat(mine.selectFirst("#task-" + now.id() + " .task-account").text()).isEqualTo(account.name());
		assertThat(mine.select("#filter-account option").eachText()).contains(account.name());
		assertThat(mine.select("nav .nav-item .nav-count").attr("hx-get")).isEqualTo("/tasks/count");
		Document count = page(mvc.perform(get("/tasks/count").with(as(manager))).andReturn());
		assertThat(count.selectFirst("#tasks-count").text()).isEqualTo("2");
	}

	@Test
	void theQuickAddNamesAWrongFieldKeepsTheEntryAndThenAdds() throws Exception {
		Document refused = page(mvc
			.perform(post("/tasks").with(as(manager))
				.param("title", "Call Michael Chen")
				.param("accountId", String.valueOf(account.id()))
				.param("dueDate", today.minusDays(1).toString())
				.param("priority", "HIGH"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(refused.selectFirst("#quick-add [data-field=dueDate] .field-error").text()).contains("past");
		assertThat(refused.selectFirst("#quick-title").val()).isEqualTo("Call Michael Chen");

		mvc.perform(post("/tasks").with(as(manager))
			.param("title", "Call Michael Chen")
			.param("accountId", String.valueOf(account.id()))
			.param("dueDate", today.plusDays(1).toString())
			.param("dueTime", "15:00")
			.param("priority", "HIGH")
			.param("reminder", "0")).andExpect(redirectedUrlPattern("/tasks#task-*"));
		assertThat(jdbc.sql("select priority from task where assignee_id = :m")
			.param("m", manager.id())
			.query(String.class)
			.single()).isEqualTo("HIGH");
	}

	@Test
	void theFormMakesARecurringTaskAndRefusesOneThatNeverOccurs() throws Exception {
		Document refused = page(mvc
			.perform(post("/tasks/new").with(as(manager))
				.param("title", "Leap day review")
				.param("dueDate", today.plusDays(1).toString())
				.param("repeats", "CUSTOM")
				.param("customRule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
				.param("reminder", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(refused.selectFirst("[data-field=repeats] .field-error").text()).contains("never occurs");

		mvc.perform(post("/tasks/new").with(as(manager))
			.param("title", "Pipeline update")
			.param("dueDate", today.plusDays(1).toString())
			.param("repeats", "WEEKLY")
			.param("repeatCount", "4")
			.param("reminder", "60")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select rrule from task_series where assignee_id = :m")
			.param("m", manager.id())
			.query(String.class)
			.single()).isEqualTo("FREQ=WEEKLY;COUNT=4");
		Document mine = page(mvc.perform(get("/tasks").with(as(manager))).andReturn());
		assertThat(mine.select(".recurring").text()).contains("Every week, 4 times");
	}

	@Test
	void completingWithHtmxAnswersTheRowAndAStaleClickIsSaidInPlace() throws Exception {
		TaskView now = task("Call Michael Chen", today, null);
		Document row = page(mvc
			.perform(post("/tasks/{id}/complete", now.id()).with(as(manager))
				.header("HX-Request", "true")
				.param("version", String.valueOf(now.version())))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Trigger", org.hamcrest.Matchers.containsString("tasks-changed")))
			.andReturn());
		assertThat(row.selectFirst("li.task-row").hasClass("done")).isTrue();
		Document stale = page(mvc
			.perform(post("/tasks/{id}/snooze", now.id()).with(as(manager))
				.header("HX-Request", "true")
				.param("until", "tomorrow")
				.param("version", String.valueOf(now.version())))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(stale.selectFirst(".task-refusal").text()).contains("changed this task meanwhile");

		TaskView other = task("Send the deck", today, null);
		mvc.perform(post("/tasks/{id}/snooze", other.id()).with(as(manager))
			.param("until", "tomorrow")
			.param("version", String.valueOf(other.version()))).andExpect(status().is3xxRedirection());
		assertThat(tasks.get(other.id(), manager).dueDate()).isEqualTo(today.plusDays(1));
		assertThat(tasks.get(other.id(), manager).snoozes()).isEqualTo(1);
	}

	@Test
	void theAccountTabTeamViewPlanAndWorkingDaysRender() throws Exception {
		TaskView open = task("Call Michael Chen", today.plusDays(1), LocalTime.of(10, 0));
		Document tab = page(mvc.perform(get("/accounts/{id}/tasks", account.id()).with(as(manager)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(tab.selectFirst("#tab-tasks").hasClass("active")).isTrue();
		assertThat(tab.select("#open-tasks li.task-row").eachAttr("id")).containsExactly("task-" + open.id());
		assertThat(tab.select("#new-account-task")).hasSize(1);
		String timeline = mvc.perform(get("/api/v1/accounts/{id}/timeline", account.id()).with(as(manager)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(timeline).contains("Task: Call Michael Chen")
			.contains("/accounts/" + account.id() + "/tasks#task-" + open.id());
		CurrentUser otherManager = fixtures.user(Role.ACCOUNT_MANAGER);
		Document others = page(mvc.perform(get("/accounts/{id}/tasks", account.id()).with(as(otherManager)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(others.select("li.task-row")).isEmpty();
		assertThat(others.select("#new-account-task")).isEmpty();
		// nor on the account's timeline, which they do read
		String othersTimeline = mvc.perform(get("/api/v1/accounts/{id}/timeline", account.id()).with(as(otherManager)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(othersTimeline).doesNotContain("Call Michael Chen").doesNotContain("#task-" + open.id());

		Document plan = page(
				mvc.perform(get("/tasks/tomorrow").with(as(manager))).andExpect(status().isOk()).andReturn());
		assertThat(plan.select("#plan-list .plan-item").eachAttr("data-key")).contains("task-" + open.id());
		mvc.perform(post("/tasks/tomorrow").with(as(manager))
			.param("keep", "task-" + open.id())
			.param("order-task-" + open.id(), "1")
			.param("version-task-" + open.id(), String.valueOf(open.version()))).andExpect(status().is3xxRedirection());
		assertThat(tasks.get(open.id(), manager).planRank()).isEqualTo(1);
		Document confirmed = page(mvc.perform(get("/tasks/tomorrow").with(as(manager))).andReturn());
		assertThat(confirmed.select("#plan-confirmed")).hasSize(1);

		CurrentUser director = fixtures.user(Role.SALES_DIRECTOR);
		mvc.perform(get("/tasks/team").with(as(director))).andExpect(status().isOk());
		mvc.perform(get("/tasks/team").with(as(manager))).andExpect(status().isForbidden());
		mvc.perform(get("/tasks/working-days").with(as(manager))).andExpect(status().isOk());
		mvc.perform(get("/tasks/new").param("accountId", String.valueOf(account.id())).with(as(manager)))
			.andExpect(status().isOk());
		mvc.perform(get("/tasks/{id}/edit", open.id()).with(as(manager))).andExpect(status().isOk());
		mvc.perform(get("/tasks/{id}/edit", open.id()).with(as(otherManager))).andExpect(status().isForbidden());
	}

}
