package io.intime.escalations;

/** The kinds of entries of an escalation's incident log. */
public enum LogEntry {

	RAISED("Raised"), STATUS("Status"), SEVERITY("Severity"), OWNER("Owner"), NOTE("Update"),
	RESPONSE("First response"), POST_MORTEM("Post-mortem");

	private final String label;

	LogEntry(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
