package io.intime.automation;

/** Who owns the runs a rule starts (notified when a step is overdue). */
public enum OwnerKind {

	/** The account's manager. */
	ACCOUNT_MANAGER("The account manager"),
	/** The account's executive sponsor; its manager when it has none. */
	EXECUTIVE_SPONSOR("The executive sponsor"),
	/** A person named on the rule. */
	USER("A named person");

	private final String label;

	OwnerKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
