package io.intime.engagement;

/** How the interaction went for the relationship. */
public enum Sentiment {

	POSITIVE("Positive"), NEUTRAL("Neutral"), NEGATIVE("Negative");

	private final String label;

	Sentiment(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
