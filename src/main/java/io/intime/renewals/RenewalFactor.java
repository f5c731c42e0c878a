package io.intime.renewals;

/**
 * What a renewal's probability is made of (issue: health, its trend, days since an
 * executive touch, open P0/P1 escalations, payment behaviour, NPS trend, tier). Each
 * factor turns its raw value into the model's input around a neutral reference, and names
 * its value for people.
 */
public enum RenewalFactor {

	HEALTH("Health score", 70, 10), HEALTH_TREND("Health trend (90 days)", 0, 10),
	EXECUTIVE_TOUCH("Days since an executive touch", 30, 30), SEVERE_ESCALATIONS("Open P0/P1 escalations", 0, 1),
	PAYMENT("Average days to pay", 30, 10), NPS_TREND("NPS trend (90 days)", 0, 10), TIER("Tier", 0, 1);

	private final String label;

	private final double reference;

	private final double scale;

	RenewalFactor(String label, double reference, double scale) {
		this.label = label;
		this.reference = reference;
		this.scale = scale;
	}

	public String label() {
		return label;
	}

	/** The model's input: the raw value's distance from the reference, in scale units. */
	double input(double raw) {
		return (raw - reference) / scale;
	}

	/** The raw value that counts as neutral (for a factor's contribution). */
	double reference() {
		return reference;
	}

	/** The raw value as people read it. */
	String describe(double raw) {
		long v = Math.round(raw);
		return switch (this) {
			case HEALTH -> v + "/100";
			case HEALTH_TREND, NPS_TREND -> (v > 0 ? "+" : "") + v + " points";
			case EXECUTIVE_TOUCH -> v >= 180 ? "none in 180 days" : v + " days";
			case SEVERE_ESCALATIONS -> v == 0 ? "none" : String.valueOf(v);
			case PAYMENT -> v + " days";
			case TIER -> v > 0 ? "Strategic" : v < 0 ? "Standard" : "Growth";
		};
	}

	static final RenewalFactor[] ALL = values();

}
