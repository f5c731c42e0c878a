package io.intime.revenue;

import java.time.LocalDate;

import io.intime.shared.Money;

/**
 * One change of an account's recurring revenue, derived from its contracts: the signed
 * change (for a renewal, the ARR renewed), when, why, and for a churn its category.
 */
public record ArrMovement(long id, long accountId, String accountName, Long contractId, String contractNumber,
		ArrMovementKind kind, LocalDate occurredOn, Money amount, String cause, ChurnCategory churnCategory,
		long version) {
}
