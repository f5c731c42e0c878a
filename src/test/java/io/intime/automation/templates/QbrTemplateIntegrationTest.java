package io.intime.automation.templates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
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
import io.intime.accounts.ContractView;
import io.intime.accounts.Influence;
import io.intime.accounts.ServiceLineForm;
import io.intime.accounts.StakeholderRole;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.qbr.QbrFinalization;
import io.intime.qbr.QbrItems;
import io.intime.qbr.QbrQuarter;
import io.intime.qbr.QbrScheduleForm;
import io.intime.qbr.QbrScheduling;
import io.intime.qbr.QbrView;
import io.intime.qbr.Qbrs;
import io.intime.workflows.ActionResult;
import io.intime.workflows.RunStatus;
import io.intime.workflows.RunView;
import io.intime.workflows.StartRun;
import io.intime.workflows.StepStatus;
import io.intime.workflows.WorkflowRuns;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QBR template on real PostgreSQL and the scheduler: the quarter's metrics computed
 * for the pre-QBR form, the deck drafted, the client's survey through their link, the
 * meeting step completed by finalizing the QBR on its page, the action items sent as a
 * PDF the client acknowledges, and the debrief.
 */
@IntegrationTest
class QbrTemplateIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkflowRuns runs;

	@Autowired
	QbrScheduling scheduling;

	@Autowired
	Qbrs qbrs;

	@Autowired
	QbrItems items;

	@Autowired
	QbrFinalization finalization;

	@Autowired
	QbrActionItems actionItems;

	AccountFixtures fixtures;

	TemplateRuns driver;

	CurrentUser am;

	AccountDetails account;

	ContactView sponsor;

	ContractView contract;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		driver = new TemplateRuns(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		account = fixtures.account(am);
		String tag = AccountFixtures.unique("s").toLowerCase();
		sponsor = context.getBean(ContactManagement.class)
			.create(account.id(), new ContactForm("Mark Johnson", "CTO", "mark." + tag + "@client.example", null,
					"America/New_York", StakeholderRole.EXECUTIVE, Influence.HIGH, true), fixtures.executive());
		contract = context.getBean(ContractManagement.class)
			.create(account.id(),
					new ContractForm(ContractType.MSA, AccountFixtures.unique("MSA"), today.minusMonths(6),
							today.plusMonths(6), ContractStatus.ACTIVE, "Net 30", "USD",
							List.of(new ServiceLineForm("Contract staffing", new BigDecimal("250000")))),
					fixtures.executive());
	}

	@Test
	void aQbrRunsFromItsMetricsToTheAcknowledgedActionItemsAndItsMeetingStepEndsWhenTheQbrIsFinalized()
			throws Exception {
		QbrView qbr = scheduling.schedule(new QbrScheduleForm(null, account.id(), QbrQuarter.of(today).code(), null,
				null, today.plusDays(1), LocalTime.of(10, 0), 60, "America/New_York", null, null, null, List.of(),
				List.of(sponsor.id())), am);
		long runId = runs.startBySystem(StartRun.of(SpecTemplates.QBR, account.id()).withQbr(qbr.id())).id();

		// the quarter's figures, under the pre-QBR form's own keys
		RunView run = driver.awaitStep(runId, "pre-qbr-data", StepStatus.ACTIVE);
		assertThat(run.step("pre-qbr-data").assigneeUserId()).isEqualTo(am.id());
		assertThat(run.step("qbr-prepare").data()).containsEntry("arr", "250000.00")
			.containsEntry("renewal-date", contract.endDate().plusDays(1).toString())
			.containsEntry("support-tickets", "0")
			.containsEntry("qbrPage", "/qbrs/" + qbr.id());
		assertThat(run.events()).extracting(RunView.EventView::detail)
			.contains("The QBR's page makes the deck: /qbrs/" + qbr.id(), "Escalations this quarter: 0")
			.anySatisfy(
					line -> assertThat(line).startsWith(QbrQuarter.of(today).label() + " review of " + account.name()))
			.anySatisfy(line -> assertThat(line).startsWith("Placements: "));

		driver.submit(runId, "pre-qbr-data", am, Map.of("renewal-date", contract.endDate().plusDays(1).toString(),
				"arr", "250000", "support-tickets", "0", "key-wins", "Filled the data team in 21 days"));
		run = driver.awaitStep(runId, "qbr-presentation", StepStatus.ACTIVE);
		assertThat(run.events()).extracting(RunView.EventView::detail)
			.anySatisfy(
					line -> assertThat(line).matches("(Deck drafted: .*\\.pptx \\(\\d+ KB\\)|No deck drafted: .*)"));
		driver.standIn(runId, "qbr-presentation", "QBR deck uploaded");
		driver.clientSubmits(sponsor.email(), "Client pre-QBR survey",
				Map.of("overall-satisfaction", "Very satisfied", "top-priorities", "Scale the data team"));
		run = driver.get(runId);
		assertThat(run.step("qbr-meeting").status()).isEqualTo(StepStatus.ACTIVE);

		// the meeting is held and the QBR finalized on its page: the step is done
		items.add(qbr.id(), new QbrItems.ItemForm(QbrItems.Kind.ACTION, "Share the Q1 hiring plan", null, sponsor.id(),
				today.plusDays(14)), am);
		items.add(qbr.id(),
				new QbrItems.ItemForm(QbrItems.Kind.DECISION, "Keep the monthly pipeline review", null, null, null),
				am);
		finalization.finalizeQbr(qbr.id(), qbrs.get(qbr.id(), am).version(), am);
		run = driver.awaitStep(runId, "action-items-ack", StepStatus.ACTIVE);
		assertThat(run.step("qbr-meeting").actedBy()).isEqualTo("InTime");
		assertThat(run.events()).extracting(RunView.EventView::detail)
			.contains(
					"QBR meeting completion: the " + qbr.quarter().label()
							+ " QBR was finalized on its page (1 action item)",
					"1 action item and 1 decision written to QBR-Action-Items-" + account.name() + "-"
							+ qbr.quarter().code() + ".pdf");

		// the action items the client acknowledges, as a PDF
		ActionResult written = actionItems.run(driver.context(run, "qbr-action-items",
				Map.of("account-manager", am.id()), Map.of("client-stakeholder", sponsor.id()), am));
		byte[] pdf = written.files().get(0).content();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains(account.name(), "Share the Q1 hiring plan",
					"Mark Johnson", "Keep the monthly pipeline review");
		}
		assertThat(AnnualRenewalTemplateIntegrationTest.screenshot(pdf, "qbr-action-items")).exists();

		driver.clientAcknowledges(sponsor.email(), "Action items acknowledgement");
		driver.submit(runId, "internal-debrief", am, Map.of());
		run = driver.awaitStatus(runId, RunStatus.COMPLETED);
		assertThat(run.step("action-items-ack").data()).containsEntry("acknowledged", true);
	}

}
