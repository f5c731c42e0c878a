package io.intime.staffing.web;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
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
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/v1/recruiters: profiles managed by recruiting managers, read by everyone, with
 * workload.
 */
@IntegrationTest
class RecruiterApiIntegrationTest {

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
	void aRecruitingManagerCreatesAProfileThatEveryoneReadsWithItsWorkload() {
		CurrentUser manager = fixtures.accounts().user(Role.RECRUITING_MANAGER);
		CurrentUser recruiterUser = fixtures.accounts().user(Role.RECRUITER);

		MvcTestResult created = post(manager,
				json("""
						{'userId': %d, 'specialties': ['Cloud & DevOps', ' Frontend ', 'frontend', ''], 'industries': ['Technology / SaaS'],
						 'maxActiveJobs': 4}"""
					.formatted(recruiterUser.id())));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode profile = body(created);
		long id = profile.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/recruiters/" + id);
		assertThat(profile.get("name").asString()).isEqualTo(recruiterUser.fullName());
		assertThat(profile.get("active").asBoolean()).isTrue();
		assertThat(profile.get("specialties").toString()).as("trimmed, blanks and repeats dropped")
			.isEqualTo("[\"Cloud & DevOps\",\"Frontend\"]");

		AccountDetails account = fixtures.accounts().account(null);
		fixtures.job(account, new io.intime.staffing.JobForm("SRE", null, io.intime.staffing.JobStatus.OPEN,
				io.intime.staffing.JobPriority.HIGH, io.intime.TestClock.today(), null, null, null, id, 0));
		JsonNode read = body(mvc.get()
			.uri("/api/v1/recruiters/{id}", id)
			.with(as(fixtures.accounts().user(Role.FINANCE)))
			.exchange());
		assertThat(read.get("activeJobs").asInt()).isEqualTo(1);
		assertThat(read.get("utilisationPercent").asInt()).isEqualTo(25);

		MvcTestResult changed = patch(id, manager, json("{'version': %d, 'maxActiveJobs': 2, 'industries': ['Fintech']}"
			.formatted(read.get("stamp").get("version").asLong())));
		assertThat(changed).hasStatusOk();
		assertThat(body(changed).get("utilisationPercent").asInt()).isEqualTo(50);
		assertThat(body(changed).get("industries").toString()).isEqualTo("[\"Fintech\"]");

		JsonNode list = body(mvc.get().uri("/api/v1/recruiters?q=fintech").with(as(recruiterUser)).exchange());
		java.util.List<String> names = new java.util.ArrayList<>();
		list.get("items").forEach(item -> names.add(item.get("name").asString()));
		assertThat(names).contains(recruiterUser.fullName());

		assertThat(mvc.delete().uri("/api/v1/recruiters/{id}", id).with(as(manager))).as("it has a job on record")
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void onlyRecruitingManagersExecutivesAndAdminsManageProfilesAndBadInputNamesTheField() {
		CurrentUser manager = fixtures.accounts().user(Role.RECRUITING_MANAGER);
		CurrentUser recruiterUser = fixtures.accounts().user(Role.RECRUITER);
		String body = json("{'userId': %d, 'maxActiveJobs': 10}".formatted(recruiterUser.id()));

		assertThat(post(fixtures.accounts().user(Role.ACCOUNT_MANAGER), body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(recruiterUser, body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(fixtures.accounts().user(Role.SALES_DIRECTOR), body)).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(errorFields(post(manager, json("{'maxActiveJobs': 10}")))).containsExactly("userId");
		assertThat(errorFields(post(manager, json("{'userId': %d, 'maxActiveJobs': 0}".formatted(recruiterUser.id())))))
			.containsExactly("maxActiveJobs");
		assertThat(errorFields(
				post(manager, json("{'userId': %d, 'maxActiveJobs': 'many'}".formatted(recruiterUser.id())))))
			.containsExactly("maxActiveJobs");
		assertThat(errorFields(post(manager,
				json("{'userId': %d, 'maxActiveJobs': 5}".formatted(fixtures.accounts().user(Role.FINANCE).id())))))
			.containsExactly("userId");

		assertThat(post(manager, body)).hasStatus(HttpStatus.CREATED);
		MvcTestResult again = post(fixtures.accounts().user(Role.ADMIN), body);
		assertThat(again).hasStatus(HttpStatus.CONFLICT);
		assertThat(errorFields(again)).containsExactly("userId");
	}

	@Test
	void aStalePatchIsAConflictAndTheUserOfAProfileNeverChanges() {
		RecruiterView recruiter = fixtures.recruiter(12);
		CurrentUser admin = fixtures.accounts().user(Role.ADMIN);
		long read = recruiter.stamp().version();
		assertThat(patch(recruiter.id(), admin, json("{'version': %d, 'active': false}".formatted(read))))
			.hasStatusOk();
		assertThat(patch(recruiter.id(), admin, json("{'version': %d, 'maxActiveJobs': 20}".formatted(read))))
			.hasStatus(HttpStatus.CONFLICT);
		JsonNode now = body(mvc.get().uri("/api/v1/recruiters/{id}", recruiter.id()).with(as(admin)).exchange());
		assertThat(now.get("active").asBoolean()).isFalse();
		assertThat(now.get("maxActiveJobs").asInt()).isEqualTo(12);
		assertThat(errorFields(
				patch(recruiter.id(), admin, json("{'version': %d, 'userId': %d}".formatted(read + 1, admin.id())))))
			.containsExactly("userId");
		AccountDetails account = fixtures.accounts().account(null);
		MvcTestResult inactive = mvc.post()
			.uri("/api/v1/jobs")
			.with(as(fixtures.executive()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(
					"{'accountId': %d, 'title': 'Analyst', 'recruiterId': %d}".formatted(account.id(), recruiter.id())))
			.exchange();
		assertThat(errorFields(inactive)).as("an inactive recruiter is not available").containsExactly("recruiterId");
	}

	private MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/recruiters")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/recruiters/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
