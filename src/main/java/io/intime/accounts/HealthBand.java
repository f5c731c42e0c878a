package io.intime.accounts;

/** The colour of an account's health score, as the accounts list filters and shows it. */
public enum HealthBand {

	GREEN("Green"), YELLOW("Yellow"), RED("Red");

	private final String label;

	HealthBand(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
