package io.intime.tasks;

/** How much a task matters; high ones come first within a day. */
public enum TaskPriority {

	HIGH("High"), NORMAL("Normal"), LOW("Low");

	private final String label;

	TaskPriority(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
