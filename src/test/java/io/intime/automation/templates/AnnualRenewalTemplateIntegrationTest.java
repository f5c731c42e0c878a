package io.intime.automation.templates;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
import io.intime.renewals.RenewalOutcome;
import io.intime.renewals.RenewalStage;
import io.intime.renewals.RenewalView;
import io.intime.renewals.Renewals;
import io.intime.revenue.ArrLedger;
import io.intime.revenue.ArrMovement;
import io.intime.revenue.ArrMovementKind;
import io.intime.revenue.RevenueKpis;
import io.intime.revenue.RevenueSegment;
import io.intime.shared.PageRequest;
import io.intime.workflows.ActionContext;
import io.intime.workflows.RunStatus;
import io.intime.workflows.RunView;
import io.intime.workflows.StartRun;
import io.intime.workflows.StepStatus;
import io.intime.workflows.WorkflowDocument;
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
 * The Annual Renewal template on real PostgreSQL and the scheduler: the CSM's kickoff,
 * the client's survey through their link, finance's pricing approval, the client's
 * decision (negotiate returns to the pricing approval; downgrade goes through finance
 * again; not renewing closes the renewal as churned), the agreement the client signs (a
 * PDF naming the account and the approved ARR), and the CRM update that renews the
 * contract and writes its ARR movements.
 */
