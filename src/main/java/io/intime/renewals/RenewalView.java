package io.intime.renewals;

import java.time.LocalDate;

import io.intime.shared.Money;

/**
 * A renewal record as pages and the API show it, with the probability as it stands today
 * (closed renewals: as last recorded).
 */
public record RenewalView(long id, long accountId, String accountName, Long contractId, String contractNumber,
		LocalDate renewalDate, Money currentArr, RenewalStage stage, Long ownerId, String ownerName,
		LocalDate targetDate, String proposedTerms, Money proposedArr, RenewalOutcome outcome, Money outcomeArr,
		String outcomeNote, LocalDate closedOn, boolean openedAutomatically, RenewalProbability probability,
		long version) {
}
