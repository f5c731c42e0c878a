package io.intime.qbr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.billing.BillingFacts;
import io.intime.engagement.EngagementFacts;
import io.intime.escalations.EscalationFacts;
import io.intime.health.HealthReport;
import io.intime.health.HealthScores;
import io.intime.identity.CurrentUser;
import io.intime.qbr.QuarterReview.Metric;
import io.intime.qbr.QuarterReview.Status;
import io.intime.revenue.RevenueFacts;
import io.intime.shared.Money;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.staffing.AccountStaffing;
import io.intime.staffing.AccountStaffing.JobFact;
import io.intime.staffing.AccountStaffing.PlacementFact;
import io.intime.staffing.PlacementStatus;
import io.intime.staffing.PlacementType;
import io.intime.staffing.StaffingFacts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes what a QBR presents ({@link QuarterReview}) from the facts of one account and
 * quarter, each key metric against its target (targets configurable under
 * {@code intime.qbr.targets}, defaulting to the specs' figures). A quarter still running
 * is reviewed up to today. A handful of statements whatever the number of placements: the
 * account's jobs and placements since the start of last year are read once and counted
 * here.
 *
 * <p>
 * Definitions: placements are those starting in the quarter, against the roles the client
 * opened in it; time to fill is over the jobs filled in the quarter; placement success is
 * the share of placements whose first 90 days ended in the quarter without a falloff;
 * first-year retention the same at the first anniversary; submissions to hire are the
 * candidates submitted to the jobs filled in the quarter per placement on them;
 * responsiveness the hours to the first reply to the client's emails; NPS is % promoters
 * − % detractors of the quarter's responses. Offers are not recorded in InTime, so offer
 * acceptance is named as missing.
 */
@Service
public class QbrMetrics {

	private final AccountManagement accounts;

	private final StaffingFacts staffing;

	private final EngagementFacts engagement;

	private final EscalationFacts escalations;

	private final RevenueFacts revenue;

	private final BillingFacts billing;

	private final HealthScores health;

	private final Today time;

	private final int timeToFillSlaDays;

	private final int placementSuccessPercent;

	private final int npsTarget;

	private final BigDecimal submissionsPerHire;

	private final int firstYearRetentionPercent;

	private final int responseHours;

	QbrMetrics(AccountManagement accounts, StaffingFacts staffing, EngagementFacts engagement,
			EscalationFacts escalations, RevenueFacts revenue, BillingFacts billing, HealthScores health, Today time,
			@Value("${intime.qbr.targets.time-to-fill-days:30}") int timeToFillSlaDays,
			@Value("${intime.qbr.targets.placement-success-percent:95}") int placementSuccessPercent,
			@Value("${intime.qbr.targets.nps:50}") int npsTarget,
			@Value("${intime.qbr.targets.submissions-per-hire:3.5}") BigDecimal submissionsPerHire,
			@Value("${intime.qbr.targets.first-year-retention-percent:95}") int firstYearRetentionPercent,
			@Value("${intime.qbr.targets.response-hours:4}") int responseHours) {
		this.accounts = accounts;
		this.staffing = staffing;
		this.engagement = engagement;
		this.escalations = escalations;
		this.revenue = revenue;
		this.billing = billing;
		this.health = health;
		this.time = time;
		this.timeToFillSlaDays = timeToFillSlaDays;
		this.placementSuccessPercent = placementSuccessPercent;
		this.npsTarget = npsTarget;
		this.submissionsPerHire = submissionsPerHire;
		this.firstYearRetentionPercent = firstYearRetentionPercent;
		this.responseHours = responseHours;
	}

	/** The review of the QBR's account and quarter. */
	@Transactional(readOnly = true)
	public QuarterReview review(QbrView qbr, CurrentUser user) {
		return review(qbr.accountId(), qbr.quarter(), user);
	}

	/**
	 * The review of an account's quarter, as the user may read it.
	 * @throws AccessDeniedException unless the user reads QBRs and may see the account
	 */
	@Transactional(readOnly = true)
	public QuarterReview review(long accountId, QbrQuarter quarter, CurrentUser user) {
		Qbrs.requireReader(user);
		AccountDetails account = accounts.get(accountId, user);
		LocalDate today = time.organizationToday();
		LocalDate asOf = quarter.last().isBefore(today) ? quarter.last() : today;
		LocalDate since = LocalDate.of(quarter.year() - 1, 1, 1);
		AccountStaffing history = staffing.history(accountId, since.minusDays(90), asOf);
		// each gap named once, in the order met
		java.util.Set<String> missing = new java.util.LinkedHashSet<>();
		List<Metric> metrics = new ArrayList<>();

		QbrQuarter previous = quarter.previous();
		metrics.add(placements(history, quarter, previous, asOf));
		metrics.add(timeToFill(history, quarter, previous, asOf));
		metrics.add(placementSuccess(history, quarter, asOf));
		metrics.add(nps(accountId, quarter, previous, asOf));
		metrics.add(new Metric("offerAcceptance", "Offer acceptance", null, null, "90% target", null, null, Status.NONE,
				"offers are not recorded in InTime"));
		metrics.add(submissionsToHire(history, quarter, previous, asOf));
		metrics.add(firstYearRetention(history, quarter, asOf));
		metrics.add(responsiveness(accountId, quarter, asOf));
		metrics.stream().filter(Metric::missing).forEach(m -> missing.add(m.label() + ": " + m.missingReason()));

		List<PlacementFact> inQuarter = startedIn(history, quarter.first(), asOf);
		String currency = account.billingCurrency() == null ? "USD" : account.billingCurrency();
		QuarterReview.YearToDate ytd = yearToDate(history, accountId, quarter, asOf, currency);
		List<QuarterReview.Count> departments = count(inQuarter,
				p -> p.department() == null || p.department().isBlank() ? "Other" : p.department());
		List<QuarterReview.Count> roleTypes = count(inQuarter, p -> roleType(p.type()));
		if (inQuarter.isEmpty()) {
			missing.add("Placements: no placements this quarter");
		}
		List<QuarterReview.Story> stories = stories(history, quarter, asOf);
		if (stories.isEmpty()) {
			missing.add("Success stories: no placement with notes this quarter");
		}
		List<QuarterReview.Challenge> challenges = escalations.ofPeriod(accountId, quarter.first(), asOf)
			.stream()
			.map(e -> new QuarterReview.Challenge(e.id(), e.title(), e.severity(), e.rootCause(), e.resolution(),
					e.resolvedAt() == null ? null : e.resolvedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()))
			.toList();
		List<QuarterReview.Opportunity> opportunities = revenue.openOpportunities(accountId)
			.stream()
			.map(o -> new QuarterReview.Opportunity(o.id(), o.title(), label(o.stage()), o.value(), o.nextStep()))
			.toList();
		QuarterReview.HealthCard card = healthCard(accountId, quarter, user);
		if (card == null) {
			missing.add("Health: the account has no health score yet");
		}
		return new QuarterReview(accountId, account.name(),
				account.tier() == null ? null : label(account.tier().name()), quarter, asOf, metrics, ytd, departments,
				roleTypes, stories, challenges, opportunities, card, List.copyOf(missing));
	}

	// ------------------------------------------------------------------ metrics

	private Metric placements(AccountStaffing h, QbrQuarter q, QbrQuarter previous, LocalDate asOf) {
		int count = startedIn(h, q.first(), asOf).size();
		int before = startedIn(h, previous.first(), previous.last()).size();
		long requested = h.jobs().stream().filter(j -> within(j.openedOn(), q.first(), asOf)).count();
		if (count == 0 && requested == 0) {
			return new Metric("placements", "Placements", null, null, null, String.valueOf(before), null, Status.NONE,
					"no placements this quarter");
		}
		String target = requested == 0 ? null : requested + " roles requested";
		String comparison = requested == 0 ? null : signedPercent(count - requested, requested);
		Status status = requested == 0 ? Status.NONE
				: count >= requested ? Status.MET : count >= requested * 0.9 ? Status.NEAR : Status.MISSED;
		return new Metric("placements", "Placements", String.valueOf(count), BigDecimal.valueOf(count), target,
				String.valueOf(before), comparison, status, null);
	}

	private Metric timeToFill(AccountStaffing h, QbrQuarter q, QbrQuarter previous, LocalDate asOf) {
		Double days = averageDaysToFill(h, q.first(), asOf);
		Double before = averageDaysToFill(h, previous.first(), previous.last());
		String previousText = before == null ? null : Math.round(before) + " days";
		String target = timeToFillSlaDays + "-day SLA";
		if (days == null) {
			return new Metric("timeToFill", "Average time to fill", null, null, target, previousText, null, Status.NONE,
					"no job filled this quarter");
		}
		long shown = Math.round(days);
		long faster = Math.round(100.0 * (timeToFillSlaDays - days) / timeToFillSlaDays);
		String comparison = faster >= 0 ? faster + "% faster than the SLA" : -faster + "% slower than the SLA";
		Status status = days <= timeToFillSlaDays ? Status.MET
				: days <= timeToFillSlaDays * 1.1 ? Status.NEAR : Status.MISSED;
		return new Metric("timeToFill", "Average time to fill", shown + " days", BigDecimal.valueOf(shown), target,
				previousText, comparison, status, null);
	}

	private Metric placementSuccess(AccountStaffing h, QbrQuarter q, LocalDate asOf) {
		// the placements whose first 90 days ended in the quarter
		List<PlacementFact> due = h.placements()
			.stream()
			.filter(p -> within(p.startDate().plusDays(90), q.first(), asOf))
			.toList();
		String target = placementSuccessPercent + "% target";
		if (due.isEmpty()) {
			return new Metric("placementSuccess", "Placement success (90 days)", null, null, target, null, null,
					Status.NONE, "no placement reached 90 days this quarter");
		}
		long kept = due.stream().filter(p -> !fellOffWithin(p, 90)).count();
		int percent = percent(kept, due.size());
		return percentMetric("placementSuccess", "Placement success (90 days)", percent, placementSuccessPercent,
				target, kept + " of " + due.size() + " without a falloff");
	}

	private Metric nps(long accountId, QbrQuarter q, QbrQuarter previous, LocalDate asOf) {
		AccountScope scope = AccountScope.of(List.of(accountId));
		EngagementFacts.NpsTally now = engagement.npsTally(q.first(), asOf, scope);
		EngagementFacts.NpsTally before = engagement.npsTally(previous.first(), previous.last(), scope);
		String previousText = before.responses() == 0 ? null : String.valueOf(npsOf(before));
		String target = npsTarget + " target";
		if (now.responses() == 0) {
			return new Metric("nps", "Client NPS", null, null, target, previousText, null, Status.NONE,
					"no NPS response this quarter");
		}
		int score = npsOf(now);
		Status status = score >= npsTarget ? Status.MET : score >= npsTarget - 5 ? Status.NEAR : Status.MISSED;
		return new Metric("nps", "Client NPS", String.valueOf(score), BigDecimal.valueOf(score), target, previousText,
				now.responses() + (now.responses() == 1 ? " response" : " responses"), status, null);
	}

	private Metric submissionsToHire(AccountStaffing h, QbrQuarter q, QbrQuarter previous, LocalDate asOf) {
		BigDecimal ratio = submissionsPerHire(h, q.first(), asOf);
		BigDecimal before = submissionsPerHire(h, previous.first(), previous.last());
		String target = submissionsPerHire.stripTrailingZeros().toPlainString() + ":1 target";
		if (ratio == null) {
			return new Metric("submissionsToHire", "Submissions to hire", null, null, target,
					before == null ? null : before.toPlainString() + ":1", null, Status.NONE,
					"no job filled this quarter");
		}
		// fewer submissions per hire is better
		Status status = ratio.compareTo(submissionsPerHire) <= 0 ? Status.MET
				: ratio.compareTo(submissionsPerHire.multiply(new BigDecimal("1.1"))) <= 0 ? Status.NEAR
						: Status.MISSED;
		return new Metric("submissionsToHire", "Submissions to hire", ratio.toPlainString() + ":1", ratio, target,
				before == null ? null : before.toPlainString() + ":1", null, status, null);
	}

	private Metric firstYearRetention(AccountStaffing h, QbrQuarter q, LocalDate asOf) {
		List<PlacementFact> due = h.placements()
			.stream()
			.filter(p -> within(p.startDate().plusYears(1), q.first(), asOf))
			.toList();
		String target = firstYearRetentionPercent + "% target";
		if (due.isEmpty()) {
			return new Metric("firstYearRetention", "First-year retention", null, null, target, null, null, Status.NONE,
					"no placement reached its first year this quarter");
		}
		long kept = due.stream().filter(p -> !fellOffWithin(p, 365)).count();
		return percentMetric("firstYearRetention", "First-year retention", percent(kept, due.size()),
				firstYearRetentionPercent, target, kept + " of " + due.size() + " stayed a year");
	}

	private Metric responsiveness(long accountId, QbrQuarter q, LocalDate asOf) {
		EngagementFacts.Responsiveness r = engagement.responsiveness(q.first(), asOf,
				AccountScope.of(List.of(accountId)));
		String target = responseHours + "-hour SLA";
		if (r.averageHours() == null) {
			return new Metric("responsiveness", "Responsiveness", null, null, target, null, null, Status.NONE,
					"no client email answered this quarter");
		}
		BigDecimal hours = BigDecimal.valueOf(r.averageHours()).setScale(1, RoundingMode.HALF_UP);
		Status status = r.averageHours() <= responseHours ? Status.MET
				: r.averageHours() <= responseHours * 1.1 ? Status.NEAR : Status.MISSED;
		return new Metric("responsiveness", "Responsiveness", hours.toPlainString() + " hours average", hours, target,
				null, r.answered() + (r.answered() == 1 ? " email answered" : " emails answered"), status, null);
	}

	private static Metric percentMetric(String key, String label, int percent, int targetPercent, String target,
			String comparison) {
		Status status = percent >= targetPercent ? Status.MET
				: percent >= targetPercent - 5 ? Status.NEAR : Status.MISSED;
		return new Metric(key, label, percent + "%", BigDecimal.valueOf(percent), target, null, comparison, status,
				null);
	}

	// ------------------------------------------------------------------ the rest

	private QuarterReview.YearToDate yearToDate(AccountStaffing h, long accountId, QbrQuarter q, LocalDate asOf,
			String currency) {
		LocalDate start = LocalDate.of(q.year(), 1, 1);
		LocalDate lastYearStart = start.minusYears(1);
		LocalDate lastYearAsOf = asOf.minusYears(1);
		int now = startedIn(h, start, asOf).size();
		int before = startedIn(h, lastYearStart, lastYearAsOf).size();
		Money revenueNow = billing.invoiced(accountId, start, asOf, currency);
		Money revenueBefore = billing.invoiced(accountId, lastYearStart, lastYearAsOf, currency);
		return new QuarterReview.YearToDate(now, before, before == 0 ? null : changePercent(now, before), revenueNow,
				revenueBefore,
				revenueBefore.isZero() ? null
						: revenueNow.amount()
							.subtract(revenueBefore.amount())
							.multiply(BigDecimal.valueOf(100))
							.divide(revenueBefore.amount(), 0, RoundingMode.HALF_UP)
							.intValue());
	}

	/**
	 * Success stories: placements with notes that started in the quarter or the one
	 * before (a story takes time to tell), still placed first, the fastest fills first;
	 * at most three.
	 */
	private List<QuarterReview.Story> stories(AccountStaffing h, QbrQuarter q, LocalDate asOf) {
		return h.placements()
			.stream()
			.filter(p -> p.notes() != null && !p.notes().isBlank())
			.filter(p -> within(p.startDate(), q.previous().first(), asOf))
			.sorted(Comparator.comparing((PlacementFact p) -> p.status() == PlacementStatus.FALLOFF)
				.thenComparing(p -> p.daysToFill() == null ? Integer.MAX_VALUE : p.daysToFill())
				.thenComparing(PlacementFact::startDate, Comparator.reverseOrder()))
			.limit(3)
			.map(p -> new QuarterReview.Story(p.id(), p.jobTitle(), p.candidateName(), p.startDate(), p.daysToFill(),
					timeToFillSlaDays, p.status() != PlacementStatus.FALLOFF, p.notes()))
			.toList();
	}

	private QuarterReview.HealthCard healthCard(long accountId, QbrQuarter q, CurrentUser user) {
		HealthReport report;
		try {
			report = health.current(accountId, user);
		}
		catch (AccessDeniedException hidden) {
			return null;
		}
		if (report == null) {
			return null;
		}
		Integer atStart = health.scoresOn(q.first(), AccountScope.of(List.of(accountId))).get(accountId);
		List<QuarterReview.HealthCard.Component> components = report.components()
			.stream()
			.map(c -> new QuarterReview.HealthCard.Component(c.label(), c.points() == null ? 0 : c.points(),
					c.maximum(), c.missing() ? "no data" : c.reached()))
			.toList();
		return new QuarterReview.HealthCard(report.score(), report.band().name(), atStart, components);
	}

	private static List<PlacementFact> startedIn(AccountStaffing h, LocalDate from, LocalDate to) {
		return h.placements().stream().filter(p -> within(p.startDate(), from, to)).toList();
	}

	private static Double averageDaysToFill(AccountStaffing h, LocalDate from, LocalDate to) {
		return h.jobs()
			.stream()
			.filter(j -> j.filledOn() != null && within(j.filledOn(), from, to))
			.mapToLong(j -> ChronoUnit.DAYS.between(j.openedOn(), j.filledOn()))
			.average()
			.stream()
			.boxed()
			.findFirst()
			.orElse(null);
	}

	private static BigDecimal submissionsPerHire(AccountStaffing h, LocalDate from, LocalDate to) {
		List<JobFact> filled = h.jobs()
			.stream()
			.filter(j -> j.filledOn() != null && within(j.filledOn(), from, to))
			.toList();
		if (filled.isEmpty()) {
			return null;
		}
		java.util.Set<Long> ids = new java.util.HashSet<>();
		filled.forEach(j -> ids.add(j.id()));
		long hires = h.placements().stream().filter(p -> ids.contains(p.jobId())).count();
		int submissions = filled.stream().mapToInt(JobFact::submissions).sum();
		if (hires == 0) {
			return null;
		}
		return BigDecimal.valueOf(submissions).divide(BigDecimal.valueOf(hires), 1, RoundingMode.HALF_UP);
	}

	private static boolean fellOffWithin(PlacementFact p, int days) {
		return p.falloffDate() != null && p.falloffDate().isBefore(p.startDate().plusDays(days));
	}

	private static <T> List<QuarterReview.Count> count(List<T> items, java.util.function.Function<T, String> key) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		items.forEach(i -> counts.merge(key.apply(i), 1, Integer::sum));
		return counts.entrySet()
			.stream()
			.map(e -> new QuarterReview.Count(e.getKey(), e.getValue()))
			.sorted(Comparator.comparingInt(QuarterReview.Count::count)
				.reversed()
				.thenComparing(QuarterReview.Count::label))
			.toList();
	}

	static boolean within(LocalDate day, LocalDate from, LocalDate to) {
		return day != null && !day.isBefore(from) && !day.isAfter(to);
	}

	static int npsOf(EngagementFacts.NpsTally t) {
		return (int) Math.round(100.0 * (t.promoters() - t.detractors()) / t.responses());
	}

	private static int percent(long part, long whole) {
		return (int) Math.round(100.0 * part / whole);
	}

	private static int changePercent(int now, int before) {
		return (int) Math.round(100.0 * (now - before) / before);
	}

	private static String signedPercent(long difference, long base) {
		long p = Math.round(100.0 * difference / base);
		return (p >= 0 ? "+" : "") + p + "%";
	}

	private static String roleType(PlacementType type) {
		return switch (type) {
			case CONTRACT -> "Contract";
			case CONTRACT_TO_HIRE -> "Contract-to-hire";
			case PERMANENT -> "Permanent";
		};
	}

	private static String label(String constant) {
		String lower = constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

}
