package io.intime.revenue;

import java.time.Instant;
import java.util.Map;

import io.intime.shared.Actor;

/** A proposal was drafted from an opportunity, prefilled from the account (version 1). */
public record ProposalDrafted(Long accountId, long proposalId, long opportunityId, int proposalVersion, Actor actor,
		Instant at) implements ProposalEvent {

	@Override
	public String logName() {
		return "proposal.drafted";
	}

}
