package io.intime.revenue;

/**
 * The sections of an expansion proposal (spec 02 step 15), in the order the document
 * shows them; the rate table and the projected value are their own parts.
 */
public enum ProposalSection {

	SUMMARY("Executive summary"), SCOPE("Proposed scope"), TERMS("Commercial terms"), TEAM("Team & expertise"),
	TIMELINE("Implementation timeline"), NEXT_STEPS("Next steps"), CONTACT("Contact");

	private final String label;

	ProposalSection(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
