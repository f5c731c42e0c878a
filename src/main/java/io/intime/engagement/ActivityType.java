package io.intime.engagement;

/**
 * What kind of interaction an activity records. Calls and meetings can be executive
 * touchpoints.
 */
public enum ActivityType {

	CALL("Call"), EMAIL("Email"), MEETING("Meeting"), NOTE("Note");

	private final String label;

	ActivityType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * Whether an activity of this type counts as a touchpoint when an executive takes
	 * part.
	 */
	public boolean canBeTouchpoint() {
		return this == CALL || this == MEETING;
	}

	/**
	 * Whether someone reached someone: a note is among ourselves (its direction is always
	 * internal).
	 */
	public boolean hasDirection() {
		return this != NOTE;
	}

	/**
	 * Whether it lasts a while: calls and meetings have a duration, emails and notes
	 * none.
	 */
	public boolean hasDuration() {
		return this == CALL || this == MEETING;
	}

	/** "a call", "an email", "a meeting", "a note". */
	public String withArticle() {
		return (this == EMAIL ? "an " : "a ") + label.toLowerCase();
	}

}
