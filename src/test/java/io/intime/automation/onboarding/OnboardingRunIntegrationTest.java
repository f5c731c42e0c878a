package io.intime.automation.onboarding;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContactManagement;
import io.intime.identity.CurrentUser;
import io.intime.workflows.RunView;
import io.intime.workflows.StartRun;
import io.intime.workflows.StepStatus;
import io.intime.workflows.WorkflowRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The onboarding automation as the engine runs it on the scheduler: a run started by the
 * system on a prospect just won goes through its sixteen steps to the end, each with its
 * log line in the run's timeline; a step whose action fails is retried, then shown as
 * failed with its error, and the run goes on from it once resumed.
 */
@IntegrationTest
class OnboardingRunIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkflowRuns runs;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ContactManagement contacts;

	@Autowired
	JdbcClient jdbc;

	OnboardingFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new OnboardingFixtures(context);
	}

	@Test
	void aRunStartedByTheSystemDoesAllSixteenStepsOnTheScheduler() throws Exception {
		OnboardingFixtures.Won won = fixtures.won(200);
		RunView started = runs
			.startBySystem(StartRun.of("onboarding", won.account().id()).withContract(won.contract().id()));
		assertThat(started.ownerId()).isEqualTo(won.am().id());

		RunView done = await(started.id(), won.am(),
				run -> run.steps().stream().allMatch(s -> s.status() == StepStatus.DONE), Duration.ofMinutes(3));
		assertThat(done.steps()).hasSize(16);
		assertThat(done.finishedSteps()).isEqualTo(16);
		assertThat(log(done, "client-status"))
			.containsExactly("Status PROSPECT → ACTIVE; relationship started " + TestClock.today());
		assertThat(log(done, "welcome-email")).singleElement()
			.asString()
			.startsWith("Welcome email to Jane Doe <" + won.jane().email() + ">");
		assertThat(log(done, "assign-am")).singleElement()
			.asString()
			.startsWith("Task 'Assign an account manager to " + won.account().name() + "' for ");
		assertThat(log(done, "health-report")).singleElement().asString().startsWith("Health report PDF (");
		assertThat(log(done, "duplicate-contacts")).singleElement()
			.asString()
			.startsWith("Merged 1 duplicate contact into Jane Doe");
		// every step logged what it did; the timeline is kept for reading
		StringBuilder timeline = new StringBuilder();
		for (RunView.StepView step : done.steps()) {
			assertThat(log(done, step.key())).as(step.name()).isNotEmpty();
			log(done, step.key()).forEach(line -> timeline.append(step.position() + 1)
				.append(". ")
				.append(step.name())
				.append(": ")
				.append(line)
				.append('\n'));
		}
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
		java.nio.file.Files.writeString(java.nio.file.Path.of("target", "screenshots", "onboarding-run-timeline.txt"),
				timeline);
		// the steps' data is there for later steps and the run's page
		assertThat(done.step("contract-status").data()).containsEntry("contractNumber", won.contract().number());
		assertThat(accounts.get(won.account().id(), won.am()).status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(contacts.forAccount(won.account().id(), won.am())).extracting(c -> c.name())
			.containsExactlyInAnyOrder("Jane Doe", "Omar Finch");
	}

	@Test
	void aFailingStepIsRetriedThenShownFailedAndTheRunResumesFromIt() {
		OnboardingFixtures.Won bare = fixtures.won(200, false);
		RunView started = runs.startBySystem(StartRun.of("onboarding", bare.account().id()));
		String error = bare.account().name() + " has no contract: record the signed contract, then resume the run";
		// each retry waits longer (30 s, then 60 s): the test brings them forward
		long stepId = started.step("contract-status").id();
		await(started.id(), bare.am(), run -> run.step("contract-status").attempts() == 1, Duration.ofSeconds(60));
		retryNow(stepId);
		await(started.id(), bare.am(), run -> run.step("contract-status").attempts() == 2, Duration.ofSeconds(60));
		retryNow(stepId);
		RunView failed = await(started.id(), bare.am(),
				run -> run.step("contract-status").status() == StepStatus.FAILED, Duration.ofSeconds(60));
		RunView.StepView step = failed.step("contract-status");
		assertThat(step.attempts()).isEqualTo(3);
		assertThat(step.error()).isEqualTo(error);
		assertThat(failed.step("retrieve-profile").status()).isEqualTo(StepStatus.DONE);
		assertThat(failed.step("health-score").status()).isEqualTo(StepStatus.PENDING);
		assertThat(failed.events()).filteredOn(e -> "contract-status".equals(e.stepKey()))
			.extracting(RunView.EventView::kind)
			.containsSubsequence("RETRY", "RETRY", "FAILED");

		// the contract is recorded; the owner resumes the run
		var contract = fixtures.contract(bare.account(), TestClock.today().minusDays(1),
				TestClock.today().plusDays(364));
		runs.resume(started.id(), bare.am());
		RunView done = await(started.id(), bare.am(),
				run -> run.steps().stream().allMatch(s -> s.status() == StepStatus.DONE), Duration.ofMinutes(3));
		assertThat(log(done, "contract-status")).singleElement()
			.asString()
			.startsWith("Contract " + contract.number() + " ACTIVE");
		assertThat(done.step("contract-status").error()).isNull();
	}

	/**
	 * Makes the step's waiting retry due now (moving the clock instead would move every
	 * scheduled task of the test JVM with it).
	 */
	private void retryNow(long stepId) {
		jdbc.sql("""
				update scheduled_tasks set execution_time = ?
				where task_name = 'workflows.automated' and task_instance like ? and not picked""")
			.params(java.sql.Timestamp.from(TestClock.now()), "step-" + stepId + "-%")
			.update();
	}

	/** The log lines a step wrote in the run's timeline, oldest first. */
	private static List<String> log(RunView run, String stepKey) {
		return run.events()
			.stream()
			.filter(e -> stepKey.equals(e.stepKey()) && "LOG".equals(e.kind()))
			.map(RunView.EventView::detail)
			.toList();
	}

	private RunView await(long runId, CurrentUser reader, Predicate<RunView> condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		RunView run = runs.get(runId, reader);
		while (!condition.test(run)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The run did not get there in " + timeout + ": "
						+ run.steps()
							.stream()
							.map(s -> s.key() + "=" + s.status() + (s.error() == null ? "" : " (" + s.error() + ")"))
							.toList());
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
			run = runs.get(runId, reader);
		}
		return run;
	}

}
