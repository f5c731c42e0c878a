package io.intime.revenue;

import java.time.LocalDate;

import io.intime.shared.Money;
import io.intime.shared.Stamp;

/**
 * An expansion opportunity as pages and the API show it; {@code valueUsd} is its value in
 * US dollars at the constant rates (what the health score compares with $100K);
 * {@code lostReason} is why a LOST one was lost (null otherwise); {@code championId} the
 * contact of the account who champions it and {@code championName} their name and title
 * (null when none is named); {@code nextStepDue} when the next step is due (null: no
 * date).
 */
public record OpportunityView(long id, long accountId, String accountName, String title, OpportunityStage stage,
		Money value, Money valueUsd, String source, String nextStep, LocalDate identifiedOn, LocalDate closedOn,
		Long ownerId, String ownerName, boolean open, String lostReason, Stamp stamp, Long championId,
		String championName, LocalDate nextStepDue) {

	/** Without a champion or a due date for the next step. */
	public OpportunityView(long id, long accountId, String accountName, String title, OpportunityStage stage,
			Money value, Money valueUsd, String source, String nextStep, LocalDate identifiedOn, LocalDate closedOn,
			Long ownerId, String ownerName, boolean open, String lostReason, Stamp stamp) {
		this(id, accountId, accountName, title, stage, value, valueUsd, source, nextStep, identifiedOn, closedOn,
				ownerId, ownerName, open, lostReason, stamp, null, null, null);
	}

	/**
	 * Whether the next step is due before {@code today} while the opportunity is open.
	 */
	public boolean overdue(LocalDate today) {
		return open && nextStepDue != null && nextStepDue.isBefore(today);
	}

	/** The same opportunity with its champion's name. */
	public OpportunityView withChampionName(String name) {
		return new OpportunityView(id, accountId, accountName, title, stage, value, valueUsd, source, nextStep,
				identifiedOn, closedOn, ownerId, ownerName, open, lostReason, stamp, championId, name, nextStepDue);
	}
}
