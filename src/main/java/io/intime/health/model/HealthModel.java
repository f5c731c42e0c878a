package io.intime.health.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.intime.accounts.HealthBand;
import jakarta.validation.constraints.Size;

/**
 * A health model: its components (each with a maximum, a measure, a window and bands that
 * turn the measured input into points) and the colour bands of the total. Stored as data,
 * versioned: every change is a new version, and every score records the version it was
 * computed with.
 *
 * @param version 1, 2, … (0 for a draft not yet saved)
 * @param greenFrom totals from here up are Green (80 in the default model)
 * @param yellowFrom totals from here below {@code greenFrom} are Yellow (50); below is
 * Red
 */
public record HealthModel(int version, String name, List<Component> components, int greenFrom, int yellowFrom,
		Instant createdAt, String createdBy, String note) {

	public HealthModel {
		components = List.copyOf(components);
	}

	/** The band of a total. */
	public HealthBand bandOf(int total) {
		return total >= greenFrom ? HealthBand.GREEN : total >= yellowFrom ? HealthBand.YELLOW : HealthBand.RED;
	}

	/** Sum of the components' maxima (100 in a valid model). */
	public int maximum() {
		return components.stream().mapToInt(Component::maximum).sum();
	}

	/** The model as saved under another version, by someone, with a note. */
	public HealthModel saved(int newVersion, Instant at, String by, String withNote) {
		return new HealthModel(newVersion, name, components, greenFrom, yellowFrom, at, by, withNote);
	}

	/**
	 * One component: {@code key} (stable, e.g. {@code hiring}), its label, what it
	 * measures, its maximum points, the window in days back from the day scored, and its
	 * bands from best to worst. A component gets the points of the first band whose
	 * bounds all hold, 0 when none does.
	 */
	public record Component(@Size(max = 30) String key, @Size(max = HealthModels.MAX_NAME) String label,
			Measure measure, int maximum, int windowDays,
			@Size(max = HealthModels.MAX_BANDS, message = "may have at most {max} bands") List<Band> bands) {

		public Component {
			bands = List.copyOf(bands);
		}

		/** The first band whose bounds hold for these inputs, or null (0 points). */
		public Band bandFor(BigDecimal x, BigDecimal y) {
			for (Band band : bands) {
				if (band.holds(x, y)) {
					return band;
				}
			}
			return null;
		}
	}

	/**
	 * Points for inputs within bounds, all inclusive and any may be null (no bound):
	 * {@code min} and {@code max} bound the measure's first input, {@code min2} and
	 * {@code max2} its second. The label says it in the rubric's words ("5–10 active
	 * reqs, hiring 3–5/month").
	 */
	public record Band(int points, @Size(max = HealthModels.MAX_NAME) String label, BigDecimal min, BigDecimal max,
			BigDecimal min2, BigDecimal max2) {

		boolean holds(BigDecimal x, BigDecimal y) {
			return within(x, min, max) && within(y, min2, max2);
		}

		private static boolean within(BigDecimal value, BigDecimal low, BigDecimal high) {
			if (low == null && high == null) {
				return true;
			}
			if (value == null) {
				return false;
			}
			return (low == null || value.compareTo(low) >= 0) && (high == null || value.compareTo(high) <= 0);
		}
	}
}
