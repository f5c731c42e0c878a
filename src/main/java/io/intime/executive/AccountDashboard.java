package io.intime.executive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountTimeline;
import io.intime.accounts.StrategicAccount;
import io.intime.accounts.StrategicAccounts;
import io.intime.billing.BillingFacts;
import io.intime.billing.PaymentFacts;
import io.intime.billing.ServiceCredits;
import io.intime.engagement.NpsFacts;
import io.intime.health.HealthReport;
import io.intime.health.HealthScores;
import io.intime.identity.CurrentUser;
import io.intime.shared.Money;
import io.intime.shared.NotFoundException;
import io.intime.shared.TimelineEntry;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.staffing.DeliverySince;
import io.intime.staffing.RecruiterAssignments;
import io.intime.staffing.RecruiterRanking;
import io.intime.staffing.StaffingFacts;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account health dashboard (spec 01 step 2): the overview, the health breakdown of
 * the account's health model, the critical issues and recommendations made from the facts
 * ({@link AccountAdvice}), the engagement timeline, the executive notes, the recovery
 * plan, the dedicated recruiter and the service credits. Whoever may see the account's
 * health may open it; an executive's first opening of a strategic account in a day is
 * their review ({@code strategic_account.reviewed}).
 */
@Service
public class AccountDashboard {

	private final AccountManagement accounts;

	private final StrategicAccounts strategic;

	private final StrategicPortfolio portfolio;

	private final HealthScores health;

	private final BillingFacts billing;

	private final StaffingFacts staffing;

	private final AccountTimeline timeline;

	private final ExecutiveNotes notes;

	private final ServiceCredits credits;

	private final RecruiterAssignments assignments;

	private final DedicatedRecruiters recruiters;

	private final RecoveryPlans plans;

	private final io.intime.escalations.EscalationManagement escalations;

	private final io.intime.billing.InvoiceManagement invoices;

	private final Today time;

	AccountDashboard(io.intime.billing.InvoiceManagement invoices,
			io.intime.escalations.EscalationManagement escalations, AccountManagement accounts,
			StrategicAccounts strategic, StrategicPortfolio portfolio, HealthScores health, BillingFacts billing,
			StaffingFacts staffing, AccountTimeline timeline, ExecutiveNotes notes, ServiceCredits credits,
			RecruiterAssignments assignments, DedicatedRecruiters recruiters, RecoveryPlans plans, Today time) {
		this.invoices = invoices;
		this.escalations = escalations;
		this.accounts = accounts;
		this.strategic = strategic;
		this.portfolio = portfolio;
		this.health = health;
		this.billing = billing;
		this.staffing = staffing;
		this.timeline = timeline;
		this.notes = notes;
		this.credits = credits;
		this.assignments = assignments;
		this.recruiters = recruiters;
		this.plans = plans;
		this.time = time;
	}

	/**
	 * The dashboard as a person opens it (records the day's review of an executive).
	 * @throws AccessDeniedException when the user may not see the account's health
	 */
	@Transactional
	public DashboardView open(long accountId, CurrentUser user) {
		HealthReport report = health.current(accountId, user);
		AccountDetails account = accounts.open(accountId, report == null ? null : report.score(), user);
		return view(account, report, user);
	}

	/** The same without recording a review: the live refresh. */
	@Transactional(readOnly = true)
	public DashboardView refresh(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		return view(account, health.current(accountId, user), user);
	}

	private DashboardView view(AccountDetails details, HealthReport report, CurrentUser user) {
		if (!details.access().viewHealth()) {
			throw new AccessDeniedException("The account health dashboard shows " + details.name()
					+ "'s health, which is for its account manager, executives and sales directors");
		}
		long id = details.id();
		LocalDate today = time.organizationToday();
		StrategicAccount account = strategic.one(id, user);
		Map<Long, NpsFacts> nps = new HashMap<>();
		AccountSignals signals = portfolio.signals(List.of(account), today, nps).get(0);
		// invoices (payment delays, lifetime value, credits) only for a reader who may
		// see
		// them: a recruiter on the account's team sees its health but not its billing
		boolean billingVisible = invoices.access(details, user).view();
		PaymentFacts payment = billingVisible ? billing.payment(today, 365, AccountScope.of(List.of(id))).get(id)
				: null;
		DeliverySince delivery = staffing.deliverySince(Map.of(id, today.minusDays(90)), today).get(id);
		List<RecruiterRanking.Ranked> ranked = recruiters.ranking(account, user);
		RecruiterRanking.Ranked best = ranked.isEmpty() || !ranked.get(0).available() ? null : ranked.get(0);
		// how long the oldest open escalation has been open, for its issue's impact
		Integer oldestOpenDays = signals.openEscalations() == 0 ? null
				: escalations.openOrEndedSince(List.of(id), time.now(), user)
					.stream()
					.filter(e -> e.resolvedAt() == null)
					.map(e -> (int) ChronoUnit.DAYS.between(e.raisedAt(), time.now()))
					.max(Integer::compare)
					.orElse(null);
		AccountAdvice.Context context = new AccountAdvice.Context(signals, payment, delivery,
				best == null ? null : best.recruiter().name(),
				best == null ? null : best.reasons().get(0).toLowerCase(java.util.Locale.ROOT), oldestOpenDays);
		List<TimelineEntry> entries = timeline.of(id, time.now().minus(120, ChronoUnit.DAYS), 12, user);
		Money lifetime = billingVisible ? billing.lifetimeValueUsd(id) : null;
		boolean notesAllowed = ExecutiveNotes.mayUse(details, user);
		return new DashboardView(details, account, signals, report, lifetime, AccountAdvice.issues(context),
				AccountAdvice.recommendations(context), AccountAdvice.successMetrics(context, today), entries,
				notesAllowed ? notes.history(id, user) : List.of(), notesAllowed,
				billingVisible ? credits.forAccount(id) : List.of(), assignments.forAccount(id), best, signals.plan(),
				plans.canManage(details, user), ServiceCredits.mayOffer(user), RecruiterAssignments.mayAssign(user),
				today);
	}

}
