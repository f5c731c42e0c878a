package io.intime.revenue;

import java.time.Instant;
import java.util.List;

import io.intime.identity.FieldChange;
import io.intime.shared.Actor;

/** Fields of an opportunity changed, its stage not among them. */
public record OpportunityUpdated(Long accountId, OpportunityEvent.Snapshot opportunity, List<FieldChange> changes,
		Actor actor, Instant at) implements OpportunityEvent {

	@Override
	public String logName() {
		return "opportunity.updated";
	}
}
