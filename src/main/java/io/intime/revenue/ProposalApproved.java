package io.intime.revenue;

import java.time.Instant;
import java.util.Map;

import io.intime.shared.Actor;

/** A proposal's version was approved; it may be sent. */
public record ProposalApproved(Long accountId, long proposalId, long opportunityId, int proposalVersion, Actor actor,
		Instant at) implements ProposalEvent {

	@Override
	public String logName() {
		return "proposal.approved";
	}

}
