package io.intime.health.web;

import java.time.Instant;
import java.util.List;

/**
 * What the health page shows of a score: the total and band, and per component its bar,
 * its explanation and what would raise it. {@code computedAt}: when the score last
 * changed; {@code checkedAt}: when a recompute last found it.
 */
public record HealthView(int total, String band, String bandLabel, int modelVersion, Instant computedAt,
		Instant checkedAt, List<Component> components, List<Move> moves, Integer change30, int greenFrom,
		int yellowFrom) {

	/**
	 * One component: {@code points} of {@code maximum} ({@code percent}), the band it
	 * reached, the measured input, and a sentence; {@code missing} when its input is not
	 * known (the sentence then states the model's rule for it).
	 */
	public record Component(String key, String label, Integer points, int maximum, int percent, String reached,
			String input, String explanation, boolean missing) {

		/** GREEN, YELLOW or RED by the share of the maximum, for the bar's colour. */
		public String tone() {
			return percent >= 80 ? "GREEN" : percent >= 50 ? "YELLOW" : "RED";
		}
	}

	/**
	 * What would move the score: for a component below its maximum, the change that
	 * reaches the next band, the points it adds, and where the total and band would land.
	 */
	/**
	 * Whether a recompute found the score unchanged after it last changed (a recompute
	 * that changes it stamps both times alike).
	 */
	public boolean checkedSinceChange() {
		return checkedAt != null && checkedAt.isAfter(computedAt);
	}

	public record Move(String component, String change, int gain, int newTotal, String newBand, String newBandLabel,
			boolean bandChanges) {
	}
}
