package io.intime.executive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.intime.accounts.HealthBand;
import io.intime.billing.PaymentFacts;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;
import io.intime.staffing.DeliverySince;

/**
 * The account health dashboard's critical issues and recommendations (spec 01 step 2),
 * each made from the facts by an explicit rule; the rule is shown with it ("why").
 * <p>
 * <b>Critical issues</b>, ranked high before medium, then by ARR at stake:
 * <ul>
 * <li>Quality concerns (high): {@value #FALLOFFS_HIGH}+ placements fell off in 60 days;
 * impact: the renewal.</li>
 * <li>Slow time-to-fill (high): jobs filled in the last 90 days took longer on average
 * than the {@value #TTF_SLA_DAYS}-day commitment.</li>
 * <li>Open escalations (high when any is open on a Red or Yellow account, else medium):
 * how many and the oldest's age.</li>
 * <li>Executive relationship gap (medium): no executive call or meeting in
 * {@value #EXEC_CADENCE_DAYS} days (a strategic account's monthly sponsor call).</li>
 * <li>Satisfaction decline (medium): NPS fell {@value ExecutiveActions#NPS_DROP}+
 * points.</li>
 * <li>Payment delays (medium): an invoice more than 30 days overdue.</li>
 * </ul>
 * <b>Recommendations</b>: immediate (48 hours), short-term (2 weeks), long-term (90
 * days); see {@link #recommendations}.
 */
public final class AccountAdvice {

	/** The firm's standard time-to-fill commitment (spec 01: "30-day SLA commitment"). */
	public static final int TTF_SLA_DAYS = 30;

	/** The enhanced time-to-fill of a recovery (spec 01: "21 days (vs standard 30)"). */
	public static final int TTF_ENHANCED_DAYS = 21;

	static final int FALLOFFS_HIGH = 2;

	static final int EXEC_CADENCE_DAYS = 30;

	/** The goodwill credit suggested for a critical account: 10% of ARR. */
	static final BigDecimal CREDIT_SHARE = new BigDecimal("0.10");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private AccountAdvice() {
	}

	public enum Priority {

		HIGH("High priority"), MEDIUM("Medium priority");

		private final String label;

