package io.intime.health.alerts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.intime.accounts.HealthBand;
import io.intime.health.Citations;
import io.intime.health.Citations.Source;

/**
 * The alert rules of issue 3 as plain functions of an {@link AlertSituation}: which
 * conditions hold for an account now, with a reason that carries the figures and a link
 * to the evidence (the details it cites of other modules' records as {@link Citations},
 * rendered for each reader). Raising, de-duplicating and clearing alerts is
 * {@code Alerts}' job.
 */
public final class AlertRules {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	private AlertRules() {
	}

	/** Every condition that holds, in the order of {@link AlertRule}. */
	public static List<AlertCondition> evaluate(AlertSituation s, AlertThresholds t) {
		List<AlertCondition> holding = new ArrayList<>();
		String account = "/accounts/" + s.accountId();
		if (s.previousBand() != null && worse(s.band(), s.previousBand())) {
			holding.add(new AlertCondition(AlertRule.BAND_DROP,
					s.band() == HealthBand.RED ? AlertSeverity.HIGH : AlertSeverity.MEDIUM, "Health dropped from "
							+ s.previousBand().label() + " to " + s.band().label() + " (" + s.score() + "/100)",
					account + "/health"));
		}
		if (s.accountNps() != null && s.accountNpsPrevious() != null
				&& s.accountNpsPrevious() - s.accountNps() >= t.npsDropPoints()) {
			int drop = s.accountNpsPrevious() - s.accountNps();
			holding.add(new AlertCondition(AlertRule.NPS_DROP,
					drop >= 2 * t.npsDropPoints() ? AlertSeverity.HIGH : AlertSeverity.MEDIUM,
					"NPS fell " + drop + " points: " + s.accountNps() + " in the last 90 days, "
							+ s.accountNpsPrevious() + " in the 90 days before",
					account + "/activities#nps"));
		}
		int touchpointDays = s.strategic() ? t.touchpointDaysStrategic() : t.touchpointDaysOther();
		if (s.daysSinceExecutiveTouchpoint() != null && s.daysSinceExecutiveTouchpoint() >= touchpointDays) {
			holding.add(new AlertCondition(AlertRule.EXECUTIVE_TOUCHPOINT_OVERDUE,
					s.strategic() ? AlertSeverity.HIGH : AlertSeverity.MEDIUM,
					"No executive call or meeting in " + s.daysSinceExecutiveTouchpoint() + " days"
							+ since(s.lastExecutiveTouchpoint()) + "; " + (s.strategic() ? "strategic" : "other")
							+ " accounts need one every " + touchpointDays + " days",
					account + "/activities"));
		}
		if (s.daysSinceLastHire() != null && s.daysSinceLastHire() >= t.noHiringDays()) {
			holding.add(new AlertCondition(AlertRule.NO_HIRING, AlertSeverity.MEDIUM,
					"No hire in " + s.daysSinceLastHire() + " days (last: "
							+ (s.lastHireTitle() == null ? "" : s.lastHireTitle() + ", ")
							+ (s.lastHireDate() == null ? "unknown" : DAY.format(s.lastHireDate())) + ")",
					account + "/jobs"));
		}
		if (s.maxDaysOverdue() != null && s.maxDaysOverdue() >= t.invoiceOverdueDays()) {
			holding.add(new AlertCondition(AlertRule.INVOICE_OVERDUE,
					s.maxDaysOverdue() >= 60 ? AlertSeverity.HIGH : AlertSeverity.MEDIUM,
					(s.mostOverdueInvoice() == null ? "An invoice"
							: Citations.cite(Source.BILLING, "Invoice " + s.mostOverdueInvoice(), "An invoice"))
							+ " is " + s.maxDaysOverdue() + " days overdue",
					account + "/invoices"
							+ (s.mostOverdueInvoiceId() == null ? "" : "#invoice-" + s.mostOverdueInvoiceId())));
		}
		if (s.escalations30d() != null && s.escalations30d() >= t.escalationsPerMonth()) {
			holding.add(new AlertCondition(AlertRule.ESCALATION_SURGE, AlertSeverity.HIGH,
					s.escalations30d() + " escalations in the last 30 days", account + "/escalations"));
		}
		return holding;
	}

	/**
	 * Whether an open band-drop alert raised when the account fell from {@code from}
	 * still holds: until the account is back at that band or better.
	 */
	public static boolean bandDropStillHolds(HealthBand from, HealthBand now) {
		return from != null && worse(now, from);
	}

	static boolean worse(HealthBand a, HealthBand b) {
		return a.ordinal() > b.ordinal();
	}

	private static String since(LocalDate date) {
		return date == null ? "" : " (last: " + DAY.format(date) + ")";
	}

}
