package io.intime.revenue;

/**
 * The stages of an expansion opportunity (spec 02, Expansion Pipeline): four open, then
 * won or lost.
 */
public enum OpportunityStage {

	IDENTIFIED("Identified"), QUALIFIED("Qualified"), PROPOSAL("Proposal"), NEGOTIATION("Negotiation"), WON("Won"),
	LOST("Lost");

	private final String label;

	OpportunityStage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Still in the pipeline (not won or lost). */
	public boolean open() {
		return this != WON && this != LOST;
	}

	/** The next open stage, or null from NEGOTIATION on (closing is WON or LOST). */
	public OpportunityStage next() {
		return switch (this) {
			case IDENTIFIED -> QUALIFIED;
			case QUALIFIED -> PROPOSAL;
			case PROPOSAL -> NEGOTIATION;
			default -> null;
		};
	}

}
