package io.intime.staffing.web;

import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.staffing.JobView;
import io.intime.staffing.RecruiterView;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/v1/jobs on a real PostgreSQL: who may open and change jobs, what is refused and
 * why.
 */
@IntegrationTest
class JobApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	StaffingFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new StaffingFixtures(context);
	}

	@Test
	void aRecruiterOnTheTeamOpensAJobAndFillsItTheOwningAccountManagerOnlyViewsAndOnlyAnExecutiveDeletesIt() {
		CurrentUser owner = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.accounts().user(Role.RECRUITER);
		AccountDetails account = fixtures.accounts().account(owner);
		fixtures.accounts().onTeam(account, recruiter);
		String jobBody = json("""
				{'accountId': %d, 'title': 'Senior UX Designer', 'department': 'Digital', 'priority': 'HIGH',
				 'billRate': {'amount': '75', 'currency': 'USD'}}""".formatted(account.id()));

		assertThat(post(owner, jobBody)).as("spec 03: account managers do not create jobs")
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult created = post(recruiter, jobBody);

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode job = body(created);
		long id = job.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/jobs/" + id);
		assertThat(job.get("status").asString()).as("status defaults to OPEN").isEqualTo("OPEN");
		assertThat(job.get("openedOn").asString()).as("opened today")
			.isEqualTo(TestClock.today(recruiter.timeZone()).toString());
		assertThat(job.get("submissions").asInt()).isZero();
		assertThat(job.get("billRate").get("amount").asString()).isEqualTo("75.00");
		assertThat(job.get("billRate").get("currency").asString()).isEqualTo("USD");
		assertThat(job.get("accountName").asString()).isEqualTo(account.name());

		assertThat(mvc.get().uri("/api/v1/jobs/{id}", id).with(as(owner))).as("the owner views the job").hasStatusOk();
		assertThat(patch(id, owner, json("{'version': %d, 'priority': 'URGENT'}".formatted(version(job)))))
			.as("spec 03: account managers do not edit jobs")
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult filled = patch(id, recruiter,
				json("{'version': %d, 'status': 'FILLED'}".formatted(version(job))));
		assertThat(filled).hasStatusOk();
		assertThat(body(filled).get("filledOn").asString()).as("filled today when no date is given")
			.isEqualTo(TestClock.today(recruiter.timeZone()).toString());
		assertThat(body(filled).get("timeToFillDays").asInt()).isZero();

		MvcTestResult reopened = patch(id, recruiter,
				json("{'version': %d, 'status': 'OPEN'}".formatted(version(body(filled)))));
		assertThat(reopened).hasStatusOk();
		assertThat(body(reopened).get("filledOn").isNull()).as("the fill date goes with the status").isTrue();

		assertThat(mvc.delete().uri("/api/v1/jobs/{id}", id).with(as(recruiter))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/v1/jobs/{id}", id).with(as(owner))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/v1/jobs/{id}", id).with(as(fixtures.executive())))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/jobs/{id}", id).with(as(recruiter))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc
			.sql("select count(*) from audit_entry where entity_type = 'job' and entity_id = ? and action = 'DELETE'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void badJobInputIsRefusedNamingTheField() {
		CurrentUser executive = fixtures.executive();
		AccountDetails account = fixtures.accounts().account(null);
		String today = TestClock.today().toString();

		assertThat(errorFields(post(executive, json("{'title': 'No account'}")))).containsExactly("accountId");
		assertThat(errorFields(post(executive, json("{'accountId': %d}".formatted(account.id())))))
			.containsExactly("title");
		assertThat(errorFields(
				post(executive, json("{'accountId': %d, 'title': 'X', 'status': 'DONE'}".formatted(account.id())))))
			.containsExactly("status");
		MvcTestResult currency = post(executive,
				json("{'accountId': %d, 'title': 'X', 'billRate': {'amount': '80', 'currency': 'XYZ'}}"
					.formatted(account.id())));
		assertThat(currency).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(errorFields(currency)).containsExactly("billRate.currency");
		assertThat(errorFields(
				post(executive, json("{'accountId': %d, 'title': 'X', 'billRate': {'amount': '-1', 'currency': 'USD'}}"
					.formatted(account.id())))))
			.containsExactly("billRate.amount");
		MvcTestResult filledButOpen = post(executive,
				json("{'accountId': %d, 'title': 'X', 'filledOn': '%s'}".formatted(account.id(), today)));
		assertThat(errorFields(filledButOpen)).containsExactly("filledOn");
		assertThat(errorMessage(filledButOpen, "filledOn")).contains("only a filled job");
		assertThat(errorFields(post(executive, json("{'accountId': %d, 'title': 'X', 'openedOn': '%s'}"
			.formatted(account.id(), TestClock.today().plusDays(3)))))).containsExactly("openedOn");
		assertThat(
				errorFields(post(executive,
						json("{'accountId': %d, 'title': 'X', 'status': 'FILLED', 'openedOn': '%s', 'filledOn': '%s'}"
							.formatted(account.id(), today, TestClock.today().minusDays(5))))))
			.containsExactly("filledOn");
		assertThat(errorFields(
				post(executive, json("{'accountId': %d, 'title': 'X', 'submissions': -2}".formatted(account.id())))))
			.containsExactly("submissions");
		assertThat(errorFields(
				post(executive, json("{'accountId': %d, 'title': 'X', 'salary': 1}".formatted(account.id())))))
			.containsExactly("salary");
		assertThat(post(executive, json("{'accountId': 999999999, 'title': 'X'}"))).hasStatus(HttpStatus.NOT_FOUND);

		JobView job = fixtures.openJob(account);
		assertThat(errorFields(patch(job.id(), executive, json("{'title': 'No version'}")))).containsExactly("version");
		assertThat(errorFields(
				patch(job.id(), executive, json("{'version': %d, 'accountId': 1}".formatted(job.stamp().version())))))
			.containsExactly("accountId");
	}

	@Test
	void aStalePatchIsAConflictAndTheOtherChangeSurvives() {
		JobView job = fixtures.openJob(fixtures.accounts().account(null));
		long read = job.stamp().version();
		assertThat(patch(job.id(), fixtures.executive(), json("{'version': %d, 'priority': 'URGENT'}".formatted(read))))
			.hasStatusOk();

		MvcTestResult late = patch(job.id(), fixtures.executive(),
				json("{'version': %d, 'title': 'Renamed'}".formatted(read)));

		assertThat(late).hasStatus(HttpStatus.CONFLICT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(body(late).get("currentVersion").asLong()).isEqualTo(read + 1);
		JsonNode now = body(mvc.get().uri("/api/v1/jobs/{id}", job.id()).with(as(fixtures.executive())).exchange());
		assertThat(now.get("priority").asString()).isEqualTo("URGENT");
		assertThat(now.get("title").asString()).isEqualTo(job.title());
	}

	@Test
	void onlyTheTeamAndThoseWhoSeeEverythingOpenJobsNotEvenTheOwningAccountManagerAndEveryDenialIsAudited() {
		CurrentUser owner = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		CurrentUser otherManager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		CurrentUser teamRecruiter = fixtures.accounts().user(Role.RECRUITER);
		CurrentUser outsideRecruiter = fixtures.accounts().user(Role.RECRUITER);
		CurrentUser finance = fixtures.accounts().user(Role.FINANCE);
		AccountDetails account = fixtures.accounts().account(owner);
		fixtures.accounts().onTeam(account, teamRecruiter);
		String body = json("{'accountId': %d, 'title': 'Data Engineer'}".formatted(account.id()));

		assertThat(post(teamRecruiter, body)).hasStatus(HttpStatus.CREATED);
		assertThat(post(fixtures.accounts().user(Role.SALES_DIRECTOR), body)).hasStatus(HttpStatus.CREATED);
		assertThat(post(fixtures.executive(), body)).hasStatus(HttpStatus.CREATED);
		long deniedBefore = denials();
		MvcTestResult ownerDenied = post(owner, body);
		assertThat(ownerDenied).as("spec 03: the owning account manager only views jobs")
			.hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		MvcTestResult denied = post(otherManager, body);
		assertThat(denied).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(post(finance, body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(outsideRecruiter, body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(denials()).isEqualTo(deniedBefore + 4);
		assertThat(mvc.get().uri("/api/v1/jobs?accountId={a}", account.id()).with(as(owner))).hasStatusOk();

		assertThat(mvc.get().uri("/api/v1/jobs?accountId={a}", account.id()).with(as(finance))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/jobs?accountId={a}", account.id()).with(as(outsideRecruiter)))
			.as("a recruiter sees only the accounts of their teams")
			.hasStatus(HttpStatus.FORBIDDEN);
		JsonNode mine = body(mvc.get().uri("/api/v1/jobs").with(as(outsideRecruiter)).exchange());
		assertThat(mine.get("total").asLong()).isZero();
		assertThat(body(mvc.get().uri("/api/v1/jobs").with(as(teamRecruiter)).exchange()).get("total").asLong())
			.isEqualTo(3);
	}

	@Test
	void jobsAreListedByAccountAndStatusInPages() {
		AccountDetails account = fixtures.accounts().account(null);
		JobView open = fixtures.openJob(account);
		JobView filled = fixtures.job(account, StaffingFixtures.filledJob("Filled role",
				TestClock.today().minusDays(40), TestClock.today().minusDays(5)));
		fixtures.openJob(fixtures.accounts().account(null));
		CurrentUser reader = fixtures.accounts().user(Role.FINANCE);

		JsonNode all = body(mvc.get().uri("/api/v1/jobs?accountId={a}", account.id()).with(as(reader)).exchange());
		assertThat(all.get("total").asLong()).isEqualTo(2);
		assertThat(ids(all)).as("open first").containsExactly(open.id(), filled.id());
		assertThat(all.get("items").get(1).get("timeToFillDays").asInt()).isEqualTo(35);
		JsonNode onlyFilled = body(
				mvc.get().uri("/api/v1/jobs?accountId={a}&status=FILLED", account.id()).with(as(reader)).exchange());
		assertThat(ids(onlyFilled)).containsExactly(filled.id());
		JsonNode paged = body(
				mvc.get().uri("/api/v1/jobs?accountId={a}&size=1&page=1", account.id()).with(as(reader)).exchange());
		assertThat(paged.get("items")).hasSize(1);
		assertThat(paged.get("size").asInt()).isEqualTo(1);
		assertThat(errorFields(mvc.get().uri("/api/v1/jobs?status=SOON").with(as(reader)).exchange()))
			.containsExactly("status");
	}

	@Test
	void submissionsAddUpWithoutAVersion() {
		CurrentUser recruiter = fixtures.accounts().user(Role.RECRUITER);
		AccountDetails account = fixtures.accounts().account(null);
		fixtures.accounts().onTeam(account, recruiter);
		JobView job = fixtures.openJob(account);

		assertThat(body(mvc.post().uri("/api/v1/jobs/{id}/submissions", job.id()).with(as(recruiter)).exchange())
			.get("submissions")
			.asInt()).isEqualTo(1);
		MvcTestResult three = mvc.post()
			.uri("/api/v1/jobs/{id}/submissions", job.id())
			.with(as(recruiter))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'count': 3}"))
			.exchange();
		assertThat(body(three).get("submissions").asInt()).isEqualTo(4);
		assertThat(errorFields(mvc.post()
			.uri("/api/v1/jobs/{id}/submissions", job.id())
			.with(as(recruiter))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'count': 0}"))
			.exchange())).containsExactly("count");
		assertThat(mvc.post()
			.uri("/api/v1/jobs/{id}/submissions", job.id())
			.with(as(fixtures.accounts().user(Role.FINANCE)))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void assigningARecruiterIsLoggedAsRecruiterAssignedAndCapacityIsAMaximum() {
		RecruiterView recruiter = fixtures.recruiter(1);
		AccountDetails account = fixtures.accounts().account(null);

		MvcTestResult first = post(fixtures.executive(),
				json("{'accountId': %d, 'title': 'Platform Engineer', 'recruiterId': %d}".formatted(account.id(),
						recruiter.id())));
		assertThat(first).hasStatus(HttpStatus.CREATED);
		assertThat(body(first).get("recruiterName").asString()).isEqualTo(recruiter.name());
		JsonNode events = body(mvc.get()
			.uri("/api/v1/events?type=recruiter.assigned&accountId={a}", account.id())
			.with(as(fixtures.executive()))
			.exchange());
		assertThat(events.get("total").asLong()).isEqualTo(1);
		JsonNode payload = events.get("items").get(0).get("payload");
		assertThat(payload.get("account_id").asLong()).isEqualTo(account.id());
		assertThat(payload.get("recruiter_id").asLong()).isEqualTo(recruiter.id());
		assertThat(payload.get("assignment_type").asString()).isEqualTo("job");
		assertThat(payload.has("duration")).isTrue();

		MvcTestResult second = post(fixtures.executive(),
				json("{'accountId': %d, 'title': 'SRE', 'recruiterId': %d}".formatted(account.id(), recruiter.id())));
		assertThat(errorFields(second)).containsExactly("recruiterId");
		assertThat(errorMessage(second, "recruiterId")).contains("not available").contains("1 of 1");
		assertThat(
				post(fixtures.executive(),
						json("{'accountId': %d, 'title': 'SRE', 'status': 'ON_HOLD', 'recruiterId': %d}"
							.formatted(account.id(), recruiter.id()))))
			.as("a job on hold does not take capacity")
			.hasStatus(HttpStatus.CREATED);
	}

	private long denials() {
		return jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and detail like 'POST /api/v1/jobs%'")
			.query(Long.class)
			.single();
	}

	private MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/jobs")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/jobs/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static long version(JsonNode record) {
		return record.get("stamp").get("version").asLong();
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

}
