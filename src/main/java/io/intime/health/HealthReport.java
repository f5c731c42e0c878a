package io.intime.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.intime.accounts.HealthBand;

/**
 * An account's current health as the API and the health page show it.
 *
 * @param asOf the day the facts were read as of
 * @param computedAt when the score last changed
 * @param checkedAt when it was last checked against the facts (a recompute that found it
 * unchanged leaves {@code computedAt} as it was); never before {@code computedAt}
 * @param measuredMaximum the maxima of the components measured (100 unless an input is
 * missing; the score is then scaled to 100)
 * @param components per component of the model, in its order
 * @param moves what would raise the score, largest gain first
 */
public record HealthReport(long accountId, int score, HealthBand band, LocalDate asOf, Instant computedAt,
		Instant checkedAt, int modelVersion, int measuredMaximum, int greenFrom, int yellowFrom,
		List<Component> components, List<Move> moves) {

	/**
	 * One component.
	 *
	 * @param points the points, null when its input is missing (not scored)
	 * @param percent points as a share of the maximum
	 * @param inputs the measured inputs by name (empty when missing)
	 * @param reached the label of the band reached
	 * @param explanation the sentence with the figures, or the rule when missing
	 */
	public record Component(String key, String label, String measure, Integer points, int maximum, int percent,
			boolean missing, Map<String, BigDecimal> inputs, String reached, String explanation) {
	}

	/**
	 * A change that would raise the score.
	 *
	 * @param change what would have to become true
	 * @param gain points the total would gain
	 * @param newTotal where the total would land
	 * @param newBand the band it would be in
	 */
	public record Move(String componentKey, String component, String change, int gain, int newTotal, HealthBand newBand,
			boolean bandChanges) {
	}

	/** One computation of the score's history. */
	public record Point(LocalDate asOf, Instant computedAt, int score, HealthBand band, int modelVersion) {
	}
}
