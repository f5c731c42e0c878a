package io.intime.workflows;

/** The kinds of form field of spec 05. */
public enum FieldType {

	TEXT("Text (Single Line)"), MULTILINE("Text (Multi Line)"), NUMBER("Number"), MONEY("Money"), DATE("Date"),
	DROPDOWN("Dropdown"), CHECKBOX("Checkbox");

	private final String label;

	FieldType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
