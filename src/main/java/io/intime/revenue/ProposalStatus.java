package io.intime.revenue;

/**
 * Where a proposal stands: a DRAFT is edited; IN_REVIEW waits for the sales director;
 * RETURNED came back with comments; APPROVED may be sent (its approved version); SENT
 * went to the client as a PDF. Saving a new version makes it a DRAFT again.
 */
public enum ProposalStatus {

	DRAFT("Draft"), IN_REVIEW("In review"), RETURNED("Returned"), APPROVED("Approved"), SENT("Sent");

	private final String label;

	ProposalStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
