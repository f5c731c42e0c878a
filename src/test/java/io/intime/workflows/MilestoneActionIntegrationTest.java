package io.intime.workflows;

import java.time.Duration;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.Role;
import io.intime.workflows.WorkflowTemplates.ActionChoice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The milestone action through a run on the real scheduler: an admin's template of two
 * milestones runs to its end, each writing one line on the timeline with the step's name
 * and the account's.
 */
@IntegrationTest
class MilestoneActionIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkflowTemplates templates;

	@Autowired
	WorkflowRuns runs;

	@Test
	void eachMilestoneWritesOneLineNamingTheStepAndTheAccount() throws InterruptedException {
		assertThat(templates.actions())
			.contains(new ActionChoice("workflow.milestone", "Record a milestone on the run's timeline"));
		templates.ensure(new BuiltInTemplate("milestone-test", "Milestones", "Two milestones.", "By hand",
				new TemplateDefinition(List.of(new RoleDef("am", "Account Manager", false, "ACCOUNT_MANAGER")),
						List.of(StepDef.automated("kickoff", "Kickoff held", "workflow.milestone"),
								StepDef.automated("live", "Live in production", "workflow.milestone")))));
		AccountFixtures fixtures = new AccountFixtures(context);
		AccountDetails account = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER));

		RunView run = runs.startBySystem(StartRun.of("milestone-test", account.id()));
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (run.status() != RunStatus.COMPLETED && System.nanoTime() < deadline) {
			Thread.sleep(250);
			run = runs.view(run.id());
		}

		assertThat(run.status()).as("run %d: %s", run.id(), run.events()).isEqualTo(RunStatus.COMPLETED);
		assertThat(run.events().stream().filter(e -> e.kind().equals("LOG")).map(e -> e.stepKey() + ": " + e.detail()))
			.containsExactly("kickoff: Milestone reached: Kickoff held (" + account.name() + ")",
					"live: Milestone reached: Live in production (" + account.name() + ")");
		assertThat(run.step("kickoff").status()).isEqualTo(StepStatus.DONE);
		assertThat(run.step("live").actedBy()).isEqualTo("InTime");
	}

}
