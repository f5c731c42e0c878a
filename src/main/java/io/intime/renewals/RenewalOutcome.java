package io.intime.renewals;

/** How a renewal ended. */
public enum RenewalOutcome {

	RENEWED("Renewed"), RENEWED_WITH_CHANGE("Renewed with change"), DOWNGRADED("Downgraded"), CHURNED("Churned");

	private final String label;

	RenewalOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean renewed() {
		return this != CHURNED;
	}

}
