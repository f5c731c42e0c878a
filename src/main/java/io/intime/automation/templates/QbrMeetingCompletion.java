package io.intime.automation.templates;

import io.intime.qbr.QbrConducted;
import io.intime.workflows.WorkflowRuns;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A QBR finalized on its page is the QBR template's "QBR meeting completion" done: the
 * active runs of that QBR move on to the client's acknowledgement of the action items. A
 * run whose meeting step is not the current one (the client's survey still open) is left
 * to its account manager.
 */
@Component
class QbrMeetingCompletion {

	static final String STEP = "qbr-meeting";

	private final WorkflowRuns runs;

	QbrMeetingCompletion(WorkflowRuns runs) {
		this.runs = runs;
	}

	@ApplicationModuleListener
	void on(QbrConducted event) {
		long actions = event.outcomes().stream().filter(o -> "ACTION".equals(o.kind())).count();
		String detail = "QBR meeting completion: the " + event.quarter().label() + " QBR was finalized on its page ("
				+ actions + (actions == 1 ? " action item" : " action items") + ")";
		for (long runId : runs.activeRunsOf(SpecTemplates.QBR, "qbr_id", event.qbrId())) {
			runs.completeBySystem(runId, STEP, detail);
		}
	}

}