@IntegrationTest
class AnnualRenewalTemplateIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkflowRuns runs;

	@Autowired
	ContractManagement contracts;

	@Autowired
	Renewals renewals;

	@Autowired
	ArrLedger ledger;

	@Autowired
	RevenueKpis revenue;

	@Autowired
	RenewalAgreement agreement;

	AccountFixtures fixtures;

	TemplateRuns driver;

	CurrentUser am;

	CurrentUser finance;

	AccountDetails account;

	ContactView buyer;

	ContractView contract;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		driver = new TemplateRuns(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		finance = fixtures.user(Role.FINANCE);
		account = fixtures.account(am);
		String tag = AccountFixtures.unique("b").toLowerCase();
		buyer = context.getBean(ContactManagement.class)
			.create(account.id(),
					new ContactForm("Dana Whitfield", "VP Procurement", "dana." + tag + "@client.example", null,
							"America/Chicago", StakeholderRole.ECONOMIC_BUYER, Influence.HIGH, true),
					fixtures.executive());
		contract = contracts.create(account.id(),
				new ContractForm(ContractType.MSA, AccountFixtures.unique("MSA"), today.minusMonths(11),
						today.plusDays(59), ContractStatus.ACTIVE, "Net 30", "USD",
						List.of(new ServiceLineForm("Contract staffing", new BigDecimal("400000")),
								new ServiceLineForm("Executive search", new BigDecimal("100000")))),
				fixtures.executive());
		ledger.reconcile(List.of(account.id()), "test");
	}

	private RunView start(Long renewalId) {
		return runs.startBySystem(new StartRun(SpecTemplates.RENEWAL, null, account.id(), contract.id(), null,
				renewalId, null, null, Map.of("client-contact", buyer.id()), Map.of("finance", finance.id()), null));
	}

	/** Kickoff, the usage report, the client's survey and finance's first approval. */
	private void toProposal(long runId) throws Exception {
		driver.submit(runId, "kickoff", am,
				Map.of("account-name", account.name(), "contract-end-date", contract.endDate().toString(),
						"current-arr", "500000", "seats", "40", "risk-factors", "New CFO reviewing vendors", "upsell",
						"Two more engineering teams"));
		driver.standIn(runId, "usage-report", "Usage & value report uploaded");
		assertThat(driver.get(runId).step("client-survey").assigneeContactId()).isEqualTo(buyer.id());
		driver.clientSubmits(buyer.email(), "Client renewal survey", Map.of("overall-satisfaction", "Satisfied",
				"usage-level", "Higher than planned", "budget-changes", "Budget increasing"));
		RunView run = driver.get(runId);
		assertThat(run.step("client-survey").data()).containsEntry("usage-level", "Higher than planned");
		assertThat(run.step("pricing-approval").assigneeUserId()).isEqualTo(finance.id());
	}

	@Test
	void negotiatingReturnsToPricingThenTheSignedAgreementRenewsTheContractWithItsArrMovements() throws Exception {
		long runId = start(null).id();
		toProposal(runId);
		driver.approve(runId, "pricing-approval", finance,
				Map.of("proposed-arr", "520000", "discount-percent", "8", "term-months", "24"));
		driver.standIn(runId, "proposal-delivery", "Renewal proposal uploaded");

		// the client negotiates: finance prices it again
		driver.clientDecides(buyer.email(), "Client proposal review", "negotiate",
				Map.of("comments", "We need a smaller discount on a two-year term"));
		RunView run = driver.get(runId);
		assertThat(run.step("pricing-approval").status()).isEqualTo(StepStatus.ACTIVE);
		assertThat(run.step("proposal-delivery").status()).isEqualTo(StepStatus.PENDING);
		driver.approve(runId, "pricing-approval", finance,
				Map.of("proposed-arr", "540000", "discount-percent", "5", "term-months", "24"));
		driver.standIn(runId, "proposal-delivery", "Revised renewal proposal uploaded");
		driver.clientDecides(buyer.email(), "Client proposal review", "accept", Map.of());
		run = driver.get(runId);
		assertThat(run.step("esign").status()).isEqualTo(StepStatus.ACTIVE);
		assertThat(run.step("downgrade-details").status()).isEqualTo(StepStatus.PENDING);

		// the agreement the client signs names the account, the contract and the approved
		// ARR
		ActionContext signing = driver.context(run, "esign", Map.of("csm", am.id(), "finance", finance.id()),
				Map.of("client-contact", buyer.id()), am);
		WorkflowDocument.Generated pdf = agreement.make(signing);
		assertThat(pdf.filename()).endsWith(".pdf").contains("Renewal-Agreement");
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.pdf())) {
			text = new PDFTextStripper().getText(document);
		}
		LocalDate start = contract.endDate().plusDays(1);
		assertThat(text).contains("Renewal agreement RA-" + runId, account.name(), contract.number(), "$540,000 USD",
				"(+8%", "Discount", "5% (included in the annual value above)", "24 months", "Dana Whitfield",
				"VP Procurement", am.fullName(), "Net 30", "Contract staffing", "$432,000", "$108,000");
		Path png = screenshot(pdf.pdf(), "renewal-agreement");
		assertThat(png).exists();

		// the signature (the e-sign part's) completes the step; the CRM update follows
		driver.standIn(runId, "esign", "Renewal contract signed by Dana Whitfield");
		run = driver.awaitStep(runId, "post-renewal", StepStatus.ACTIVE);
		assertThat(run.step("crm-update").status()).isEqualTo(StepStatus.DONE);
		assertThat(run.events()).extracting(RunView.EventView::detail)
			.anySatisfy(line -> assertThat(line).startsWith("Contract " + contract.number() + " renewed to "
					+ start.plusMonths(24).minusDays(1) + " at $540,000 (+8%)"))
			.anySatisfy(line -> assertThat(line).startsWith("ARR movement EXPANSION USD 40,000"))
			.anySatisfy(line -> assertThat(line).startsWith("ARR movement RENEWAL USD 500,000"));

		// the contract renewed into its successor at the signed ARR and term
		assertThat(contracts.get(contract.id(), fixtures.executive()).status()).isEqualTo(ContractStatus.RENEWED);
		ContractView successor = contracts.forAccount(account.id(), fixtures.executive())
			.stream()
			.filter(c -> c.status() == ContractStatus.ACTIVE)
			.findFirst()
			.orElseThrow();
		assertThat(successor.startDate()).isEqualTo(start);
		assertThat(successor.endDate()).isEqualTo(start.plusMonths(24).minusDays(1));
		assertThat(successor.arr().amount()).isEqualByComparingTo("540000");
		RenewalView renewal = renewals.ofContracts(List.of(contract.id()), fixtures.executive()).get(contract.id());
		assertThat(renewal.stage()).isEqualTo(RenewalStage.CLOSED);
		assertThat(renewal.outcome()).isEqualTo(RenewalOutcome.RENEWED_WITH_CHANGE);
		assertThat(renewal.outcomeArr().amount()).isEqualByComparingTo("540000");
		// the ARR movements, as the revenue reports list them
		List<ArrMovement> movements = revenue
			.movements(RevenueSegment.portfolioOf(am.id()), today, today, RevenueKpis.Figure.ALL, null,
					new PageRequest(0, 50), am)
			.items()
			.stream()
			.filter(m -> m.accountId() == account.id())
			.toList();
		assertThat(movements).anySatisfy(m -> {
			assertThat(m.kind()).isEqualTo(ArrMovementKind.RENEWAL);
			assertThat(m.amount().amount()).isEqualByComparingTo("500000");
		}).anySatisfy(m -> {
			assertThat(m.kind()).isEqualTo(ArrMovementKind.EXPANSION);
			assertThat(m.amount().amount()).isEqualByComparingTo("40000");
		});
		assertThat(ledger.recordedArr(account.id()).get("USD")).isEqualByComparingTo("540000");

		// the CSM confirms; the run is done with its outcome
		driver.submit(runId, "post-renewal", am, Map.of());
		run = driver.awaitStatus(runId, RunStatus.COMPLETED);
		assertThat(run.outcome()).isEqualTo("Renewed at $540,000 to " + start.plusMonths(24).minusDays(1));
		assertThat(run.step("close-churned").status()).isEqualTo(StepStatus.SKIPPED);
	}

	@Test
	void aDowngradeIsPricedByFinanceAgainAndNotRenewingClosesTheRenewalAsChurned() throws Exception {
		RenewalView opened = renewals.initiate(contract.id(), am);
		long runId = start(opened.id()).id();
		toProposal(runId);
		driver.approve(runId, "pricing-approval", finance, Map.of("proposed-arr", "500000"));
		driver.standIn(runId, "proposal-delivery", "Renewal proposal uploaded");

		// a downgrade: the CSM records the smaller plan, finance approves its price
		driver.clientDecides(buyer.email(), "Client proposal review", "downgrade",
				Map.of("comments", "Only the contract staffing next year"));
		RunView run = driver.get(runId);
		assertThat(run.step("downgrade-details").status()).isEqualTo(StepStatus.ACTIVE);
		assertThat(run.step("esign").status()).isEqualTo(StepStatus.SKIPPED);
		driver.submit(runId, "downgrade-details", am,
				Map.of("downgraded-arr", "400000", "downgrade-scope", "Contract staffing only"));
		run = driver.get(runId);
		assertThat(run.step("pricing-approval").status()).isEqualTo(StepStatus.ACTIVE);
		driver.approve(runId, "pricing-approval", finance, Map.of("proposed-arr", "400000"));
		driver.standIn(runId, "proposal-delivery", "Downgraded proposal uploaded");

		// then the client decides not to renew at all
		driver.clientDecides(buyer.email(), "Client proposal review", "not-renew",
				Map.of("comments", "Moving staffing in-house"));
		run = driver.awaitStatus(runId, RunStatus.COMPLETED);
		assertThat(run.step("close-churned").status()).isEqualTo(StepStatus.DONE);
		assertThat(run.step("crm-update").status()).isEqualTo(StepStatus.SKIPPED);
		assertThat(run.outcome()).isEqualTo("Not renewed: churned (voluntary), $500,000 ARR");
		assertThat(run.events()).extracting(RunView.EventView::detail)
			.anySatisfy(line -> assertThat(line).startsWith("Renewal of " + contract.number()
					+ " closed as churned (voluntary): $500,000 ARR leaves when the contract ends on "
					+ contract.endDate()));
		RenewalView closed = renewals.get(opened.id(), am);
		assertThat(closed.outcome()).isEqualTo(RenewalOutcome.CHURNED);
		assertThat(closed.outcomeNote()).contains("Moving staffing in-house");
		// the contract runs to its end; nothing was renewed
		assertThat(contracts.get(contract.id(), am).status()).isEqualTo(ContractStatus.ACTIVE);
	}

	/** Page 1 of the PDF as a PNG under target/screenshots (pdftoppm), to look at. */
	static Path screenshot(byte[] pdf, String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Path input = dir.resolve(name + ".pdf");
		Files.write(input, pdf);
		Process process = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
				input.toString(), dir.resolve(name).toString())
			.redirectErrorStream(true)
			.redirectOutput(new File(dir.resolve(name + ".log").toString()))
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return dir.resolve(name + ".png");
	}

}
