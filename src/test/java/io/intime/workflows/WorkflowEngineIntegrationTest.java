package io.intime.workflows;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.intime.IntegrationTest;
import io.intime.SentMails;
import io.intime.TestProbes.FlakyAction;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine on real PostgreSQL and the real scheduler, through a template with every
 * kind of step people act on ({@link WorkflowTestTemplates}): a form refused by the
 * field, a sequential approval whose rejection returns to the form, a client's survey
 * through the emailed link (opening it changes nothing), a decision that loops back,
 * automated steps that log, fail, retry, fail for good and resume, a To-Do finished from
 * My tasks, version checks, and who may see and act.
 */
@IntegrationTest
class WorkflowEngineIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkflowRuns runs;

	@Autowired
	ClientParticipation clients;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	AccountFixtures fixtures;

	CurrentUser am;

	CurrentUser finance;

	CurrentUser director;

	AccountDetails account;

	ContactView client;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		finance = fixtures.user(Role.FINANCE);
		director = fixtures.user(Role.SALES_DIRECTOR);
		account = fixtures.account(am);
		String tag = AccountFixtures.unique("c").toLowerCase();
		client = context.getBean(ContactManagement.class)
			.create(account.id(), AccountFixtures.contactForm("Jane Buyer", "jane." + tag + "@client.example"), am);
	}

	private RunView start() {
		return runs.start(new StartRun("test-flow", null, account.id(), null, null, null, null, null,
				Map.of("client", client.id()), Map.of("finance", finance.id(), "director", director.id()), null), am);
	}

	@Test
	void aRunGoesThroughFormsApprovalsTheClientsLinkADecisionAndAutomatedSteps() throws Exception {
		FlakyAction.failures.set(0);
		RunView run = start();
		assertThat(run.status()).isEqualTo(RunStatus.ACTIVE);
		assertThat(run.title()).isEqualTo("Test flow — " + account.name());
		RunView.StepView intake = run.step("intake");
		assertThat(intake.status()).isEqualTo(StepStatus.ACTIVE);
		assertThat(intake.assigneeUserId()).isEqualTo(am.id());
		// the internal step is in the account manager's My tasks
		assertThat(jdbc
			.sql("select count(*) from task where record_type = 'workflow_step' and record_id = ? and assignee_id = ?")
			.params(intake.id(), am.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// a required field left empty is named, on the page (422) and by the service
		MvcTestResult refused = mvc.post()
			.uri("/workflows/steps/{id}/submit", intake.id())
			.with(as(am))
			.param("version", String.valueOf(intake.version()))
			.param("f.arr", "abc")
			.exchange();
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		Document page = Jsoup.parse(refused.getResponse().getContentAsString());
		assertThat(page.select("[data-field=renewal-date] .field-error").text()).isEqualTo("is required");
		assertThat(page.select("[data-field=arr] .field-error").text()).contains("must be a number");
		assertThat(page.select("[data-field=arr] input").val()).isEqualTo("abc");

		run = runs.submit(intake.id(), Map.of("renewal-date", "2027-03-31", "arr", "500000"), intake.version(), am);
		assertThat(run.step("intake").status()).isEqualTo(StepStatus.DONE);
		assertThat(run.step("intake").data()).containsEntry("arr", "500000")
			.containsEntry("renewal-date", "2027-03-31");
		// the task was finished with the step
		assertThat(jdbc.sql("select status from task where record_type = 'workflow_step' and record_id = ?")
			.param(intake.id())
			.query(String.class)
			.single()).isEqualTo("DONE");

		// a stale version is refused: someone acted first
		long stale = intake.version();
		assertThatThrownBy(() -> runs.submit(intake.id(), Map.of("renewal-date", "2027-03-31", "arr", "1"), stale, am))
			.isInstanceOf(StaleVersionException.class);

		// sequential approval: finance first; the director may not act yet
		RunView.StepView pricing = run.step("pricing");
		assertThat(pricing.assigneeUserId()).isEqualTo(finance.id());
		assertThatThrownBy(
				() -> runs.approve(pricing.id(), true, null, Map.of("discount", "5"), pricing.version(), director))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(
				() -> runs.approve(pricing.id(), true, null, Map.of("discount", "70"), pricing.version(), finance))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("discount");
		run = runs.approve(pricing.id(), true, "fine", Map.of("discount", "10"), pricing.version(), finance);
		RunView.StepView second = run.step("pricing");
		assertThat(second.status()).isEqualTo(StepStatus.ACTIVE);
		assertThat(second.assigneeUserId()).isEqualTo(director.id());
		// a rejection needs a reason, then returns the run to the intake form
		assertThatThrownBy(() -> runs.approve(second.id(), false, " ", Map.of(), second.version(), director))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("comment");
		run = runs.approve(second.id(), false, "Discount too deep", Map.of(), second.version(), director);
		assertThat(run.step("intake").status()).isEqualTo(StepStatus.ACTIVE);
		assertThat(run.step("pricing").status()).isEqualTo(StepStatus.PENDING);
		assertThat(run.events()).anySatisfy(
				e -> assertThat(e.detail()).contains("rejected by " + director.fullName(), "Discount too deep"));

		// round two: both approve
		RunView.StepView again = run.step("intake");
		run = runs.submit(again.id(), Map.of("renewal-date", "2027-03-31", "arr", "520000"), again.version(), am);
		RunView.StepView p2 = run.step("pricing");
		run = runs.approve(p2.id(), true, null, Map.of("discount", "5"), p2.version(), finance);
		p2 = run.step("pricing");
		run = runs.approve(p2.id(), true, null, Map.of("discount", "5"), p2.version(), director);
		assertThat(run.step("pricing").status()).isEqualTo(StepStatus.DONE);

		// the client's survey: a link by email; opening it changes nothing
		RunView.StepView survey = run.step("survey");
		assertThat(survey.status()).isEqualTo(StepStatus.ACTIVE);
		assertThat(survey.assigneeContactId()).isEqualTo(client.id());
		String token = linkIn(SentMails.await(jdbc, client.email(), "Client survey"));
		MvcTestResult opened = mvc.get().uri("/client/{t}", token).exchange();
		assertThat(opened).hasStatusOk();
		Document clientPage = Jsoup.parse(opened.getResponse().getContentAsString());
		assertThat(clientPage.select("#client-step").text()).isEqualTo("Client survey");
		assertThat(clientPage.text()).doesNotContain("Discount too deep", "520000", am.fullName());
		assertThat(runs.get(run.id(), am).step("survey").version()).isEqualTo(survey.version());
		// a tampered token is refused with a clear page
		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		MvcTestResult bad = mvc.get().uri("/client/{t}", tampered).exchange();
		assertThat(bad).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(bad).bodyText().contains("This link is not valid");
		// the client leaves the required answer empty, then answers
		MvcTestResult empty = mvc.post().uri("/client/{t}/submit", token).with(csrfOnly()).exchange();
		assertThat(empty).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(Jsoup.parse(empty.getResponse().getContentAsString())
			.select("[data-field=satisfaction] .field-error")
			.text()).isEqualTo("is required");
		MvcTestResult answered = mvc.post()
			.uri("/client/{t}/submit", token)
			.with(csrfOnly())
			.param("f.satisfaction", "Satisfied")
			.header("User-Agent", "JUnit browser")
			.exchange();
		assertThat(answered).hasStatusOk();
		assertThat(answered).bodyText().contains("Thank you");
		run = runs.get(run.id(), am);
		assertThat(run.step("survey").status()).isEqualTo(StepStatus.DONE);
		assertThat(run.step("survey").actedBy()).isEqualTo("Jane Buyer");
		assertThat(run.events()).anySatisfy(e -> assertThat(e.detail()).contains("JUnit browser"));
		// the used link now says it is done
		assertThat(mvc.get().uri("/client/{t}", token).exchange()).bodyText().contains("This step is complete");

		// the decision loops back to pricing, then goes on
		RunView.StepView choice = run.step("choice");
		run = runs.decide(choice.id(), "again", Map.of(), choice.version(), am);
		assertThat(run.step("pricing").status()).isEqualTo(StepStatus.ACTIVE);
		assertThat(run.step("survey").status()).isEqualTo(StepStatus.PENDING);
		RunView.StepView p3 = run.step("pricing");
		run = runs.approve(p3.id(), true, null, Map.of("discount", "5"), p3.version(), finance);
		p3 = run.step("pricing");
		run = runs.approve(p3.id(), true, null, Map.of("discount", "5"), p3.version(), director);
		String token2 = newLink(client.email(), "Client survey", token);
		clients.submit(token2, Map.of("satisfaction", "Very satisfied"), "203.0.113.9", "JUnit");
		choice = runs.get(run.id(), am).step("choice");
		FlakyAction.failures.set(1);
		run = runs.decide(choice.id(), "on", Map.of(), choice.version(), am);

		// the automated steps run on the scheduler: the note logs what the intake gave;
		// the
		// flaky one fails once, is retried and passes
		RunView done = awaitStep(run.id(), "wrap", StepStatus.ACTIVE);
		assertThat(done.step("note").status()).isEqualTo(StepStatus.DONE);
		assertThat(done.step("note").data()).containsEntry("seen", "520000");
		assertThat(done.events()).anySatisfy(e -> assertThat(e.detail()).isEqualTo("Intake ARR 520000, attempt 1"));
		assertThat(done.events()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("RETRY"));
		assertThat(done.step("flaky").attempts()).isEqualTo(1);

		// the To-Do is finished from My tasks
		Long taskId = jdbc.sql("select task_id from workflow_step where id = ?")
			.param(done.step("wrap").id())
			.query(Long.class)
			.single();
		var tasks = context.getBean(io.intime.tasks.TaskManagement.class);
		tasks.complete(taskId, tasks.get(taskId, am).version(), am);
		RunView completed = await(run.id(), r -> r.status() == RunStatus.COMPLETED);
		assertThat(completed.step("wrap").status()).isEqualTo(StepStatus.DONE);
		assertThat(completed.completedAt()).isNotNull();
	}

	@Test
	void anAutomatedStepThatKeepsFailingIsShownFailedUntilResumed() throws Exception {
		RunView run = start();
		RunView.StepView intake = run.step("intake");
		run = runs.submit(intake.id(), Map.of("renewal-date", "2027-01-31", "arr", "1000"), intake.version(), am);
		for (int i = 0; i < 2; i++) {
			RunView.StepView p = run.step("pricing");
			run = runs.approve(p.id(), true, null, Map.of("discount", "0"), p.version(), i == 0 ? finance : director);
		}
		clients.submit(linkIn(SentMails.await(jdbc, client.email(), "Client survey")),
				Map.of("satisfaction", "Satisfied"), "198.51.100.1", "JUnit");
		RunView.StepView choice = runs.get(run.id(), am).step("choice");
		FlakyAction.failures.set(100);
		runs.decide(choice.id(), "on", Map.of(), choice.version(), am);
		RunView failed = awaitStep(run.id(), "flaky", StepStatus.FAILED);
		assertThat(failed.step("flaky").attempts()).isEqualTo(3);
		assertThat(failed.step("flaky").error()).isEqualTo("the provider did not answer");
		assertThat(failed.status()).isEqualTo(RunStatus.ACTIVE);
		// the owner is told
		assertThat(jdbc.sql("select count(*) from notification where kind = ? and recipient_id = ?")
			.params(WorkflowNotices.STEP_FAILED, am.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		// the page offers to resume; another account manager may not see the run at all
		assertThat(mvc.get().uri("/workflows/runs/{id}", run.id()).with(as(am)).exchange()).bodyText()
			.contains("Failed after 3 attempts", "Resume from this step");
		// another account manager reads it (they see every account) but neither acts nor
		// manages
		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		assertThat(mvc.get().uri("/workflows/runs/{id}", run.id()).with(as(other)).exchange()).bodyText()
			.doesNotContain("Resume from this step");
		assertThat(mvc.post().uri("/workflows/runs/{id}/resume", run.id()).with(as(other)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		fixtures.onTeam(account, recruiter);
		assertThat(mvc.get().uri("/workflows/runs/{id}", run.id()).with(as(recruiter)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(runs.list(recruiter, false, false)).isEmpty();

		FlakyAction.failures.set(0);
		assertThat(mvc.post().uri("/workflows/runs/{id}/resume", run.id()).with(as(am)).exchange())
			.hasStatus(HttpStatus.FOUND);
		RunView resumed = awaitStep(run.id(), "wrap", StepStatus.ACTIVE);
		assertThat(resumed.step("flaky").status()).isEqualTo(StepStatus.DONE);
	}

	@Test
	void anExpiredOrWithdrawnLinkIsRefusedWithAClearPage() throws Exception {
		RunView run = start();
		RunView.StepView intake = run.step("intake");
		run = runs.submit(intake.id(), Map.of("renewal-date", "2027-01-31", "arr", "1000"), intake.version(), am);
		for (int i = 0; i < 2; i++) {
			RunView.StepView p = run.step("pricing");
			run = runs.approve(p.id(), true, null, Map.of("discount", "0"), p.version(), i == 0 ? finance : director);
		}
		String token = linkIn(SentMails.await(jdbc, client.email(), "Client survey"));
		jdbc.sql("update workflow_link set expires_at = ? where token_hash = ?")
			.params(java.sql.Timestamp.from(io.intime.TestClock.now().minusSeconds(60)), ClientLinks.sha256(token))
			.update();
		MvcTestResult expired = mvc.get().uri("/client/{t}", token).exchange();
		assertThat(expired).hasStatus(HttpStatus.GONE);
		assertThat(expired).bodyText().contains("This link has expired");
		MvcTestResult post = mvc.post()
			.uri("/client/{t}/submit", token)
			.with(csrfOnly())
			.param("f.satisfaction", "Satisfied")
			.exchange();
		assertThat(post).hasStatus(HttpStatus.GONE);
		assertThat(runs.get(run.id(), am).step("survey").status()).isEqualTo(StepStatus.ACTIVE);

		// the owner sends a new link, then withdraws it
		runs.resendLink(run.id(), am);
		String fresh = newLink(client.email(), "Reminder: Client survey", token);
		assertThat(mvc.get().uri("/client/{t}", fresh).exchange()).hasStatusOk();
		runs.revokeLinks(run.id(), am);
		assertThat(mvc.get().uri("/client/{t}", fresh).exchange()).bodyText().contains("This link was withdrawn");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor csrfOnly() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
	}

	/** The link in the latest such email once it is not {@code previous}. */
	private String newLink(String to, String subject, String previous) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		String token = linkIn(SentMails.await(jdbc, to, subject));
		while (token.equals(previous) && System.nanoTime() < deadline) {
			Thread.sleep(300);
			token = linkIn(SentMails.await(jdbc, to, subject));
		}
		assertThat(token).isNotEqualTo(previous);
		return token;
	}

	static String linkIn(MimeMessage message) throws Exception {
		Object content = message.getContent();
		String text = content instanceof String s ? s : bodyText(message);
		Matcher matcher = Pattern.compile("/client/([A-Za-z0-9_.-]+)").matcher(text);
		assertThat(matcher.find()).as("a client link in: " + text).isTrue();
		return matcher.group(1);
	}

	private static String bodyText(MimeMessage message) throws Exception {
		var part = SentMails.find(message, "text/plain");
		return part == null ? "" : new String(part.getInputStream().readAllBytes(), "UTF-8");
	}

	private RunView awaitStep(long runId, String key, StepStatus status) throws InterruptedException {
		return await(runId, r -> r.step(key).status() == status);
	}

	private RunView await(long runId, java.util.function.Predicate<RunView> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		CurrentUser admin = fixtures.user(Role.ADMIN);
		RunView run = runs.get(runId, admin);
		while (!condition.test(run) && System.nanoTime() < deadline) {
			Thread.sleep(250);
			run = runs.get(runId, admin);
		}
		assertThat(condition).as("run %d: %s", runId, run.events()).accepts(run);
		return run;
	}

	Map<String, String> map(String... kv) {
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			map.put(kv[i], kv[i + 1]);
		}
		return map;
	}

	List<String> none() {
		return List.of();
	}

}
