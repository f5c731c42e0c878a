package io.intime.automation.onboarding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.intime.IntegrationTest;
import io.intime.SentMails;
import io.intime.TestClock;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContactManagement;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.NpsManagement;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskQuery;
import io.intime.tasks.TaskView;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.BuiltInTemplate;
import io.intime.workflows.StepType;
import io.intime.workflows.WorkflowAction;
import io.intime.workflows.WorkflowTemplates;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sixteen onboarding actions on real PostgreSQL, each run through its
 * {@code run(context)} as the engine runs it, on a prospect just won: what each finds and
 * does (its log line with the real figures), and that running it again changes nothing
 * more (no second task, note or email).
 */
@IntegrationTest
class OnboardingActionsIntegrationTest {

	/** The fixture accounts' time zone. */
	static final java.time.ZoneId DENVER = java.time.ZoneId.of("America/Denver");

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ContactManagement contacts;

	@Autowired
	ActivityManagement activities;

	@Autowired
	NpsManagement nps;

	@Autowired
	TaskManagement tasks;

	@Autowired
	List<WorkflowAction> actions;

	@Autowired
	List<BuiltInTemplate> builtIns;

	@Autowired
	WorkflowTemplates templates;

	OnboardingFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new OnboardingFixtures(context);
	}

	private WorkflowAction action(String key) {
		return actions.stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
	}

	private ActionResult run(String key, ActionContext context) {
		return action(key).run(context);
	}

	@Test
	void theTemplateHasSpec04sSixteenAutomatedStepsInOrder() {
		BuiltInTemplate onboarding = builtIns.stream()
			.filter(t -> t.key().equals("onboarding"))
			.findFirst()
			.orElseThrow();
		assertThat(onboarding.name()).isEqualTo("Client onboarding");
		assertThat(onboarding.trigger()).isEqualTo("First contract signed");
		assertThat(onboarding.definition().steps()).hasSize(16).allMatch(s -> s.type() == StepType.AUTOMATED);
		assertThat(onboarding.definition().steps()).extracting(s -> s.name())
			.containsExactly("Retrieve Client Profile", "Check Contract Status", "Calculate Account Health Score",
					"Sum Total Contract Value", "Assign Account Manager", "Onboarding Checklist Task",
					"Create Account Activity Log", "Welcome Email to Client", "Update Client Status",
					"Quarterly Business Review (QBR) Setup", "Fetch Support Ticket History",
					"Calculate Days Since Last Contact", "Urgent Renewal Alert", "Update Account Revenue Forecast",
					"Monthly Account Health Report", "Remove Duplicate Contact");
		assertThat(onboarding.definition().roles()).extracting(r -> r.key() + "=" + r.binding())
			.containsExactly("account-manager=ACCOUNT_MANAGER", "sales-ops=SALES_DIRECTOR",
					"success-team=ACCOUNT_MANAGER");
		// created on start, valid against the actions the system has
		assertThat(templates.byKey("onboarding")).hasValueSatisfying(t -> assertThat(t.steps()).isEqualTo(16));
	}

	@Test
	void theProfileContractHealthAndValueStepsStateWhatTheyFound() {
		OnboardingFixtures.Won won = fixtures.won(200);
		ActionResult profile = run(RetrieveProfile.KEY, won.context("retrieve-profile"));
		assertThat(profile.log().get(0)).startsWith(won.account().name() + " (" + won.account().key() + "): PROSPECT")
			.contains("Logistics", "850 employees", "Denver, CO", "account manager " + won.am().fullName(),
					"3 active contacts");
		assertThat(profile.data()).containsEntry("status", "PROSPECT").containsEntry("ownerId", won.am().id());

		ActionResult contract = run(CheckContractStatus.KEY, won.context("contract-status"));
		assertThat(contract.log().get(0)).isEqualTo("Contract " + won.contract().number() + " ACTIVE, "
				+ won.contract().startDate() + " → " + won.contract().endDate() + " (MSA, Net 30): in force, ends in "
				+ won.contract().daysToEnd(TestClock.today()) + " days");
		assertThat(contract.data()).containsEntry("inForce", true);

		ActionResult score = run(CalculateHealthScore.KEY, won.context("health-score"));
		assertThat(score.log().get(0)).matches("Health score \\d+ \\((Healthy|At Risk|Critical)\\): .*")
			.contains("Issue Frequency 0/10");
		assertThat(score.data()).containsKey("score");

		ActionResult value = run(SumContractValue.KEY, won.context("contract-value"));
		assertThat(value.log().get(0)).startsWith("Total contract value USD ")
			.contains("over 3 active service lines in 1 contract (annual value USD 540,000)");
	}

	@Test
	void anAccountWithoutAContractFailsTheContractCheckSayingSo() {
		OnboardingFixtures.Won bare = fixtures.won(0, false);
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> run(CheckContractStatus.KEY, bare.context("contract-status"))))
			.hasMessage(bare.account().name() + " has no contract: record the signed contract, then resume the run");
	}

	@Test
	void theTasksAreMadeOnceForTheirRolesEvenWhenAStepRunsTwice() {
		OnboardingFixtures.Won won = fixtures.won(200);
		ActionContext first = won.context("assign-am");
		ActionResult assign = run(AssignAccountManagerTask.KEY, first);
		String assignTitle = "Assign an account manager to " + won.account().name();
		assertThat(assign.log().get(0))
			.startsWith("Task '" + assignTitle + "' for " + won.salesOps().fullName() + " (Sales Director), due ");
		ActionResult again = run(AssignAccountManagerTask.KEY, first);
		assertThat(again.log().get(0)).contains("was made before (#" + assign.data().get("taskId"))
			.endsWith("not made again");
		// a resumed run or a second run of the step finds it too
		run(AssignAccountManagerTask.KEY, won.context("assign-am"));

		run(OnboardingChecklistTask.KEY, won.context("onboarding-checklist"));
		run(OnboardingChecklistTask.KEY, won.context("onboarding-checklist"));
		ActionResult qbr = run(QbrSetupTask.KEY, won.context("qbr-setup"));
		run(QbrSetupTask.KEY, won.context("qbr-setup"));

		List<TaskView> all = tasks.search(new TaskQuery(null, won.account().id(), null, null, null, 0, 200), won.am())
			.items();
		assertThat(all).filteredOn(t -> t.title().equals(assignTitle)).singleElement().satisfies(t -> {
			assertThat(t.assigneeId()).isEqualTo(won.salesOps().id());
			assertThat(t.recordType()).isEqualTo("workflow_run");
			assertThat(t.recordId()).isEqualTo(first.runId());
			assertThat(t.notes()).contains("Its account manager is " + won.am().fullName());
		});
		assertThat(all).filteredOn(t -> t.title().equals("Onboarding checklist: " + won.account().name()))
			.singleElement()
			.satisfies(t -> {
				assertThat(t.assigneeId()).isEqualTo(won.am().id());
				assertThat(t.notes()).contains("- [ ] Hold the kickoff call", "- [ ] Confirm the first QBR date");
			});
		String qbrTitle = "Schedule the QBR with " + won.account().name();
		assertThat(
				jdbc.sql("select count(*) from task_series where title = ? and rrule like 'FREQ=MONTHLY;INTERVAL=3%'")
					.param(qbrTitle)
					.query(Integer.class)
					.single())
			.isEqualTo(1);
		TaskView qbrTask = all.stream().filter(t -> t.title().equals(qbrTitle)).findFirst().orElseThrow();
		assertThat(qbrTask.seriesId()).isNotNull();
		assertThat(qbrTask.dueDate().getDayOfMonth()).isLessThanOrEqualTo(3);
		assertThat(qbrTask.dueDate().getMonthValue() % 3).isEqualTo(1);
		assertThat(qbr.log().get(0))
			.startsWith(
					"Recurring quarterly task '" + qbrTitle + "' for " + won.am().fullName() + " (Account Manager): ")
			.contains("first due " + qbrTask.dueDate());
	}

	@Test
	void theActivityLogEntryTheWelcomeEmailAndTheStatusHappenOnce() throws Exception {
		OnboardingFixtures.Won won = fixtures.won(200);
		ActionContext log = won.context("activity-log");
		ActionResult note = run(CreateActivityLog.KEY, log);
		assertThat(note.log().get(0)).startsWith("Activity log entry 'Client onboarding started' (#");
		run(CreateActivityLog.KEY, log);
		assertThat(jdbc
			.sql("select count(*) from activity where account_id = ? and type = 'NOTE' and subject = ?"
					+ " and 'onboarding' = any(tags)")
			.params(won.account().id(), "Client onboarding started")
			.query(Integer.class)
			.single()).isEqualTo(1);

		ActionResult welcome = run(WelcomeEmail.KEY, won.context("welcome-email"));
		String subject = "Welcome to InTime, " + won.account().name();
		assertThat(welcome.log().get(0)).isEqualTo("Welcome email to Jane Doe <" + won.jane().email() + "> from "
				+ won.am().fullName() + ": '" + subject + "'");
		assertThat(run(WelcomeEmail.KEY, won.context("welcome-email")).log().get(0)).endsWith("not sent again");
		assertThat(jdbc.sql("select count(*) from client_email where to_email = ? and subject = ?")
			.params(won.jane().email(), subject)
			.query(Integer.class)
			.single()).isEqualTo(1);
		MimeMessage mail = SentMails.await(jdbc, won.jane().email(), subject);
		String text = SentMails.find(mail, "text/plain").getContent().toString();
		assertThat(text).startsWith("Hi Jane,")
			.contains("Thank you for choosing us as " + won.account().name() + "'s staffing partner",
					"I am " + won.am().fullName() + ", your account manager")
			.doesNotContain("{{");
		assertThat(mail.getFrom()[0].toString()).contains(won.am().fullName());

		// the days since the last contact name the welcome email and the contact before
		// it
		ActionResult last = run(DaysSinceLastContact.KEY,
				won.contextAfter("days-since-contact", Map.of("welcome-email", welcome.data())));
		java.time.LocalDate callDay = java.time.LocalDate.ofInstant(won.call().occurredAt(), DENVER);
		assertThat(last.log()).containsExactly("Last contact today (" + TestClock.today(DENVER)
				+ ", the welcome email); before it: 12 days ago (" + callDay + ", call with jane  doe)");

		ActionResult status = run(ActivateAccount.KEY, won.context("client-status"));
		// the test clock stands at noon UTC: the same day in Denver
		assertThat(status.log().get(0))
			.isEqualTo("Status PROSPECT → ACTIVE; relationship started " + TestClock.today());
		assertThat(accounts.get(won.account().id(), won.am()).status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(run(ActivateAccount.KEY, won.context("client-status")).log())
			.containsExactly("Status already ACTIVE: unchanged");
	}

	@Test
	void theChurnScanLastContactAndForecastReadTheAccountsRecords() {
		OnboardingFixtures.Won won = fixtures.won(200);
		ActionResult scan = run(EscalationHistoryScan.KEY, won.context("support-history"));
		assertThat(scan.log().get(0)).startsWith("1 escalation in the last 12 months, 1 open (P1): churn risk — "
				+ won.escalation().key() + " P1 open: Late submittals for the data engineer roles");
		assertThat(scan.data()).containsEntry("churnRisk", true);

		ActionResult last = run(DaysSinceLastContact.KEY, won.context("days-since-contact"));
		java.time.LocalDate day = java.time.LocalDate.ofInstant(won.call().occurredAt(), DENVER);
		long ago = java.time.temporal.ChronoUnit.DAYS.between(day, TestClock.today(DENVER));
		assertThat(ago).isEqualTo(12);
		assertThat(last.log()).containsExactly("Last contact 12 days ago (" + day + ", call with jane  doe)");

		ActionResult alert = run(UrgentRenewalAlert.KEY, won.context("renewal-alert"));
		assertThat(alert.log()).containsExactly("Contract " + won.contract().number() + " ends in 200 days ("
				+ won.contract().endDate() + "): no alert (alerts go out 30 days before the end)");

		ActionResult forecast = run(RevenueForecastUpdate.KEY, won.context("revenue-forecast"));
		assertThat(forecast.log().get(0))
			.startsWith("Forecast ARR USD 540,000: the revenue ledger records USD 540,000");
		assertThat(run(RevenueForecastUpdate.KEY, won.context("revenue-forecast")).log().get(0))
			.contains("already up to date with the contracts");
	}

	@Test
	void aContractEndingWithin30DaysTextsTheAccountManagerOnce() {
		OnboardingFixtures.Won won = fixtures.won(20);
		ActionResult alert = run(UrgentRenewalAlert.KEY, won.context("renewal-alert"));
		assertThat(alert.log()).containsExactly("Contract " + won.contract().number() + " ends in 20 days ("
				+ won.contract().endDate() + "): SMS to " + won.am().fullName());
		run(UrgentRenewalAlert.KEY, won.context("renewal-alert"));
		assertThat(jdbc
			.sql("select count(*) from notification where kind = 'automation.expiry-sms' and recipient_id = ?"
					+ " and record_id = ?")
			.params(won.am().id(), won.contract().id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theHealthReportIsAPdfWithTheAccountsFigures() throws Exception {
		OnboardingFixtures.Won won = fixtures.won(200);
		run(CalculateHealthScore.KEY, won.context("health-score"));
		ActionResult report = run(MonthlyHealthReport.KEY, won.context("health-report"));
		assertThat(report.files()).singleElement().satisfies(file -> {
			assertThat(file.contentType()).isEqualTo("application/pdf");
			assertThat(file.filename()).startsWith("health-report-" + won.account().key() + "-");
		});
		byte[] pdf = report.files().get(0).content();
		String text;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(report.log().get(0)).startsWith("Health report PDF (" + document.getNumberOfPages() + " page");
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
		render(pdf, "onboarding-health-report");
		assertThat(text).contains(won.account().name(), "MONTHLY ACCOUNT HEALTH REPORT", "Score components",
				"Issue Frequency", "Engagement", "Activities, last 30 days", "Last contact", "12 days ago",
				"NPS, 90 days", "Usage: staffing", "Open jobs", "Placements, 90 days", "Data Engineer", "Billing",
				"Average days to pay", "USD 18,500", won.contract().number(), "USD 540,000", won.escalation().key(),
				"Late submittals for the data engineer roles");
	}

	@Test
	void duplicateContactsAreMergedIntoTheOldestWithTheirHistory() {
		OnboardingFixtures.Won won = fixtures.won(200);
		ActionResult merged = run(DuplicateContactCleanup.KEY, won.context("duplicate-contacts"));
		assertThat(merged.log()).singleElement()
			.asString()
			.startsWith("Merged 1 duplicate contact into Jane Doe ('jane  doe' #" + won.twin().id() + ": same name): ")
			.contains("activity.contact_ids 1", "nps_response.contact_id 1")
			.endsWith("Jane Doe gained title, phone");
		assertThat(jdbc.sql("select count(*) from contact where id = ?")
			.param(won.twin().id())
			.query(Integer.class)
			.single()).isZero();
		var jane = contacts.get(won.jane().id(), won.am());
		assertThat(jane.title()).isEqualTo("VP Engineering");
		assertThat(jane.phone()).isEqualTo("+1 (303) 555-0100");
		assertThat(activities.get(won.call().id(), won.am()).contactIds()).containsExactly(won.jane().id());
		assertThat(nps.get(won.answer().id(), won.am()).contactId()).isEqualTo(won.jane().id());
		assertThat(contacts.forAccount(won.account().id(), won.am())).extracting(c -> c.name())
			.containsExactlyInAnyOrder("Jane Doe", "Omar Finch");
		assertThat(run(DuplicateContactCleanup.KEY, won.context("duplicate-contacts")).log())
			.containsExactly("No duplicate contacts among 2 contacts");
	}

	@Test
	void everyActionIsDeclaredWithItsKey() {
		List<String> keys = new ArrayList<>();
		for (var step : OnboardingTemplate.definition().steps()) {
			keys.add(step.action());
		}
		assertThat(keys).containsExactly("onboarding.retrieve-profile", "onboarding.contract-status",
				"onboarding.health-score", "onboarding.contract-value", "onboarding.assign-am-task",
				"onboarding.checklist-task", "onboarding.activity-log", "onboarding.welcome-email",
				"onboarding.activate-account", "onboarding.qbr-task", "onboarding.escalation-scan",
				"onboarding.days-since-contact", "onboarding.renewal-alert", "onboarding.revenue-forecast",
				"onboarding.health-report", "onboarding.duplicate-contacts");
		Map<String, WorkflowAction> byKey = new java.util.HashMap<>();
		actions.forEach(a -> byKey.put(a.key(), a));
		assertThat(byKey.keySet()).containsAll(keys);
	}

	/** Renders the PDF's pages to target/screenshots at a size one can read. */
	static void render(byte[] pdf, String prefix) throws Exception {
		Path folder = Path.of("target", "screenshots");
		Files.createDirectories(folder);
		Path file = folder.resolve(prefix + ".pdf");
		Files.write(file, pdf);
		Process process = new ProcessBuilder("pdftoppm", "-png", "-r", "100", file.toString(),
				folder.resolve(prefix).toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
	}

}
