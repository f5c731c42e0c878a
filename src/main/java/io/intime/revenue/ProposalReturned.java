package io.intime.revenue;

import java.time.Instant;
import java.util.Map;

import io.intime.shared.Actor;

/** A proposal was returned to its author with comments. */
public record ProposalReturned(Long accountId, long proposalId, long opportunityId, int proposalVersion, String comment,
		Actor actor, Instant at) implements ProposalEvent {

	@Override
	public String logName() {
		return "proposal.returned";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("comment", comment);
	}

}
