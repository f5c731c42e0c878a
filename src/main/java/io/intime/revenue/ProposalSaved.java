package io.intime.revenue;

import java.time.Instant;
import java.util.Map;

import io.intime.shared.Actor;

/** A proposal was saved as a new version. */
public record ProposalSaved(Long accountId, long proposalId, long opportunityId, int proposalVersion, Actor actor,
		Instant at) implements ProposalEvent {

	@Override
	public String logName() {
		return "proposal.saved";
	}

}
