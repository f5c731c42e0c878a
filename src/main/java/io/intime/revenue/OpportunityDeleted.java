package io.intime.revenue;

import java.time.Instant;
import java.util.List;

import io.intime.identity.FieldChange;
import io.intime.shared.Actor;

/** An opportunity was deleted. */
public record OpportunityDeleted(Long accountId, OpportunityEvent.Snapshot opportunity, List<FieldChange> changes,
		Actor actor, Instant at) implements OpportunityEvent {

	@Override
	public String logName() {
		return "opportunity.deleted";
	}
}
