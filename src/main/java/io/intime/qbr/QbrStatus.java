package io.intime.qbr;

/** Where a QBR stands. */
public enum QbrStatus {

	/** Due by the tier's cadence; no meeting yet. */
	PLANNED("Planned"),
	/** Its meeting is in the calendar. */
	SCHEDULED("Scheduled"),
	/** Held and finalized. */
	COMPLETED("Done"),
	/** Called off. */
	CANCELLED("Cancelled");

	private final String label;

	QbrStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
