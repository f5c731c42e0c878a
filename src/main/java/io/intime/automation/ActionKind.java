package io.intime.automation;

/** What a rule does when its condition is met. */
public enum ActionKind {

	/** Starts a run of the rule's workflow template on the account. */
	START_WORKFLOW("Start a workflow"),
	/**
	 * Sends the urgent renewal alert (an SMS to the account manager,
	 * {@link ExpiryAlerts}); only for a contract ending within 30 days.
	 */
	SMS_ALERT("SMS to the account manager");

	private final String label;

	ActionKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
