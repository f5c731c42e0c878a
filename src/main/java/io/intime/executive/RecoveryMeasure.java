package io.intime.executive;

/**
 * What a recovery plan's goal measures (spec 01 step 2, "Success Metrics (90-Day Recovery
 * Plan)"), each read from the live facts.
 */
public enum RecoveryMeasure {

	/** The account's health score; higher is better. */
	HEALTH("Health score", true, ""),
	/** The account's NPS over the last 90 days (−100…100); higher is better. */
	NPS("NPS", true, ""),
	/** Average days from opened to filled over jobs filled since the plan began. */
	TIME_TO_FILL("Time-to-fill", false, " days"),
	/** Placements that fell off since the plan began; the target is usually 0. */
	FALLOFFS("Placement falloffs", false, ""),
	/** 1 once the contract has been renewed (an ACTIVE contract ends after the plan). */
	RENEWAL("Contract renewal", true, "");

	private final String label;

	private final boolean higherIsBetter;

	private final String unit;

	RecoveryMeasure(String label, boolean higherIsBetter, String unit) {
		this.label = label;
		this.higherIsBetter = higherIsBetter;
		this.unit = unit;
	}

	public String label() {
		return label;
	}

	public boolean higherIsBetter() {
		return higherIsBetter;
	}

	public String unit() {
		return unit;
	}

}
