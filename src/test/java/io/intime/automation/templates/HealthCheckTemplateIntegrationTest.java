package io.intime.automation.templates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.Influence;
import io.intime.accounts.ServiceLineForm;
import io.intime.accounts.StakeholderRole;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.workflows.RunStatus;
import io.intime.workflows.RunView;
import io.intime.workflows.StartRun;
import io.intime.workflows.StepStatus;
import io.intime.workflows.WorkflowRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Client Health Check template on real PostgreSQL and the scheduler: the snapshot of
 * the account's health and renewal, the CSM's trigger details (a required dropdown left
 * empty is named), the client's survey through their link (its champion by default), the
 * risk assessment, the meeting, the client's acknowledgement of the action plan and the
 * follow-up.
 */
@IntegrationTest
class HealthCheckTemplateIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkflowRuns runs;

	AccountFixtures fixtures;

	TemplateRuns driver;

	CurrentUser am;

	AccountDetails account;

	ContactView champion;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		driver = new TemplateRuns(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		account = fixtures.account(am);
		String tag = AccountFixtures.unique("h").toLowerCase();
		ContactManagement contacts = context.getBean(ContactManagement.class);
		contacts.create(account.id(), new ContactForm("Olivia Grant", "CFO", "olivia." + tag + "@client.example", null,
				"America/Chicago", StakeholderRole.FINANCE, Influence.MEDIUM, true), fixtures.executive());
		champion = contacts.create(account.id(),
				new ContactForm("Leo Park", "Head of Talent", "leo." + tag + "@client.example", null, "America/Chicago",
						StakeholderRole.CHAMPION, Influence.HIGH, true),
				fixtures.executive());
		context.getBean(ContractManagement.class)
			.create(account.id(),
					new ContractForm(ContractType.MSA, AccountFixtures.unique("MSA"), today.minusMonths(9),
							today.plusDays(44), ContractStatus.ACTIVE, "Net 30", "USD",
							List.of(new ServiceLineForm("Contract staffing", new BigDecimal("180000")))),
					fixtures.executive());
	}

	@Test
	void aHealthCheckGoesFromTheSnapshotThroughTheClientsSurveyToTheFollowUp() throws Exception {
		long runId = runs.startBySystem(StartRun.of(SpecTemplates.HEALTH_CHECK, account.id())).id();

		RunView run = driver.awaitStep(runId, "trigger-details", StepStatus.ACTIVE);
		assertThat(run.step("health-snapshot").data()).containsEntry("days-to-renewal", "45");
		assertThat(run.events()).extracting(RunView.EventView::detail)
			.anySatisfy(line -> assertThat(line).startsWith("Renewal of MSA-")
				.endsWith(" in 45 days (" + today.plusDays(45) + ")"))
			.contains("Escalations in the last 90 days: 0");

		RunView.StepView trigger = run.step("trigger-details");
		assertThatThrownBy(() -> runs.submit(trigger.id(), Map.of("current-health", "Purple"), trigger.version(), am))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("trigger-reason: is required")
			.hasMessageContaining("current-health: must be one of Red, Yellow, Green");
		driver.submit(runId, "trigger-details", am,
				Map.of("trigger-reason", "Key contact change", "current-health", "Yellow", "days-to-renewal", "45"));

		// the champion answers, not the first contact of the account
		assertThat(driver.get(runId).step("satisfaction-survey").assigneeContactId()).isEqualTo(champion.id());
		driver.clientSubmits(champion.email(), "Client satisfaction survey", Map.of("overall-satisfaction",
				"Dissatisfied", "could-improve", "Faster shortlists for data roles", "working-well", "Quality"));
		driver.submit(runId, "risk-assessment", am, Map.of("risk-level", "High", "primary-risk-factors",
				"New CFO; slow shortlists", "recommended-intervention", "Weekly pipeline call with the CFO"));
		driver.submit(runId, "health-check-meeting", am, Map.of());
		driver.clientAcknowledges(champion.email(), "Action plan acknowledgement");
		driver.submit(runId, "follow-up", am, Map.of());

		run = driver.awaitStatus(runId, RunStatus.COMPLETED);
		assertThat(run.step("satisfaction-survey").data()).containsEntry("overall-satisfaction", "Dissatisfied")
			.containsEntry("could-improve", "Faster shortlists for data roles");
		assertThat(run.step("risk-assessment").data()).containsEntry("risk-level", "High");
		assertThat(run.step("action-plan-ack").data()).containsEntry("acknowledged", true);
	}

}
