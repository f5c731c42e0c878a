package io.intime.console.brief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.intime.accounts.HealthBand;
import io.intime.billing.InvoiceView;
import io.intime.escalations.EscalationView;
import io.intime.revenue.OpportunityView;
import io.intime.shared.MoneyFormat;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementView;

/**
 * The explicit rules of a call brief's talking points (spec 02 step 5 "preparation"):
 * each point is made from one fact of the account and names the rule that made it, most
 * pressing first (money owed, open escalations, health, hiring, then what to build on).
 * Pure: facts in, points out; the facts are those the reader may see.
 */
final class CallBriefRules {

	/** Open roles older than this are worth a question. */
	static final int AGING_DAYS = 45;

	private CallBriefRules() {
	}

	record Facts(String accountName, Integer healthScore, HealthBand band, List<InvoiceView> invoices,
			BigDecimal averageDaysToPay, List<EscalationView> openEscalations, List<JobView> openJobs,
			List<PlacementView> placements, List<OpportunityView> opportunities, LocalDate today) {
	}

	record TalkingPoint(String text, String rule) {
	}

	static List<TalkingPoint> points(Facts f) {
		List<TalkingPoint> points = new ArrayList<>();
		List<InvoiceView> overdue = f.invoices()
			.stream()
			.filter(InvoiceView::overdue)
			.sorted(Comparator.comparing((InvoiceView i) -> i.daysOverdue() == null ? 0 : i.daysOverdue()).reversed())
			.toList();
		if (!overdue.isEmpty()) {
			InvoiceView worst = overdue.get(0);
			points.add(new TalkingPoint("Acknowledge the relationship, then raise invoice " + worst.number() + ": "
					+ worst.daysOverdue() + " days overdue (" + MoneyFormat.format(worst.amount())
					+ "). Ask open-ended what has changed; listen for a budget freeze, a dispute or a process issue.",
					"invoice overdue"));
			if (f.averageDaysToPay() != null && f.averageDaysToPay().compareTo(BigDecimal.valueOf(35)) <= 0) {
				points.add(new TalkingPoint(
						"Say it is unusual: they pay in " + f.averageDaysToPay().intValue() + " days on average.",
						"usually pays on time"));
			}
			points.add(new TalkingPoint("Offer solutions within your authority: a payment plan, an invoice correction.",
					"invoice overdue"));
		}
		for (EscalationView e : f.openEscalations()) {
			points.add(new TalkingPoint("Give the status of " + e.key() + " (" + e.severity() + ", "
					+ e.status().label().toLowerCase() + "): " + e.title() + ", and agree the next step.",
					"open escalation"));
		}
		if (f.band() == HealthBand.RED || f.band() == HealthBand.YELLOW) {
			points.add(new TalkingPoint(
					"Health is " + f.band().label().toLowerCase()
							+ (f.healthScore() == null ? "" : " (" + f.healthScore() + "/100)")
							+ ": ask what would make the partnership better for them.",
					"health " + f.band().label().toLowerCase()));
		}
		f.openJobs()
			.stream()
			.filter(j -> j.daysOpen() > AGING_DAYS)
			.max(Comparator.comparingInt(JobView::daysOpen))
			.ifPresent(j -> points.add(new TalkingPoint(
					"Confirm the priority of " + j.title() + ", open " + j.daysOpen()
							+ " days: is the brief or the rate still right?",
					"role open over " + AGING_DAYS + " days")));
		f.placements()
			.stream()
			.filter(p -> !p.startDate().isAfter(f.today()) && p.startDate().isAfter(f.today().minusDays(60)))
			.max(Comparator.comparing(PlacementView::startDate))
			.ifPresent(p -> points.add(new TalkingPoint("Ask for feedback on " + p.candidateName() + " (" + p.jobTitle()
					+ ", started " + p.startDate() + ").", "placement in the last 60 days")));
		f.opportunities()
			.stream()
			.filter(OpportunityView::open)
			.findFirst()
			.ifPresent(o -> points.add(new TalkingPoint("If the moment is right, explore " + o.title() + " ("
					+ MoneyFormat.compact(o.value()) + ", " + o.stage().name().toLowerCase() + ").",
					"open expansion opportunity")));
		if (points.isEmpty()) {
			points.add(new TalkingPoint("Nothing pressing: a check-in on their hiring plans for next quarter.",
					"no open issue"));
		}
		return points;
	}

}
