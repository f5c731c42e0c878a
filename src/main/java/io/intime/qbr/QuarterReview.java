package io.intime.qbr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.intime.shared.Money;

/**
 * What a QBR presents about one account and quarter, computed from the facts (staffing,
 * escalations, engagement, revenue, health): the key metrics each against its target, the
 * year to date against last year, placements by department and by role type, success
 * stories, challenges and their resolutions, expansion opportunities, and the health
 * scorecard. What is missing is named in {@link #missing()} and on the metric, never
 * shown as zero.
 *
 * @param missing what has no data this quarter, e.g. "no NPS response this quarter"
 */
public record QuarterReview(long accountId, String accountName, String tier, QbrQuarter quarter, LocalDate asOf,
		List<Metric> metrics, YearToDate yearToDate, List<Count> byDepartment, List<Count> byRoleType,
		List<Story> stories, List<Challenge> challenges, List<Opportunity> opportunities, HealthCard health,
		List<String> missing) {

	/** How a metric stands against its target. */
	public enum Status {

		/** Target met or beaten. */
		MET,
		/** Within 10% of the target. */
		NEAR,
		/** Short of the target by more. */
		MISSED,
		/** No target, or no data. */
		NONE

	}

	/**
	 * One key metric of the quarter.
	 *
	 * @param key a stable name: placements, timeToFill, placementSuccess, nps,
	 * offerAcceptance, submissionsToHire, firstYearRetention, responsiveness
	 * @param value the quarter's value as shown ("28", "26 days", "96%"), or null when
	 * missing
	 * @param number the value as a number for charts and comparisons, or null
	 * @param target the target as shown ("24 target", "30-day SLA"), or null
	 * @param previous the previous quarter's value as shown, or null
	 * @param comparison against the target, e.g. "+17%" or "13% faster", or null
	 * @param missingReason why there is no value, e.g. "no NPS response this quarter"
	 */
	public record Metric(String key, String label, String value, BigDecimal number, String target, String previous,
			String comparison, Status status, String missingReason) {

		public boolean missing() {
			return value == null;
		}

	}

	/**
	 * The year to date: placements and revenue, with the change against the same period
	 * last year (null when last year had none).
	 */
	public record YearToDate(int placements, int placementsLastYear, Integer placementsChangePercent, Money revenue,
			Money revenueLastYear, Integer revenueChangePercent) {
	}

	/** A labelled count, e.g. Engineering 12, or Contract 14. */
	public record Count(String label, int count) {
	}

	/**
	 * A placement worth telling: the role, how fast it was filled against the SLA, that
	 * the candidate stayed, and the note kept on it.
	 */
	public record Story(long placementId, String title, String candidate, LocalDate startDate, Integer daysToFill,
			Integer slaDays, boolean stillPlaced, String note) {
	}

	/** An escalation of the quarter, what caused it and how it was resolved. */
	public record Challenge(long escalationId, String title, String severity, String rootCause, String resolution,
			LocalDate resolvedOn) {
	}

	/** An open expansion opportunity with its revenue potential. */
	public record Opportunity(long opportunityId, String name, String stage, Money value, String nextStep) {
	}

	/**
	 * The account's health score now with its components, and the score at the start of
	 * the quarter for the trend (null when it was not scored then).
	 */
	public record HealthCard(Integer score, String band, Integer scoreAtQuarterStart, List<Component> components) {

		/** One component of the score, e.g. Hiring velocity 25 of 25. */
		public record Component(String label, int points, int maxPoints, String detail) {
		}

	}

}
