package io.intime.escalations;

/**
 * What an escalation is about, for the queue's filters and the post-mortem's patterns.
 */
public enum EscalationCategory {

	CANDIDATE_QUALITY("Candidate quality"), SUBMISSION_DELAY("Late or few submissions"),
	NO_SHOW("No-show or early departure"), PLACEMENT_FAILURE("Placement failed"), BILLING("Billing or payment"),
	COMPLIANCE("Compliance or legal"), COMMUNICATION("Communication"), SERVICE_LEVEL("Service level (time-to-fill)"),
	OTHER("Other");

	private final String label;

	EscalationCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
