package io.intime.health.scoring;

import java.time.LocalDate;
import java.util.List;

import io.intime.accounts.HealthBand;

/**
 * The score of one account as of one day under one model version.
 *
 * @param total 0–100: the points of the measured components, scaled to 100 when some
 * input is missing (so an account is neither punished nor rewarded for a fact nobody
 * recorded)
 * @param measuredMaximum the maxima of the measured components (100 when nothing is
 * missing)
 */
public record Score(long accountId, LocalDate asOf, int modelVersion, int total, HealthBand band, int measuredMaximum,
		List<ComponentScore> components) {

	/**
	 * A 64-bit hash of everything the score shows apart from its day (model version,
	 * total, each component's points, and the {@link #detailFingerprint() details}):
	 * equal fingerprints, nothing to write. The day is left out on purpose: the nightly
	 * run finds most scores as they were the day before, and those are confirmed by the
	 * run (health_run) instead of rewritten.
	 */
	public long fingerprint() {
		StringBuilder text = new StringBuilder(64).append(modelVersion).append('|').append(total);
		for (ComponentScore c : components) {
			text.append('|').append(c.points());
		}
		return fnv(text.append('|').append(detailFingerprint()));
	}

	/**
	 * A 64-bit hash of what the facts say per component (key, inputs, band reached,
	 * sentence), without the points: a model change that only reweighs leaves it as it
	 * was, and the details stored with it are not written again.
	 */
	public long detailFingerprint() {
		StringBuilder text = new StringBuilder(512);
		for (ComponentScore c : components) {
			text.append('|')
				.append(c.key())
				.append(':')
				.append(c.x() == null ? "" : c.x().toPlainString())
				.append(':')
				.append(c.y() == null ? "" : c.y().toPlainString())
				.append(':')
				.append(c.band())
				.append(':')
				.append(c.sentence());
		}
		return fnv(text);
	}

	/** FNV-1a, 64 bits. */
	private static long fnv(CharSequence text) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			hash ^= text.charAt(i);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/** Points per component in the model's order, null where missing (as stored). */
	public Integer[] points() {
		return components.stream().map(ComponentScore::points).toArray(Integer[]::new);
	}
}
