package io.intime.revenue;

import java.time.LocalDate;

import io.intime.shared.Money;
import io.intime.shared.Stamp;

/**
 * An expansion opportunity as pages and the API show it; {@code valueUsd} is its value in
 * US dollars at the constant rates (what the health score compares with $100K);
 * {@code lostReason} is why a LOST one was lost (null otherwise).
 */
public record OpportunityView(long id, long accountId, String accountName, String title, OpportunityStage stage,
		Money value, Money valueUsd, String source, String nextStep, LocalDate identifiedOn, LocalDate closedOn,
		Long ownerId, String ownerName, boolean open, String lostReason, Stamp stamp) {
}
