package io.intime.workflows;

/** The eight kinds of step of spec 05 (and the automated steps of spec 04). */
public enum StepType {

	FORM("Form"), FILE_REQUEST("File Request"), TODO("To-Do"), APPROVAL("Approval"), DECISION("Decision"),
	ACKNOWLEDGEMENT("Acknowledgement"), ESIGN("E-Sign"), AUTOMATED("Automated");

	private final String label;

	StepType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
