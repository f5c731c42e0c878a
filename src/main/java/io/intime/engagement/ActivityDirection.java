package io.intime.engagement;

/**
 * Who reached whom: the client reached us, we reached them, or a note among ourselves.
 */
public enum ActivityDirection {

	INBOUND("Inbound"), OUTBOUND("Outbound"), INTERNAL("Internal");

	private final String label;

	ActivityDirection(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
