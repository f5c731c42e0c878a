package io.intime.workflows;

/**
 * What the parts of the module that keep files (uploads, generated documents, e-signature
 * documents) do when the engine activates a step or an action makes a document; the
 * engine knows them only through this, so that they may call the engine back.
 */
interface StepHandler {

	/** A step became active (after its signers or approvers were written). */
	default void activated(WorkflowEngine.RunRow run, WorkflowEngine.StepRow step, StepDef def) {
	}

	/** An automated step made a document. */
	default void generated(WorkflowEngine.RunRow run, WorkflowEngine.StepRow step, ActionResult.GeneratedFile file) {
	}

}
