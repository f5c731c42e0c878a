package io.intime.automation.templates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.SentMails;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;
import io.intime.billing.CreditMemoKind;
import io.intime.billing.CreditMemoView;
import io.intime.billing.CreditMemos;
import io.intime.billing.InvoiceForm;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceStatus;
import io.intime.billing.InvoiceView;
import io.intime.escalations.EscalationCategory;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationView;
import io.intime.escalations.Severity;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.web.MoneyInput;
import io.intime.workflows.RunStatus;
import io.intime.workflows.RunView;
import io.intime.workflows.StartRun;
import io.intime.workflows.StepStatus;
import io.intime.workflows.WorkflowRuns;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Billing Dispute Resolution template on real PostgreSQL and the scheduler: the
 * client's intake through their link, finance's investigation and approval, the decision
 * emailed to the client by the finance lead, the client adding information and escalating
 * (an escalation raised, finance reviewing again), accepting (a credit memo on the
 * invoice, which then owes less), acknowledging (the dispute closed); a denial issues no
 * memo.
 */
@IntegrationTest
class BillingDisputeTemplateIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkflowRuns runs;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	CreditMemos memos;

	@Autowired
	EscalationManagement escalations;

	@Autowired
	JdbcClient jdbc;

	AccountFixtures fixtures;

	TemplateRuns driver;

	CurrentUser am;

	CurrentUser finance;

	AccountDetails account;

	ContactView payables;

	InvoiceView invoice;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		driver = new TemplateRuns(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		finance = fixtures.user(Role.FINANCE);
		account = fixtures.account(am);
		String tag = AccountFixtures.unique("ap").toLowerCase();
		payables = context.getBean(ContactManagement.class)
			.create(account.id(),
					new ContactForm("Priya Raman", "Accounts Payable Lead", "priya." + tag + "@client.example", null,
							"America/Chicago", StakeholderRole.FINANCE, Influence.MEDIUM, true),
					fixtures.executive());
		InvoiceView issued = invoices
			.create(account.id(),
					new InvoiceForm(AccountFixtures.unique("INV"), today.minusDays(20), today.plusDays(10),
							new MoneyInput(new BigDecimal("12000.00"), "USD"), InvoiceStatus.OPEN, null, null),
					finance);
		invoice = invoices.dispute(issued.id(), "Week 42 billed twice", issued.stamp().version(), am);
	}

	private long start() {
		return runs
			.startBySystem(new StartRun(SpecTemplates.BILLING_DISPUTE, null, account.id(), null, null, null,
					invoice.id(), null, Map.of("client", payables.id()), Map.of("finance-lead", finance.id()), null))
			.id();
	}

	/** Intake, documents and investigation, up to finance's approval. */
	private void toApproval(long runId) throws Exception {
		driver.clientSubmits(payables.email(), "Dispute intake form",
				Map.of("invoice-number", invoice.number(), "disputed-amount", "2400", "dispute-category",
						"Duplicate charge", "description", "Week 42 appears twice on the invoice",
						"expected-resolution", "Credit the duplicate week"));
		driver.standIn(runId, "supporting-documents", "Invoice copy uploaded");
		driver.submit(runId, "investigation", finance, Map.of());
	}

	@Test
	void aDisputeEndsWithACreditMemoOnTheInvoiceAfterTheClientAddsInformationEscalatesAndAccepts() throws Exception {
		long runId = start();
		toApproval(runId);
		// a resolution needs its type and rationale
		RunView.StepView approval = driver.get(runId).step("resolution-approval");
		assertThatThrownBy(() -> runs.approve(approval.id(), true, null, Map.of("resolution-type", "Credit"),
				approval.version(), finance))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("rationale");
		driver.approve(runId, "resolution-approval", finance,
				Map.of("resolution-type", "Credit", "rationale", "Week 42 was billed twice"));

		// the finance lead's email tells the client; their decision link follows
		MimeMessage decision = SentMails.await(jdbc, payables.email(),
				"Your billing dispute on invoice " + invoice.number());
		assertThat(((InternetAddress) decision.getFrom()[0]).getAddress())
			.isEqualTo(finance.username() + "@intime.example");
		assertThat(TemplateRuns.textOf(decision).isEmpty() ? decision.getContent().toString()
				: TemplateRuns.textOf(decision))
			.contains("Dear Priya Raman", "Our decision: A credit of $2,400", "Why: Week 42 was billed twice",
					"duplicate charge, $2,400 disputed");
		driver.awaitStep(runId, "resolution-acceptance", StepStatus.ACTIVE);

		// the client adds information: back to their documents, finance looks again
		driver.clientDecides(payables.email(), "Resolution acceptance", "add-information",
				Map.of("comments", "Attaching the timesheets for week 42"));
		RunView run = driver.get(runId);
		assertThat(run.step("supporting-documents").status()).isEqualTo(StepStatus.ACTIVE);
		driver.standIn(runId, "supporting-documents", "Timesheets uploaded");
		driver.submit(runId, "investigation", finance, Map.of());
		driver.approve(runId, "resolution-approval", finance, Map.of("resolution-type", "Credit", "amount", "2000",
				"rationale", "Week 42 hours less the approved " + "overtime"));
		driver.awaitStep(runId, "resolution-acceptance", StepStatus.ACTIVE);

		// the client escalates: an escalation on the account, finance reviews again
		driver.clientDecides(payables.email(), "Resolution acceptance", "escalate",
				Map.of("comments", "The overtime was never approved by us"));
		run = driver.awaitStep(runId, "investigation", StepStatus.ACTIVE);
		assertThat(run.events()).extracting(RunView.EventView::detail)
			.anySatisfy(line -> assertThat(line)
				.matches("Escalation \\S+ raised \\(P2, billing\\); finance reviews the dispute again"));
		List<EscalationView> raised = escalations.search(account.id(), null, new PageRequest(0, 10), am).items();
		assertThat(raised).singleElement().satisfies(e -> {
			assertThat(e.title()).isEqualTo("Billing dispute escalated: invoice " + invoice.number());
			assertThat(e.severity()).isEqualTo(Severity.P2);
			assertThat(e.category()).isEqualTo(EscalationCategory.BILLING);
			assertThat(e.contactId()).isEqualTo(payables.id());
			assertThat(e.description()).contains("The overtime was never approved by us", "a credit of $2,000");
		});
		assertThat(memos.forInvoice(invoice.id(), finance)).as("nothing credited before the client accepts").isEmpty();

		driver.submit(runId, "investigation", finance, Map.of());
		driver.approve(runId, "resolution-approval", finance,
				Map.of("resolution-type", "Credit", "amount", "2400", "rationale", "Overtime not approved: full week"));
		driver.awaitStep(runId, "resolution-acceptance", StepStatus.ACTIVE);
		driver.clientDecides(payables.email(), "Resolution acceptance", "accept", Map.of());

		// processing: the credit memo is on the invoice, which owes less
		run = driver.awaitStep(runId, "processing-confirmation", StepStatus.ACTIVE);
		List<CreditMemoView> issued = memos.forInvoice(invoice.id(), am);
		assertThat(issued).singleElement().satisfies(memo -> {
			assertThat(memo.kind()).isEqualTo(CreditMemoKind.CREDIT);
			assertThat(memo.amount().amount()).isEqualByComparingTo("2400");
			assertThat(memo.reason()).contains("Overtime not approved: full week");
			assertThat(memo.createdBy()).isEqualTo(finance.username());
		});
		assertThat(memos.balance(invoice.id(), am).amount()).isEqualByComparingTo("9600");
		String number = issued.get(0).number();
		assertThat(run.events()).extracting(RunView.EventView::detail)
			.contains("Credit memo " + number + " for $2,400 on invoice " + invoice.number() + "; $9,600 still owed");

		// finance confirms, the client acknowledges: the dispute is closed
		driver.submit(runId, "processing-confirmation", finance, Map.of());
		driver.clientAcknowledges(payables.email(), "Resolution acknowledgement");
		run = driver.awaitStatus(runId, RunStatus.COMPLETED);
		assertThat(run.outcome()).isEqualTo("Credit memo " + number + " for $2,400 on " + invoice.number());
		assertThat(invoices.get(invoice.id(), finance).status()).isEqualTo(InvoiceStatus.OPEN);
		assertThat(invoices.get(invoice.id(), finance).disputeReason()).isEqualTo("Week 42 billed twice");
		assertThat(invoices.summary(account.id(), am).unpaid()).singleElement()
			.satisfies(owed -> assertThat(owed.amount()).isEqualByComparingTo("9600"));
	}

	@Test
	void aDenialIssuesNoCreditMemo() throws Exception {
		long runId = start();
		toApproval(runId);
		driver.approve(runId, "resolution-approval", finance,
				Map.of("resolution-type", "Denial", "rationale", "Week 42 was worked twice: two shifts"));
		driver.awaitStep(runId, "resolution-acceptance", StepStatus.ACTIVE);
		driver.clientDecides(payables.email(), "Resolution acceptance", "accept", Map.of());

		RunView run = driver.awaitStep(runId, "processing-confirmation", StepStatus.ACTIVE);
		assertThat(run.step("resolution-processing").status()).isEqualTo(StepStatus.DONE);
		assertThat(run.events()).extracting(RunView.EventView::detail)
			.contains("Denied: invoice " + invoice.number() + " stays due as billed ($12,000); no credit memo");
		assertThat(memos.forInvoice(invoice.id(), finance)).isEmpty();
		assertThat(memos.balance(invoice.id(), finance).amount()).isEqualByComparingTo("12000");
		assertThat(run.outcome()).isEqualTo("Dispute denied: " + invoice.number() + " due as billed");
	}

}
