package io.intime.staffing.web;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementView;
import io.intime.staffing.RecruiterView;
import io.intime.staffing.StaffingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/v1/placements on a real PostgreSQL: placements on jobs, their falloffs, what is
 * refused.
 */
@IntegrationTest
class PlacementApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	StaffingFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new StaffingFixtures(context);
	}

	@Test
	void aPlacementTakesTheJobsRecruiterAndAccountAndRecordsItsFalloff() {
		CurrentUser owner = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		CurrentUser teamRecruiter = fixtures.accounts().user(Role.RECRUITER);
		AccountDetails account = fixtures.accounts().account(owner);
		fixtures.accounts().onTeam(account, teamRecruiter);
		RecruiterView recruiter = fixtures.recruiter(10);
		JobView job = fixtures.job(account,
				new io.intime.staffing.JobForm("Frontend Developer", "Engineering", io.intime.staffing.JobStatus.OPEN,
						io.intime.staffing.JobPriority.HIGH, TestClock.today().minusDays(30), null, null, null,
						recruiter.id(), 4));
		String start = TestClock.today().minusDays(3).toString();

		String ana = json("{'jobId': %d, 'candidateName': 'Ana Ruiz', 'type': 'CONTRACT', 'startDate': '%s'}"
			.formatted(job.id(), start));
		assertThat(post(owner, ana)).as("spec 03: account managers do not record placements")
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult created = post(teamRecruiter, ana);

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode placement = body(created);
		long id = placement.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/placements/" + id);
		assertThat(placement.get("accountId").asLong()).isEqualTo(account.id());
		assertThat(placement.get("jobTitle").asString()).isEqualTo("Frontend Developer");
		assertThat(placement.get("recruiterId").asLong()).as("the job's recruiter").isEqualTo(recruiter.id());
		assertThat(placement.get("status").asString()).isEqualTo("ACTIVE");

		assertThat(mvc.get().uri("/api/v1/placements/{id}", id).with(as(owner))).as("the owner views it").hasStatusOk();
		assertThat(patch(id, owner, json("{'version': %d, 'type': 'PERMANENT'}".formatted(version(placement)))))
			.as("spec 03: account managers do not change placements")
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult noDate = patch(id, teamRecruiter,
				json("{'version': %d, 'status': 'FALLOFF'}".formatted(version(placement))));
		assertThat(errorFields(noDate)).containsExactly("falloffDate");
		assertThat(errorMessage(noDate, "falloffDate")).isEqualTo("is required when the placement fell off");
		MvcTestResult fellOff = patch(id, teamRecruiter,
				json("{'version': %d, 'status': 'FALLOFF', 'falloffDate': '%s'}".formatted(version(placement),
						TestClock.today())));
		assertThat(fellOff).hasStatusOk();
		assertThat(body(fellOff).get("falloffDate").asString()).isEqualTo(TestClock.today().toString());

		MvcTestResult back = patch(id, teamRecruiter,
				json("{'version': %d, 'status': 'ACTIVE'}".formatted(version(body(fellOff)))));
		assertThat(back).hasStatusOk();
		assertThat(body(back).get("falloffDate").isNull()).as("the falloff date goes with the status").isTrue();

		JsonNode ofJob = body(
				mvc.get().uri("/api/v1/placements?jobId={j}", job.id()).with(as(teamRecruiter)).exchange());
		assertThat(ofJob.get("total").asLong()).isEqualTo(1);
		JsonNode ofAccount = body(
				mvc.get().uri("/api/v1/placements?accountId={a}", account.id()).with(as(teamRecruiter)).exchange());
		assertThat(ofAccount.get("items").get(0).get("candidateName").asString()).isEqualTo("Ana Ruiz");
		assertThat(mvc.delete().uri("/api/v1/placements/{id}", id).with(as(teamRecruiter)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/v1/placements/{id}", id).with(as(fixtures.executive())))
			.hasStatus(HttpStatus.NO_CONTENT);
	}

	@Test
	void badPlacementInputIsRefusedNamingTheField() {
		CurrentUser executive = fixtures.executive();
		AccountDetails account = fixtures.accounts().account(null);
		JobView job = fixtures.openJob(account);
		String today = TestClock.today().toString();

		assertThat(errorFields(post(executive,
				json("{'candidateName': 'X', 'type': 'CONTRACT', 'startDate': '%s'}".formatted(today)))))
			.containsExactly("jobId");
		assertThat(errorFields(post(executive, json("{'jobId': %d}".formatted(job.id())))))
			.containsExactly("candidateName", "startDate", "type");
		assertThat(errorFields(
				post(executive, json("{'jobId': %d, 'candidateName': 'X', 'type': 'FREELANCE', 'startDate': '%s'}"
					.formatted(job.id(), today)))))
			.containsExactly("type");
		assertThat(errorFields(post(executive,
				json("{'jobId': %d, 'candidateName': 'X', 'type': 'CONTRACT', 'startDate': '%s', 'endDate': '%s'}"
					.formatted(job.id(), today, TestClock.today().minusDays(1))))))
			.containsExactly("endDate");
		assertThat(errorFields(post(executive,
				json("{'jobId': %d, 'candidateName': 'X', 'type': 'CONTRACT', 'startDate': '%s', 'falloffDate': '%s'}"
					.formatted(job.id(), today, today)))))
			.containsExactly("falloffDate");
		assertThat(errorFields(post(executive,
				json("{'jobId': %d, 'candidateName': 'X', 'type': 'CONTRACT', 'startDate': '%s', 'status': 'COMPLETED'}"
					.formatted(job.id(), today)))))
			.containsExactly("endDate");
		assertThat(errorFields(post(executive, json(
				"{'jobId': %d, 'candidateName': 'X', 'type': 'CONTRACT', 'startDate': '%s', 'recruiterId': 999999999}"
					.formatted(job.id(), today)))))
			.containsExactly("recruiterId");

		JobView cancelled = fixtures.job(account, StaffingFixtures.cancelledJob("Paused search",
				TestClock.today().minusDays(20), TestClock.today().minusDays(2)));
		MvcTestResult onCancelled = post(executive,
				json("{'jobId': %d, 'candidateName': 'X', 'type': 'CONTRACT', 'startDate': '%s'}"
					.formatted(cancelled.id(), today)));
		assertThat(errorFields(onCancelled)).containsExactly("jobId");
		assertThat(post(executive, json(
				"{'jobId': 999999999, 'candidateName': 'X', 'type': 'CONTRACT', 'startDate': '%s'}".formatted(today))))
			.hasStatus(HttpStatus.NOT_FOUND);

		PlacementView placement = fixtures.placement(job, StaffingFixtures.started("Sam Lee", TestClock.today()));
		assertThat(errorFields(patch(placement.id(), executive,
				json("{'version': %d, 'jobId': %d}".formatted(placement.stamp().version(), job.id())))))
			.containsExactly("jobId");
	}

	@Test
	void aStalePatchIsAConflictAndOnlyTheTeamRecordsPlacementsNotTheOwningAccountManager() {
		CurrentUser owner = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(owner);
		CurrentUser teamRecruiter = fixtures.accounts().user(Role.RECRUITER);
		fixtures.accounts().onTeam(account, teamRecruiter);
		JobView job = fixtures.openJob(account);
		PlacementView placement = fixtures.placement(job,
				StaffingFixtures.started("Kai Tanaka", TestClock.today().minusDays(1)));
		long read = placement.stamp().version();

		assertThat(patch(placement.id(), teamRecruiter, json("{'version': %d, 'type': 'PERMANENT'}".formatted(read))))
			.hasStatusOk();
		assertThat(patch(placement.id(), teamRecruiter,
				json("{'version': %d, 'candidateName': 'Kai T.'}".formatted(read))))
			.hasStatus(HttpStatus.CONFLICT);
		JsonNode now = body(mvc.get().uri("/api/v1/placements/{id}", placement.id()).with(as(owner)).exchange());
		assertThat(now.get("type").asString()).isEqualTo("PERMANENT");
		assertThat(now.get("candidateName").asString()).isEqualTo("Kai Tanaka");

		assertThat(post(owner,
				json("{'jobId': %d, 'candidateName': 'X', 'type': 'CONTRACT', 'startDate': '%s'}".formatted(job.id(),
						TestClock.today()))))
			.as("spec 03: the owner only views placements")
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(patch(placement.id(), owner, json("{'version': %d, 'candidateName': 'Y'}".formatted(read + 1))))
			.hasStatus(HttpStatus.FORBIDDEN);
		CurrentUser otherManager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		assertThat(post(otherManager, json("{'jobId': %d, 'candidateName': 'X', 'type': 'CONTRACT', 'startDate': '%s'}"
			.formatted(job.id(), TestClock.today())))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(
				patch(placement.id(), otherManager, json("{'version': %d, 'candidateName': 'Y'}".formatted(read + 1))))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	private MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/placements")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/placements/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static long version(JsonNode record) {
		return record.get("stamp").get("version").asLong();
	}

}
