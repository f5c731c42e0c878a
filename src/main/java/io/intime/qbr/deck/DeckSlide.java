package io.intime.qbr.deck;

/** The slides of a QBR deck, in their order. */
public enum DeckSlide {

	TITLE("Title"), EXECUTIVE_SUMMARY("Executive summary"), PLACEMENT_BREAKDOWN("Placement breakdown"),
	QUALITY_METRICS("Quality metrics"), SUCCESS_STORY("Success story"), CHALLENGES("Challenges & resolutions"),
	INITIATIVES("Next-quarter initiatives"), HEALTH_SCORECARD("Account health scorecard"),
	DISCUSSION("Discussion & action items");

	private final String label;

	DeckSlide(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
