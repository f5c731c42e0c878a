package io.intime.revenue;

import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.LoggedEvent;

/**
 * What happened to an expansion proposal: {@link ProposalDrafted}, {@link ProposalSaved},
 * {@link ProposalReviewRequested}, {@link ProposalApproved}, {@link ProposalReturned},
 * {@link ProposalSent}. Each is logged with the proposal, its opportunity, the version it
 * is about and who.
 */
public sealed interface ProposalEvent extends LoggedEvent permits ProposalDrafted, ProposalSaved,
		ProposalReviewRequested, ProposalApproved, ProposalReturned, ProposalSent {

	long proposalId();

	long opportunityId();

	/** The proposal's version the event is about. */
	int proposalVersion();

	/** What the event adds to the common payload. */
	default Map<String, Object> details() {
		return Map.of();
	}

	@Override
	default Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId());
		payload.put("proposal_id", proposalId());
		payload.put("opportunity_id", opportunityId());
		payload.put("version", proposalVersion());
		payload.putAll(details());
		payload.put("by", actor().name());
		return payload;
	}

}
