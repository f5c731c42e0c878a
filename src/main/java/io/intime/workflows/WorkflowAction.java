package io.intime.workflows;

/**
 * What an Automated step does, declared as a bean by the module that owns the effect
 * (e.g. automation's onboarding steps). The engine runs it on the scheduler, in a
 * transaction with the step's completion: when it throws, nothing it wrote stays, the
 * step is retried, and after the last attempt it is shown as failed with the error until
 * someone resumes it. An action must therefore be safe to run again.
 */
public interface WorkflowAction {

	/** Unique, lower case with dots and dashes, e.g. {@code onboarding.welcome-email}. */
	String key();

	/** What it does in a few words, for the template editor. */
	String label();

	ActionResult run(ActionContext context);

}
