package io.intime.engagement;

/**
 * The kinds of client call an account manager logs, each with the notes template the log
 * call form offers (spec 02 step 5).
 */
public enum CallType {

	CHECK_IN("Check-in", """
			How are things going overall:
			Hiring plans next quarter:
			Feedback on our recruiters and candidates:
			"""),

	ISSUE_RESOLUTION("Issue resolution", """
			Issue raised by the client:
			Root cause:
			What we agreed:
			"""),

	PAYMENT("Payment or billing", """
			Invoices discussed:
			Reason for the delay:
			Payment committed (amount and date):
			"""),

	ESCALATION("Escalation follow-up", """
			Escalation:
			Client's view:
			Resolution offered:
			"""),

	EXPANSION("Expansion", """
			New needs (roles, volume, timing):
			Budget and decision makers:
			Next step:
			"""),

	QBR_PREP("QBR preparation", """
			Topics the client wants covered:
			Attendees:
			Data to prepare:
			"""),

	OTHER("Other", "");

	private final String label;

	private final String template;

	CallType(String label, String template) {
		this.label = label;
		this.template = template;
	}

	public String label() {
		return label;
	}

	/** The notes a call of this kind starts from. */
	public String template() {
		return template;
	}

}
