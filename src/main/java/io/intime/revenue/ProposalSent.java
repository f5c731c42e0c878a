package io.intime.revenue;

import java.time.Instant;
import java.util.Map;

import io.intime.shared.Actor;

/** An approved proposal was rendered as a PDF and sent to the client. */
public record ProposalSent(Long accountId, long proposalId, long opportunityId, int proposalVersion, int pages,
		Actor actor, Instant at) implements ProposalEvent {

	@Override
	public String logName() {
		return "proposal.sent";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("pages", pages);
	}

}
