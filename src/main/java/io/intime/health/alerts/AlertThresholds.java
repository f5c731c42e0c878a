package io.intime.health.alerts;

/**
 * The configurable thresholds of the alert rules; {@link #DEFAULTS} are issue 3's.
 *
 * @param npsDropPoints an NPS drop of at least this many points (−100..100 scale) between
 * two 90-day windows
 * @param touchpointDaysStrategic days without an executive touchpoint after which a
 * strategic account alerts
 * @param touchpointDaysOther the same for other accounts
 * @param noHiringDays days since the last hire
 * @param invoiceOverdueDays days an invoice is overdue
 * @param escalationsPerMonth escalations raised in the last 30 days
 */
public record AlertThresholds(int npsDropPoints, int touchpointDaysStrategic, int touchpointDaysOther, int noHiringDays,
		int invoiceOverdueDays, int escalationsPerMonth) {

	public static final AlertThresholds DEFAULTS = new AlertThresholds(20, 30, 90, 60, 45, 3);

}
