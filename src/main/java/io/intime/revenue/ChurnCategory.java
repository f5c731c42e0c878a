package io.intime.revenue;

/**
 * Why a client was lost (spec 03, churn categories): the client chose to leave, the firm
 * ended it (e.g. non-payment), or the client's structure changed (M&amp;A, bankruptcy).
 */
public enum ChurnCategory {

	VOLUNTARY("Voluntary"), INVOLUNTARY("Involuntary"), STRUCTURAL("Structural");

	private final String label;

	ChurnCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
