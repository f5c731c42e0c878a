package io.intime.revenue;

import java.time.Instant;
import java.util.Map;

import io.intime.shared.Actor;

/** A proposal was sent to a sales director for review. */
public record ProposalReviewRequested(Long accountId, long proposalId, long opportunityId, int proposalVersion,
		long reviewerId, boolean needsDirector, Actor actor, Instant at) implements ProposalEvent {

	@Override
	public String logName() {
		return "proposal.review_requested";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("reviewer_id", reviewerId, "needs_director", needsDirector);
	}

}
