package io.intime.engagement;

/** How a logged call ended (spec 02 step 5). */
public enum CallOutcome {

	RESOLVED("Resolved"), FOLLOW_UP("Follow-up required"), ESCALATE("Escalate further");

	private final String label;

	CallOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
