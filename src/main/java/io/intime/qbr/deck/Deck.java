package io.intime.qbr.deck;

import java.util.List;

/**
 * A generated deck.
 *
 * @param pptx the PowerPoint file
 * @param omitted the slides left out and why, e.g. "Placement breakdown: no placements
 * this quarter"
 * @param slides the number of slides in it
 */
public record Deck(byte[] pptx, List<String> omitted, int slides) {

	public Deck {
		omitted = List.copyOf(omitted);
	}

}
