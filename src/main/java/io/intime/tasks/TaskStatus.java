package io.intime.tasks;

/** Where a task stands: open until it is done or no longer needed. */
public enum TaskStatus {

	OPEN("Open"), DONE("Done"), CANCELLED("Cancelled");

	private final String label;

	TaskStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
