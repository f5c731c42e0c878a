package io.intime.workflows;

import java.util.List;
import java.util.Map;

import io.intime.shared.InvalidInputException;
import io.intime.workflows.WorkflowEngine.RunRow;
import io.intime.workflows.WorkflowEngine.StepRow;
import io.intime.workflows.esign.ExternalActionLog;
import io.intime.workflows.files.StoredFile;
import io.intime.workflows.files.WorkflowFiles;

import org.springframework.stereotype.Component;

/**
 * The audit of what people outside the firm do: each action with the person, time, IP
 * address and browser, in the append-only, hash-chained log and on the run's timeline.
 */
@Component
class ExternalActions {

	private final WorkflowEngine engine;

	private final ExternalActionLog log;

	private final WorkflowFiles files;

	ExternalActions(WorkflowEngine engine, ExternalActionLog log, WorkflowFiles files) {
		this.engine = engine;
		this.log = log;
		this.files = files;
	}

	void record(RunRow run, StepRow step, StepActor actor, String action, Map<String, Object> detail) {
		log.append(run.id(), step.id(), actor.contactId(), actor.name(), action, actor.ip(), actor.userAgent(), detail);
		String done = action.toLowerCase().replace('_', ' ');
		engine.event(run.id(), step.key(), "CLIENT", actor.name(),
				Character.toUpperCase(done.charAt(0)) + done.substring(1) + " from " + Browsers.address(actor.ip())
						+ " · " + Browsers.describe(actor.userAgent()));
	}

	/**
	 * The files an Acknowledgement asks to be opened first: those of the steps it names.
	 */
	List<StoredFile> required(RunRow run, StepDef def) {
		if (def.requireOpened().isEmpty()) {
			return List.of();
		}
		List<Long> stepIds = engine.steps(run.id())
			.stream()
			.filter(s -> def.requireOpened().contains(s.key()))
			.map(StepRow::id)
			.toList();
		return files.ofSteps(stepIds).values().stream().flatMap(List::stream).toList();
	}

	/** Refuses an acknowledgement before the documents it requires were opened. */
	void checkOpened(RunRow run, StepDef def, Long contactId, Long userId) {
		List<StoredFile> required = required(run, def);
		if (required.isEmpty()) {
			return;
		}
		if (!files.allOpened(required.stream().map(StoredFile::id).toList(), contactId, userId)) {
			throw new InvalidInputException("files", "open the documents above before you acknowledge: "
					+ String.join(", ", required.stream().map(StoredFile::filename).toList()));
		}
	}

}
