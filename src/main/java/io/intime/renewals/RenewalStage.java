package io.intime.renewals;

/**
 * Where a renewal stands: opened, proposal out, in negotiation, or closed with an
 * outcome.
 */
public enum RenewalStage {

	OPEN("Open"), PROPOSAL("Proposal"), NEGOTIATION("Negotiation"), CLOSED("Closed");

	private final String label;

	RenewalStage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
