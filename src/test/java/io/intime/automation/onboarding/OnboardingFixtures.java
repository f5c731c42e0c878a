package io.intime.automation.onboarding;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
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
import io.intime.billing.InvoiceForm;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceStatus;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.ActivityView;
import io.intime.engagement.NpsForm;
import io.intime.engagement.NpsManagement;
import io.intime.engagement.NpsView;
import io.intime.engagement.Sentiment;
import io.intime.engagement.SurveyType;
import io.intime.escalations.EscalationForm;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationStatus;
import io.intime.escalations.EscalationView;
import io.intime.escalations.Severity;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.web.MoneyInput;
import io.intime.staffing.StaffingFixtures;
import io.intime.workflows.ActionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client just won, as onboarding finds it: a PROSPECT account owned by an account
 * manager, with an ACTIVE contract of three service lines, a champion, a CFO, the
 * champion entered twice (a second "jane doe" without an email but with a title and a
 * phone, who took a call twelve days ago and answered an NPS survey), an open P1
 * escalation, an open job with a placement, and an invoice. Made through the facades.
 */
final class OnboardingFixtures {

	private static final AtomicLong RUNS = new AtomicLong(9_000_000);

	private final AccountFixtures accounts;

	private final StaffingFixtures staffing;

	private final AccountManagement accountManagement;

	private final ContactManagement contacts;

	private final ContractManagement contracts;

	private final ActivityManagement activities;

	private final NpsManagement nps;

	private final EscalationManagement escalations;

	private final InvoiceManagement invoices;

	private final JdbcClient jdbc;

	OnboardingFixtures(ApplicationContext context) {
		this.accounts = new AccountFixtures(context);
		this.staffing = new StaffingFixtures(context);
		this.accountManagement = context.getBean(AccountManagement.class);
		this.contacts = context.getBean(ContactManagement.class);
		this.contracts = context.getBean(ContractManagement.class);
		this.activities = context.getBean(ActivityManagement.class);
		this.nps = context.getBean(NpsManagement.class);
		this.escalations = context.getBean(EscalationManagement.class);
		this.invoices = context.getBean(InvoiceManagement.class);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	AccountFixtures accounts() {
		return accounts;
	}

	/** The won client and its records. */
	record Won(AccountDetails account, ContractView contract, CurrentUser am, CurrentUser salesOps, ContactView jane,
			ContactView twin, ContactView cfo, ActivityView call, NpsView answer, EscalationView escalation) {

		/**
		 * What a step of a run on this account knows (a run id of its own, so that runs
		 * do not meet).
		 */
		ActionContext context(String stepKey) {
			return context(stepKey, RUNS.incrementAndGet());
		}

		ActionContext context(String stepKey, long runId) {
			return context(stepKey, runId, Map.of());
		}

		/** A step after others that gave {@code stepData}. */
		ActionContext contextAfter(String stepKey, Map<String, Map<String, Object>> stepData) {
			return context(stepKey, RUNS.incrementAndGet(), stepData);
		}

		private ActionContext context(String stepKey, long runId, Map<String, Map<String, Object>> stepData) {
			return new ActionContext(runId, runId * 100, stepKey, account.id(), contract == null ? null : contract.id(),
					null, null, null, am, stepData, Map.of(OnboardingTemplate.ACCOUNT_MANAGER, am.id(),
							OnboardingTemplate.SALES_OPS, salesOps.id(), OnboardingTemplate.SUCCESS_TEAM, am.id()),
					Map.of(), 1);
		}

		String domain() {
			return account.key().toLowerCase(Locale.ROOT) + ".example";
		}

	}

	/** A prospect won with a contract that ends in {@code contractDays} days. */
	Won won(int contractDays) {
		return won(contractDays, true);
	}

	/**
	 * A prospect won; with {@code signed} false it has no contract yet (the run cannot
	 * check one).
	 */
	Won won(int contractDays, boolean signed) {
		CurrentUser am = accounts.user(Role.ACCOUNT_MANAGER);
		CurrentUser salesOps = accounts.user(Role.SALES_DIRECTOR);
		CurrentUser finance = accounts.user(Role.FINANCE);
		AccountDetails account = accountManagement.create(
				new AccountForm(AccountFixtures.unique("Northwind"), "Logistics", 850, "Denver, CO", "America/Denver",
						AccountStatus.PROSPECT, null, false, null, am.id(), null, "USD", "North America"),
				accounts.executive());
		LocalDate today = TestClock.today();
		ContractView contract = signed ? contract(account, today.minusDays(5), today.plusDays(contractDays)) : null;
		String domain = account.key().toLowerCase(Locale.ROOT) + ".example";
		ContactView jane = contacts.create(account.id(), new ContactForm("Jane Doe", null, "jane@" + domain, null,
				"America/Denver", StakeholderRole.CHAMPION, Influence.HIGH, true), am);
		ContactView cfo = contacts.create(account.id(), new ContactForm("Omar Finch", "CFO", "omar@" + domain,
				"+1 303 555 0142", "America/Denver", StakeholderRole.FINANCE, Influence.MEDIUM, true), am);
		// the same champion entered again a little later, from a business card
		ContactView twin = contacts.create(account.id(), new ContactForm("jane  doe", "VP Engineering", null,
				"+1 (303) 555-0100", null, StakeholderRole.OTHER, Influence.HIGH, true), am);
		jdbc.sql("update contact set created_at = created_at + interval '1 minute' where id = ?")
			.param(twin.id())
			.update();
		ActivityView call = activities.create(account.id(),
				new ActivityForm(ActivityType.CALL, ActivityDirection.OUTBOUND, "Kickoff planning call",
						"Agreed on the first three roles.", TestClock.now().minus(Duration.ofDays(12)), 30,
						"Roles agreed", Sentiment.POSITIVE, List.of(), List.of(twin.id()), List.of(am.id())),
				am);
		NpsView answer = nps.create(account.id(),
				new NpsForm(twin.id(), 9, "Fast, thoughtful shortlists", today.minusDays(3), SurveyType.RELATIONSHIP),
				am);
		EscalationView escalation = escalations.create(account.id(),
				new EscalationForm("Late submittals for the data engineer roles", "Two weeks without a candidate",
						Severity.P1, EscalationStatus.OPEN, TestClock.now().minus(Duration.ofDays(4)), null),
				am);
		var job = staffing.job(account,
				StaffingFixtures.openJob("Data Engineer", StaffingFixtures.today().minusDays(20)));
		staffing.placement(job, StaffingFixtures.started("Riley Chen", StaffingFixtures.today().minusDays(2)));
		invoices.create(account.id(), new InvoiceForm(AccountFixtures.unique("INV"), today.minusDays(40),
				today.minusDays(10), new MoneyInput(new BigDecimal("18500"), "USD"), InvoiceStatus.OPEN, null, null),
				finance);
		return new Won(accountManagement.get(account.id(), am), contract, am, salesOps, jane, twin, cfo, call, answer,
				escalation);
	}

	/** An ACTIVE MSA of three service lines (USD 540,000 a year). */
	ContractView contract(AccountDetails account, LocalDate start, LocalDate end) {
		return contracts.create(account.id(),
				new ContractForm(ContractType.MSA, AccountFixtures.unique("MSA"), start, end, ContractStatus.ACTIVE,
						"Net 30", "USD",
						List.of(new ServiceLineForm("Contract engineers", new BigDecimal("300000")),
								new ServiceLineForm("Data team", new BigDecimal("180000")),
								new ServiceLineForm("Recruitment process outsourcing", new BigDecimal("60000")))),
				accounts.executive());
	}

}