		Priority(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record Issue(String title, Priority priority, List<String> facts, String impact) {
	}

	public enum Horizon {

		IMMEDIATE("Immediate actions (next 48 hours)"), SHORT_TERM("Short-term (next 2 weeks)"),
		LONG_TERM("Long-term (next 90 days)");

		private final String label;

		Horizon(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * @param action what the dashboard offers to do it: {@code call}, {@code recruiter},
	 * {@code credit}, {@code plan}, {@code message}, or null
	 */
	public record Recommendation(Horizon horizon, String title, List<String> details, String why, String action) {
	}

	/** A success metric of the 90-day recovery: from where to where. */
	public record Metric(RecoveryMeasure measure, String label, String from, String to, BigDecimal target,
			LocalDate dueOn) {
	}

	/**
	 * The facts the advice reads besides the portfolio's signals.
	 *
	 * @param delivery time-to-fill and falloffs over the last 90 days
	 * @param bestRecruiter the name of the recruiter ranked first for the account, or
	 * null
	 * @param bestRecruiterReason why, in a few words
	 */
	public record Context(AccountSignals signals, PaymentFacts payment, DeliverySince delivery, String bestRecruiter,
			String bestRecruiterReason, Integer oldestEscalationDays) {
	}

	public static List<Issue> issues(Context c) {
		AccountSignals s = c.signals();
		String arr = MoneyFormat.compact(s.account().arrUsd());
		Long renewal = s.daysToRenewal();
		String renewalImpact = renewal != null && renewal >= 0
				? "Jeopardizes the " + arr + " renewal in " + renewal + " days" : "Puts " + arr + " ARR at risk";
		List<Issue> issues = new ArrayList<>();
		if (s.falloffs() >= FALLOFFS_HIGH) {
			issues.add(new Issue("Quality concerns", Priority.HIGH,
					List.of(s.falloffs() + " placements fell off in the last 60 days",
							"Placement success is the outcome clients judge us by"),
					renewalImpact));
		}
		DeliverySince d = c.delivery();
		if (d != null && d.averageDaysToFill() != null
				&& d.averageDaysToFill().compareTo(BigDecimal.valueOf(TTF_SLA_DAYS)) > 0) {
			List<String> facts = new ArrayList<>();
			facts.add("Avg " + d.averageDaysToFill().setScale(0, RoundingMode.HALF_UP) + " days vs " + TTF_SLA_DAYS
					+ "-day SLA commitment (" + d.filled() + (d.filled() == 1 ? " job" : " jobs")
					+ " filled in 90 days)");
			if (d.teamAverageDaysToFill() != null) {
				facts.add("The firm's average is " + d.teamAverageDaysToFill().setScale(0, RoundingMode.HALF_UP)
						+ " days");
			}
			issues.add(
					new Issue("Slow time-to-fill", Priority.HIGH, facts, "Competitive vulnerability: " + arr + " ARR"));
		}
		if (s.openEscalations() > 0) {
			boolean high = s.band() != HealthBand.GREEN;
			List<String> facts = new ArrayList<>();
			facts.add(s.openEscalations() + (s.openEscalations() == 1 ? " escalation open" : " escalations open"));
			if (s.issues() != null && s.issues().latestTitle() != null) {
				facts.add("Latest: " + s.issues().latestTitle());
			}
			String open = c.oldestEscalationDays() == null ? "" : ", oldest open " + c.oldestEscalationDays() + " days";
			issues.add(new Issue("Open escalations", high ? Priority.HIGH : Priority.MEDIUM, facts,
					(high ? renewalImpact : "Client trust") + open));
		}
		Integer since = s.daysSinceTouch();
		if (since == null || since > EXEC_CADENCE_DAYS) {
			issues.add(
					new Issue(
							"Executive relationship gap", Priority.MEDIUM, List
								.of(since == null ? "No executive call or meeting on record"
										: "Last executive sponsor call or meeting: " + since
												+ " days ago (target: every " + EXEC_CADENCE_DAYS + " days)"),
							"Erosion of executive-level buy-in"));
		}
		Integer now = s.npsNow();
		Integer before = s.npsBefore();
		if (now != null && before != null && before - now >= ExecutiveActions.NPS_DROP) {
			issues.add(new Issue("Satisfaction decline", Priority.MEDIUM,
					List.of("NPS " + now + " over the last 90 days (was " + before + " the 90 days before)"),
					"Detractors talk to competitors: " + renewalImpact.toLowerCase(Locale.ROOT)));
		}
		PaymentFacts p = c.payment();
		if (p != null && p.maxDaysOverdue() > 30) {
			issues.add(new Issue("Payment delays", Priority.MEDIUM,
					List.of("Invoice " + p.mostOverdueNumber() + " is " + p.maxDaysOverdue() + " days overdue",
							p.averageDaysToPay() == null ? "No payment measured yet" : "Pays in "
									+ p.averageDaysToPay().setScale(0, RoundingMode.HALF_UP) + " days on average"),
					"Budget pressure: revenue reduction or churn"));
		}
		issues.sort(Comparator.comparing(Issue::priority));
		return issues;
	}

	/**
	 * The recommendations, by horizon:
	 * <ul>
	 * <li>Immediate: an executive call to the client's executive when the account is not
	 * Green or the sponsor has not met them in {@value #EXEC_CADENCE_DAYS} days; the
	 * top-ranked recruiter when placements fell off or time-to-fill is slow; a goodwill
	 * service credit of 10% of ARR when the account is Red with falloffs or open
	 * escalations.</li>
	 * <li>Short-term: an enhanced {@value #TTF_ENHANCED_DAYS}-day time-to-fill and daily
	 * status updates when time-to-fill is slow or placements fell off; weekly executive
	 * check-ins for 8 weeks when the account is Red; a payment conversation when an
	 * invoice is over 30 days overdue.</li>
	 * <li>Long-term: a process audit of matching when placements fell off; renewal
	 * preparation when the contract ends within 180 days; a strategic partnership
	 * discussion (deeper integration, services beyond staffing) when the account is Green
	 * or has no open expansion.</li>
	 * </ul>
	 */
	public static List<Recommendation> recommendations(Context c) {
		AccountSignals s = c.signals();
		HealthBand band = s.band();
		Integer since = s.daysSinceTouch();
		DeliverySince d = c.delivery();
		boolean slow = d != null && d.averageDaysToFill() != null
				&& d.averageDaysToFill().compareTo(BigDecimal.valueOf(TTF_SLA_DAYS)) > 0;
		boolean falloffs = s.falloffs() > 0;
		List<Recommendation> list = new ArrayList<>();
		if (band != HealthBand.GREEN || since == null || since > EXEC_CADENCE_DAYS) {
			list.add(new Recommendation(Horizon.IMMEDIATE, "Executive call to the client's executive",
					List.of("Acknowledge the issues, express commitment", "Listen to concerns, take ownership",
							"Outline the recovery plan"),
					band != HealthBand.GREEN ? "Health is " + band.label() + " (" + s.account().healthScore() + "/100)"
							: since == null ? "No executive touchpoint on record"
									: "Last executive touch " + since + " days ago",
					"call"));
		}
		if (falloffs || slow) {
			List<String> details = new ArrayList<>();
			if (c.bestRecruiter() != null) {
				details.add("Recommended: " + c.bestRecruiter()
						+ (c.bestRecruiterReason() == null ? "" : " (" + c.bestRecruiterReason() + ")"));
			}
			details.add("Dedicated resource for the next 90 days");
			list.add(new Recommendation(Horizon.IMMEDIATE, "Assign a top-performing recruiter to the account", details,
					falloffs ? s.falloffs() + " placements fell off in 60 days" : "Time-to-fill above the SLA",
					"recruiter"));
		}
		if (band == HealthBand.RED && (falloffs || s.openEscalations() > 0)) {
			Money credit = new Money(
					s.account().arrUsd().amount().multiply(CREDIT_SHARE).setScale(-3, RoundingMode.HALF_UP), "USD");
			list.add(new Recommendation(Horizon.IMMEDIATE, "Offer a service credit as goodwill",
					List.of("Suggest: " + MoneyFormat.compact(credit) + " (10% of ARR)",
							"Shows commitment to making things right; finance approves it"),
					"Red health with " + (falloffs ? "failed placements" : "open escalations"), "credit"));
		}
		if (slow || falloffs) {
			list.add(new Recommendation(Horizon.SHORT_TERM, "Implement an enhanced SLA for this account",
					List.of("Time-to-fill target: " + TTF_ENHANCED_DAYS + " days (vs standard " + TTF_SLA_DAYS + ")",
							"Daily status updates to the client"),
					slow ? "Average time-to-fill " + d.averageDaysToFill().setScale(0, RoundingMode.HALF_UP)
							+ " days over 90 days" : "Placements fell off",
					"plan"));
		}
		if (band == HealthBand.RED) {
			list.add(new Recommendation(Horizon.SHORT_TERM, "Weekly executive sponsor check-ins",
					List.of("Every week for the next 8 weeks", "Progress updates, relationship rebuilding"),
					"Health is Red", "call"));
		}
		PaymentFacts p = c.payment();
		if (p != null && p.maxDaysOverdue() > 30) {
			list.add(new Recommendation(Horizon.SHORT_TERM, "Resolve the overdue invoice with the client's finance",
					List.of("Invoice " + p.mostOverdueNumber() + " is " + p.maxDaysOverdue() + " days overdue",
							"Offer a payment plan within your authority"),
					"An invoice more than 30 days overdue", "message"));
		}
		if (falloffs) {
			list.add(new Recommendation(Horizon.LONG_TERM, "Process audit and optimization",
					List.of("Review the matching for this client", "Understand the client's culture-fit requirements"),
					s.falloffs() + " falloffs in 60 days", "plan"));
		}
		Long renewal = s.daysToRenewal();
		if (renewal != null && renewal >= 0 && renewal <= 180) {
			list.add(
					new Recommendation(Horizon.LONG_TERM, "Secure the renewal",
							List.of("Contract ends " + DAY.format(s.account().renewalDate()) + " (" + renewal
									+ " days)", "Agree terms at least 45 days before"),
							"Renewal within 180 days", "plan"));
		}
		if (band == HealthBand.GREEN || s.pipeline() == null || s.pipeline().open() == 0) {
			list.add(new Recommendation(Horizon.LONG_TERM, "Strategic partnership discussion",
					List.of("Explore deeper integration (exclusive partnership)", "Value-add services beyond staffing"),
					s.pipeline() == null || s.pipeline().open() == 0 ? "No open expansion opportunity"
							: "A healthy account to grow",
					null));
		}
		return list;
	}

	/**
	 * The success metrics of a 90-day recovery (spec 01): health to 75+, NPS to 65+ when
	 * below, time-to-fill to {@value #TTF_ENHANCED_DAYS} days when slower, no falloffs
	 * when there were any, the renewal secured 45 days before the contract ends.
	 */
	public static List<Metric> successMetrics(Context c, LocalDate today) {
		AccountSignals s = c.signals();
		LocalDate due = today.plusDays(90);
		List<Metric> metrics = new ArrayList<>();
		Integer health = s.account().healthScore();
		if (health == null || health < 75) {
			metrics.add(new Metric(RecoveryMeasure.HEALTH, "Health score", health == null ? "not scored" : "" + health,
					"75+", BigDecimal.valueOf(75), due));
		}
		Integer nps = s.npsNow();
		if (nps == null || nps < 65) {
			metrics.add(new Metric(RecoveryMeasure.NPS, "NPS", nps == null ? "no responses" : "" + nps, "65+",
					BigDecimal.valueOf(65), due));
		}
		DeliverySince d = c.delivery();
		if (d != null && d.averageDaysToFill() != null
				&& d.averageDaysToFill().compareTo(BigDecimal.valueOf(TTF_ENHANCED_DAYS)) > 0) {
			metrics.add(new Metric(RecoveryMeasure.TIME_TO_FILL, "Time-to-fill",
					d.averageDaysToFill().setScale(0, RoundingMode.HALF_UP) + " days", TTF_ENHANCED_DAYS + " days",
					BigDecimal.valueOf(TTF_ENHANCED_DAYS), due));
		}
		if (s.falloffs() > 0) {
			metrics.add(new Metric(RecoveryMeasure.FALLOFFS, "Placement success", s.falloffs() + " falloffs in 60 days",
					"100% (no falloffs)", BigDecimal.ZERO, due));
		}
		if (s.account().renewalDate() != null && s.daysToRenewal() != null && s.daysToRenewal() >= 0) {
			LocalDate by = s.account().renewalDate().minusDays(45);
			if (by.isBefore(today)) {
				by = s.account().renewalDate();
			}
			metrics.add(new Metric(RecoveryMeasure.RENEWAL, "Contract renewal",
					"ends " + DAY.format(s.account().renewalDate()), "secured by " + DAY.format(by), BigDecimal.ONE,
					by));
		}
		return metrics;
	}

}
