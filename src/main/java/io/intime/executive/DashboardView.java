package io.intime.executive;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.StrategicAccount;
import io.intime.billing.ServiceCredits;
import io.intime.health.HealthReport;
import io.intime.shared.Money;
import io.intime.shared.TimelineEntry;
import io.intime.staffing.RecruiterAssignments;
import io.intime.staffing.RecruiterRanking;

/**
 * The account health dashboard of spec 01 step 2.
 *
 * @param health null until the account has a score
 * @param lifetimeValue what the account has been invoiced, in US dollars; null for a
 * reader who may not see invoices (and {@code credits} is then empty)
 * @param notes the executive notes' versions, latest first (empty when none, or when the
 * reader may not see them: {@code notesAllowed})
 * @param bestRecruiter the recruiter ranked first and available, or null
 * @param plan the active recovery plan, or null
 */
public record DashboardView(AccountDetails details, StrategicAccount account, AccountSignals signals,
		HealthReport health, Money lifetimeValue, List<AccountAdvice.Issue> issues,
		List<AccountAdvice.Recommendation> recommendations, List<AccountAdvice.Metric> successMetrics,
		List<TimelineEntry> timeline, List<ExecutiveNotes.Note> notes, boolean notesAllowed,
		List<ServiceCredits.Credit> credits, List<RecruiterAssignments.Assignment> assignments,
		RecruiterRanking.Ranked bestRecruiter, PlanProgress plan, boolean canPlan, boolean canOffer, boolean canAssign,
		LocalDate today) {

	/** Months since the relationship began, or null. */
	public Long relationshipMonths() {
		return account.relationshipStart() == null ? null
				: ChronoUnit.MONTHS.between(account.relationshipStart(), today);
	}

	public ExecutiveNotes.Note latestNote() {
		return notes.isEmpty() ? null : notes.get(0);
	}

	public long notesVersion() {
		return notes.isEmpty() ? 0 : notes.get(0).version();
	}

	public List<AccountAdvice.Recommendation> recommendations(AccountAdvice.Horizon horizon) {
		return recommendations.stream().filter(r -> r.horizon() == horizon).toList();
	}

	public AccountAdvice.Horizon[] horizons() {
		return AccountAdvice.Horizon.values();
	}

	/** The recruiter dedicated to the account now, or null. */
	public RecruiterAssignments.Assignment currentAssignment() {
		return assignments.stream().filter(a -> a.current(today)).findFirst().orElse(null);
	}
}
