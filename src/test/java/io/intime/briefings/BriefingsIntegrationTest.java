package io.intime.briefings;

import java.time.LocalDate;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityType;
import io.intime.engagement.EngagementFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.staffing.StaffingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/v1/briefings on the real database: the sync sheet lists an account with three new
 * roles under its recruiter and leaves a quiet one out; agreed actions become tasks; the
 * daily summary counts the day's activities and goes to the manager (a notification row),
 * and is refused, naming the field, to someone who reports to no one; recruiters, finance
 * and another director's team are refused.
 */
@IntegrationTest
class BriefingsIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	AccountFixtures accounts;

	StaffingFixtures staffing;

	EngagementFixtures engagement;

	@BeforeEach
	void setUp() {
		accounts = new AccountFixtures(context);
		staffing = new StaffingFixtures(context);
		engagement = new EngagementFixtures(context);
	}

	@Test
	void theSheetListsWhatNeedsDiscussionAndAgreedActionsBecomeTasks() {
		CurrentUser manager = accounts.user(Role.ACCOUNT_MANAGER);
		CurrentUser director = accounts.user(Role.SALES_DIRECTOR);
		CurrentUser otherDirector = accounts.user(Role.SALES_DIRECTOR);
		users.seedReportsTo(List.of(manager.id()), director.id());
		AccountDetails busy = accounts.account(manager);
		AccountDetails quiet = accounts.account(manager);
		LocalDate today = StaffingFixtures.today();
		for (String title : List.of("Data Engineer", "Data Analyst", "ML Engineer")) {
			staffing.job(busy, StaffingFixtures.openJob(title, today.minusDays(2)));
		}
		staffing.job(quiet, StaffingFixtures.openJob("Clerk", today.minusDays(20)));

		JsonNode sheet = body(mvc.get().uri("/api/v1/briefings/team-sync").with(as(manager)).exchange());
		assertThat(sheet.get("accountsReviewed").asInt()).isEqualTo(2);
		assertThat(sheet.get("groups")).hasSize(1);
		JsonNode item = sheet.get("groups").get(0).get("accounts").get(0);
		assertThat(item.get("accountName").asString()).isEqualTo(busy.name());
		assertThat(item.get("actions").get(0).get("text").asString())
			.isEqualTo("Confirm the recruiting team has capacity for 3 new roles at " + busy.name());

		// the director sees the team's sheet, another director may not pick this manager
		assertThat(
				body(mvc.get().uri("/api/v1/briefings/team-sync").with(as(director)).exchange()).get("accountsReviewed")
					.asInt())
			.isEqualTo(2);
		assertThat(
				mvc.get().uri("/api/v1/briefings/team-sync?am={id}", manager.id()).with(as(otherDirector)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/briefings/team-sync").with(as(accounts.user(Role.RECRUITER))).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/briefings/daily-summary").with(as(accounts.user(Role.FINANCE))).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);

		assertThat(mvc.post()
			.uri("/api/v1/briefings/team-sync/tasks")
			.with(as(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"actions\":[{\"accountId\":" + busy.id()
					+ ",\"title\":\"Confirm capacity for the data roles\"}]}")
			.exchange()).hasStatus(HttpStatus.CREATED);
		assertThat(jdbc.sql("select count(*) from task where assignee_id = ? and account_id = ? and title = ?")
			.params(manager.id(), busy.id(), "Confirm capacity for the data roles")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(errorFields(mvc.post()
			.uri("/api/v1/briefings/team-sync/tasks")
			.with(as(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"actions\":[]}")
			.exchange())).containsExactly("actions");
	}

	@Test
	void theDailySummaryCountsTheDayAndGoesToTheManager() {
		CurrentUser manager = accounts.user(Role.ACCOUNT_MANAGER);
		CurrentUser director = accounts.user(Role.SALES_DIRECTOR);
		users.seedReportsTo(List.of(manager.id()), director.id());
		AccountDetails account = accounts.account(manager);
		AccountDetails other = accounts.account(manager);
		engagement.activity(account, manager, ActivityType.CALL, ActivityDirection.OUTBOUND,
				TestClock.now().minusSeconds(600), List.of());
		engagement.activity(other, manager, ActivityType.EMAIL, ActivityDirection.OUTBOUND,
				TestClock.now().minusSeconds(300), List.of());
		engagement.activity(other, manager, ActivityType.CALL, ActivityDirection.OUTBOUND,
				TestClock.now().minusSeconds(86_400 * 3), List.of());

		JsonNode summary = body(mvc.get().uri("/api/v1/briefings/daily-summary").with(as(manager)).exchange());
		assertThat(summary.get("accountsEngaged").asInt()).isEqualTo(2);
		assertThat(summary.get("activities").get("CALL").asInt()).isEqualTo(1);
		assertThat(summary.get("activities").get("EMAIL").asInt()).isEqualTo(1);
		assertThat(summary.get("manager").asString()).isEqualTo(director.fullName());

		assertThat(mvc.post()
			.uri("/api/v1/briefings/daily-summary")
			.with(as(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"A good day.\"}")
			.exchange()).hasStatus(HttpStatus.CREATED);
		assertThat(jdbc.sql("select body from notification where recipient_id = ? and kind = 'briefings.daily-summary'")
			.params(director.id())
			.query(String.class)
			.single()).startsWith("A good day.").contains("ACCOUNTS ENGAGED TODAY: 2").contains("Calls: 1");

		CurrentUser alone = accounts.user(Role.ACCOUNT_MANAGER);
		assertThat(errorFields(mvc.post()
			.uri("/api/v1/briefings/daily-summary")
			.with(as(alone))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange())).containsExactly("manager");
	}

}
