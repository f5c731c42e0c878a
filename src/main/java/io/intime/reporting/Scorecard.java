package io.intime.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/**
 * An account manager's scorecard for a month (spec 03): each metric's value against its
 * target, attained up to 100%, weighted into a score and a rating. A metric without data
 * (no NPS response this quarter, no QBR due in the year) is missing, not zero: the score
 * is the weighted attainment of the metrics measured.
 */
public record Scorecard(long ownerId, String ownerName, YearMonth month, List<Component> components, BigDecimal score,
		Rating rating) {

	/**
	 * One row: the value (null when missing, with why) and its attainment of the target.
	 */
	public record Component(ScorecardMetric metric, BigDecimal value, BigDecimal attainment, String missing,
			String detail, String link) {

		public boolean measured() {
			return value != null;
		}

	}

	/** Spec 03's overall rating of the weighted score. */
	public enum Rating {

		EXCEEDS("Exceeds expectations"), MEETS("Meets expectations"), NEEDS_IMPROVEMENT("Needs improvement"),
		UNACCEPTABLE("Unacceptable"), NOT_RATED("Not rated");

		private final String label;

		Rating(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** 90%+ exceeds, 75–89 meets, 60–74 needs improvement, below 60 unacceptable. */
		public static Rating of(BigDecimal score) {
			if (score == null) {
				return NOT_RATED;
			}
			double s = score.doubleValue();
			return s >= 90 ? EXCEEDS : s >= 75 ? MEETS : s >= 60 ? NEEDS_IMPROVEMENT : UNACCEPTABLE;
		}

	}

	/** A measured component: its attainment is value ÷ target, from 0 to 100%. */
	public static Component measured(ScorecardMetric metric, BigDecimal value, String detail, String link) {
		BigDecimal attainment = value.multiply(BigDecimal.valueOf(100))
			.divide(metric.target(), 1, RoundingMode.HALF_UP)
			.max(BigDecimal.ZERO)
			.min(BigDecimal.valueOf(100));
		return new Component(metric, value, attainment, null, detail, link);
	}

	public static Component missing(ScorecardMetric metric, String why, String link) {
		return new Component(metric, null, null, why, null, link);
	}

	/**
	 * The scorecard of these components: the weighted attainment of the measured ones.
	 */
	public static Scorecard of(long ownerId, String ownerName, YearMonth month, List<Component> components) {
		int weights = 0;
		BigDecimal sum = BigDecimal.ZERO;
		for (Component c : components) {
			if (c.measured()) {
				weights += c.metric().weight();
				sum = sum.add(c.attainment().multiply(BigDecimal.valueOf(c.metric().weight())));
			}
		}
		BigDecimal score = weights == 0 ? null : sum.divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP);
		return new Scorecard(ownerId, ownerName, month, components, score, Rating.of(score));
	}

	/** The weights of the measured metrics (of 100). */
	public int measuredWeight() {
		return components.stream().filter(Component::measured).mapToInt(c -> c.metric().weight()).sum();
	}

}
