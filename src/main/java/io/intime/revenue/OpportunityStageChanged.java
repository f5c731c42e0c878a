package io.intime.revenue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.Actor;

/** An opportunity moved from one stage to another (forward, won or lost). */
public record OpportunityStageChanged(Long accountId, OpportunityEvent.Snapshot opportunity, OpportunityStage from,
		List<FieldChange> changes, Actor actor, Instant at) implements OpportunityEvent {

	@Override
	public String logName() {
		return "opportunity.stage_changed";
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("from_stage", from.name());
		details.put("to_stage", opportunity.stage().name());
		return details;
	}
}
