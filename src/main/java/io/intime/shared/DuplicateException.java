package io.intime.shared;

/**
 * A record that would duplicate an existing one; names the field and links to the
 * existing record so that the person can go there instead.
 */
public class DuplicateException extends InvalidInputException {

	private final String existingLink;

	private final String existingLabel;

	public DuplicateException(String field, String message, String existingLabel, String existingLink) {
		super(field, message);
		this.existingLabel = existingLabel;
		this.existingLink = existingLink;
	}

	public String existingLink() {
		return existingLink;
	}

	public String existingLabel() {
		return existingLabel;
	}

}
