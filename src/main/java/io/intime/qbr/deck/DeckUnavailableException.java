package io.intime.qbr.deck;

/**
 * The deck cannot be made at all, e.g. the quarter has no data for its executive summary,
 * or the organization's template cannot be opened. The message reads "Unable to generate
 * QBR deck: " and the reason; the recovery is a deck made by hand.
 */
public class DeckUnavailableException extends RuntimeException {

	private final String reason;

	public DeckUnavailableException(String reason) {
		this(reason, null);
	}

	public DeckUnavailableException(String reason, Throwable cause) {
		super("Unable to generate QBR deck: " + reason, cause);
		this.reason = reason;
	}

	/** Why, without the "Unable to generate QBR deck" prefix. */
	public String reason() {
		return reason;
	}

}
