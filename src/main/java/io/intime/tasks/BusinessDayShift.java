package io.intime.tasks;

/**
 * Where an occurrence that falls on the assignee's weekend or an organization holiday
 * goes: stays, or moves to the next or the previous business day.
 */
public enum BusinessDayShift {

	NONE("Keep the date"), NEXT("Next business day"), PREVIOUS("Previous business day");

	private final String label;

	BusinessDayShift(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
