package io.intime.staffing.web;

import java.time.LocalDate;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.staffing.JobForm;
import io.intime.staffing.JobManagement;
import io.intime.staffing.JobPriority;
import io.intime.staffing.JobStatus;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementManagement;
import io.intime.staffing.StaffingFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.intime.Api.as;
import static io.intime.staffing.StaffingFixtures.fellOff;
import static io.intime.staffing.StaffingFixtures.filledJob;
import static io.intime.staffing.StaffingFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Account 360's Jobs tab and the job and placement forms. */
@IntegrationTest
class JobsPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JobManagement jobs;

	@Autowired
	PlacementManagement placements;

	StaffingFixtures fixtures;

	/** The fixtures' users work in New York; pages count days in the user's time zone. */
	final LocalDate today = StaffingFixtures.today();

	@BeforeEach
	void setUp() {
		fixtures = new StaffingFixtures(context);
	}

	@Test
	void theJobsTabShowsTheHeadlineOpenJobsPlacementsWithFalloffsAndClosedJobs() throws Exception {
		CurrentUser owner = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(owner);
		JobView open = fixtures.openJob(account);
		JobView filled = fixtures.job(account,
				filledJob("Frontend Developer", today.minusDays(50), today.minusDays(20)));
		fixtures.placement(filled, started("Ana Ruiz", today.minusDays(12)));
		var fell = fixtures.placement(filled, fellOff("Leila Costa", today.minusDays(30), today.minusDays(9)));

		Document tab = page(mvc.perform(get("/accounts/{id}/jobs", account.id()).with(as(owner)))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(tab.selectFirst("#tab-jobs").hasClass("active")).isTrue();
		assertThat(tab.selectFirst("#account-name").text()).isEqualTo(account.name());
		assertThat(tab.selectFirst("#stat-open-jobs").text()).isEqualTo("1");
		assertThat(tab.selectFirst("#stat-hires").text()).isEqualTo("1");
		assertThat(tab.selectFirst("#stat-last-hire-title").text()).isEqualTo("Frontend Developer");
		assertThat(tab.selectFirst("#stat-days-since-hire").text()).isEqualTo("12 days ago");
		assertThat(tab.selectFirst("#stat-falloffs").text()).isEqualTo("1");
		assertThat(tab.select("#open-jobs-table tr.job-row .job-title").eachText()).containsExactly(open.title());
		assertThat(tab.selectFirst("#job-" + open.id()).text()).contains("10")
			.contains("$85/hr")
			.contains("Unassigned");
		assertThat(tab.select("#closed-jobs-table tr.job-row .job-title").eachText())
			.containsExactly("Frontend Developer");
		assertThat(tab.selectFirst("#placement-" + fell.id()).hasClass("falloff")).isTrue();
		assertThat(tab.selectFirst("#placement-" + fell.id()).text()).contains("Fell off");
		assertThat(tab.select("#new-job, #new-placement, tr.job-row a.button, form.submit-one"))
			.as("spec 03: the owning account manager views jobs but does not open or change them")
			.isEmpty();
		mvc.perform(get("/accounts/{id}/jobs/new", account.id()).with(as(owner))).andExpect(status().isForbidden());

		CurrentUser recruiter = fixtures.accounts().user(Role.RECRUITER);
		fixtures.accounts().onTeam(account, recruiter);
		Document team = page(mvc.perform(get("/accounts/{id}/jobs", account.id()).with(as(recruiter)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(team.select("#new-job")).hasSize(1);

		CurrentUser finance = fixtures.accounts().user(Role.FINANCE);
		Document readOnly = page(mvc.perform(get("/accounts/{id}/jobs", account.id()).with(as(finance))).andReturn());
		assertThat(readOnly.select("#new-job, #new-placement, tr.job-row a.button")).isEmpty();
		mvc.perform(get("/accounts/{id}/jobs/new", account.id()).with(as(finance))).andExpect(status().isForbidden());
	}

	@Test
	void aWrongFieldIsShownBesideItAndTheInputIsKept() throws Exception {
		CurrentUser owner = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.accounts().user(Role.RECRUITER);
		AccountDetails account = fixtures.accounts().account(owner);
		fixtures.accounts().onTeam(account, recruiter);

		mvc.perform(post("/accounts/{id}/jobs/new", account.id()).with(as(owner))
			.param("title", "Data Engineer")
			.param("status", "OPEN")
			.param("priority", "HIGH")
			.param("openedOn", today.toString())
			.param("submissions", "0")
			.param("version", "0")).andExpect(status().isForbidden());
		assertThat(jobs.forAccount(account.id(), owner)).as("spec 03: account managers do not open jobs").isEmpty();

		Document form = page(mvc
			.perform(post("/accounts/{id}/jobs/new", account.id()).with(as(recruiter))
				.param("title", "Data Engineer")
				.param("status", "OPEN")
				.param("priority", "HIGH")
				.param("openedOn", today.toString())
				.param("billRate.amount", "95")
				.param("billRate.currency", "XYZ")
				.param("submissions", "0")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());

		assertThat(form.selectFirst("[data-field='billRate.amount']").hasClass("has-error")).isTrue();
		assertThat(form.selectFirst("[data-field='billRate.amount'] .field-error").text())
			.contains("'XYZ' is not an ISO 4217 currency");
		assertThat(form.selectFirst("#title").attr("value")).isEqualTo("Data Engineer");
		assertThat(jobs.forAccount(account.id(), recruiter)).isEmpty();

		Document typo = page(mvc
			.perform(post("/accounts/{id}/jobs/new", account.id()).with(as(recruiter))
				.param("title", "Data Engineer")
				.param("status", "OPEN")
				.param("priority", "HIGH")
				.param("openedOn", "yesterday")
				.param("submissions", "0")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(typo.selectFirst("[data-field=openedOn] .field-error").text())
			.isEqualTo("'yesterday' is not a date (YYYY-MM-DD)");

		MvcResult saved = mvc
			.perform(post("/accounts/{id}/jobs/new", account.id()).with(as(recruiter))
				.param("title", "Data Engineer")
				.param("status", "OPEN")
				.param("priority", "HIGH")
				.param("openedOn", today.toString())
				.param("billRate.amount", "95")
				.param("billRate.currency", "usd")
				.param("submissions", "0")
				.param("version", "0"))
			.andReturn();
		JobView job = jobs.forAccount(account.id(), recruiter).get(0);
		assertThat(saved.getResponse().getRedirectedUrl())
			.isEqualTo("/accounts/" + account.id() + "/jobs#job-" + job.id());
		assertThat(job.billRate().currency()).isEqualTo("USD");
	}

	@Test
	void aStaleSaveShowsTheirChangeBesideMineAndKeepsTheirs() throws Exception {
		CurrentUser owner = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.accounts().user(Role.RECRUITER);
		AccountDetails account = fixtures.accounts().account(owner);
		fixtures.accounts().onTeam(account, recruiter);
		JobView job = fixtures.openJob(account);
		jobs.update(job.id(), new JobForm(job.title(), job.department(), JobStatus.OPEN, JobPriority.URGENT,
				job.openedOn(), null, null, null, null, 2), job.stamp().version(), fixtures.executive());

		mvc.perform(get("/accounts/{id}/jobs/{jid}/edit", account.id(), job.id()).with(as(owner)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/accounts/{id}/jobs/{jid}/edit", account.id(), job.id()).with(as(owner))
			.param("title", job.title())
			.param("department", job.department())
			.param("status", "OPEN")
			.param("priority", "LOW")
			.param("openedOn", job.openedOn().toString())
			.param("submissions", "0")
			.param("version", String.valueOf(job.stamp().version() + 1))).andExpect(status().isForbidden());

		Document page = page(mvc
			.perform(post("/accounts/{id}/jobs/{jid}/edit", account.id(), job.id()).with(as(recruiter))
				.param("title", job.title())
				.param("department", job.department())
				.param("status", "OPEN")
				.param("priority", "LOW")
				.param("openedOn", job.openedOn().toString())
				.param("submissions", "0")
				.param("version", String.valueOf(job.stamp().version())))
			.andExpect(status().isConflict())
			.andReturn());

		assertThat(page.selectFirst(".conflict").text()).contains("Someone else changed this");
		assertThat(page.selectFirst("[data-conflict-field=priority] .theirs").text()).isEqualTo("Urgent");
		assertThat(page.selectFirst("[data-conflict-field=priority] .yours").text()).isEqualTo("Low");
		assertThat(page.selectFirst("#save-job").text()).isEqualTo("Save mine anyway");
		assertThat(jobs.get(job.id(), recruiter).priority()).isEqualTo(JobPriority.URGENT);
	}

	@Test
	void aPlacementIsRecordedFromTheTabAndAFalloffNeedsItsDate() throws Exception {
		CurrentUser owner = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.accounts().user(Role.RECRUITER);
		AccountDetails account = fixtures.accounts().account(owner);
		fixtures.accounts().onTeam(account, recruiter);
		JobView job = fixtures.openJob(account);
		mvc.perform(get("/accounts/{id}/placements/new", account.id()).param("jobId", String.valueOf(job.id()))
			.with(as(recruiter))).andExpect(status().isOk());

		Document missing = page(mvc
			.perform(post("/accounts/{id}/placements/new", account.id()).with(as(recruiter))
				.param("jobId", String.valueOf(job.id()))
				.param("candidateName", "Omar Haddad")
				.param("type", "CONTRACT")
				.param("startDate", today.minusDays(20).toString())
				.param("status", "FALLOFF")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(missing.selectFirst("[data-field=falloffDate] .field-error").text())
			.isEqualTo("is required when the placement fell off");

		mvc.perform(post("/accounts/{id}/placements/new", account.id()).with(as(recruiter))
			.param("jobId", String.valueOf(job.id()))
			.param("candidateName", "Omar Haddad")
			.param("type", "CONTRACT")
			.param("startDate", today.minusDays(20).toString())
			.param("status", "FALLOFF")
			.param("falloffDate", today.minusDays(2).toString())
			.param("version", "0")).andExpect(status().is3xxRedirection());
		assertThat(placements.forAccount(account.id(), recruiter)).singleElement()
			.satisfies(p -> assertThat(p.falloffDate()).isEqualTo(today.minusDays(2)));

		mvc.perform(get("/accounts/{id}/placements/new", account.id()).with(as(owner)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/accounts/{id}/jobs/{jid}/submissions", account.id(), job.id()).with(as(owner)))
			.andExpect(status().isForbidden());
		assertThat(jobs.get(job.id(), owner).submissions()).as("spec 03: account managers do not record submissions")
			.isZero();
		mvc.perform(post("/accounts/{id}/jobs/{jid}/submissions", account.id(), job.id()).with(as(recruiter)))
			.andExpect(redirectedUrl("/accounts/" + account.id() + "/jobs#job-" + job.id()));
		assertThat(jobs.get(job.id(), recruiter).submissions()).isEqualTo(1);
		mvc.perform(get("/accounts/{id}/jobs/{jid}/edit", fixtures.accounts().account(null).id(), job.id())
			.with(as(fixtures.executive()))).andExpect(status().isNotFound());
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
