package io.intime.workflows;

/**
 * A document an E-Sign step signs that the system makes (e.g. the renewal agreement from
 * the run's proposal), declared as a bean; a step names it {@code action:<key>}.
 */
public interface WorkflowDocument {

	String key();

	/** The PDF to sign and its file name. */
	Generated make(ActionContext context);

	record Generated(String filename, byte[] pdf) {
	}

}
