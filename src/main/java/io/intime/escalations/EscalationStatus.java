package io.intime.escalations;

/**
 * Where an escalation stands; RESOLVED and CLOSED end it (it then has a resolution time).
 */
public enum EscalationStatus {

	OPEN("Open"), IN_PROGRESS("In progress"), WAITING_ON_CLIENT("Waiting on client"), RESOLVED("Resolved"),
	CLOSED("Closed");

	private final String label;

	EscalationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean ended() {
		return this == RESOLVED || this == CLOSED;
	}

}
