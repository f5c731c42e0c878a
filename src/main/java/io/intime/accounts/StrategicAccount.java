package io.intime.accounts;

import java.time.Instant;
import java.time.LocalDate;

import io.intime.shared.Money;

/**
 * A strategic account as the executive's portfolio reads it (spec 01 step 1).
 *
 * @param arr ARR in the account's billing currency
 * @param arrUsd the same at the constant rates, for sums across currencies
 * @param healthScore null when the reader may not see it or it has no score yet
 * @param renewalDate the end of its latest-ending ACTIVE contract, or null without one
 * @param renewedOn the start of the ACTIVE contract that followed a RENEWED one, when
 * that was within the last 90 days; null otherwise
 * @param renewalStalled a renewal contract is still a DRAFT
 * @param newExecutive the name of an EXECUTIVE contact added in the last 90 days, or null
 * @param newExecutiveAdded when they were added, or null
 * @param criticalSince when an executive flagged it critical (flow A1), or null
 * @param contractsYearAgoUsd the annual value of its contracts in force a year ago (US
 * dollars at the constant rates; zero when none was)
 * @param contractsNowUsd the same today, for the year-over-year growth
 */
public record StrategicAccount(long id, String key, String name, String industry, Integer employees, String hq,
		String timeZone, LocalDate relationshipStart, Long ownerId, String ownerName, Long sponsorId,
		String sponsorName, Money arr, Money arrUsd, Integer healthScore, HealthBand healthBand, LocalDate renewalDate,
		LocalDate renewedOn, boolean renewalStalled, String newExecutive, Instant newExecutiveAdded,
		Instant criticalSince, String criticalReason, Money contractsYearAgoUsd, Money contractsNowUsd) {

	/**
	 * Year-over-year growth of its contracts' value in percent; null without a year-ago
	 * value.
	 */
	public Integer yearOverYearPercent() {
		if (contractsYearAgoUsd.amount().signum() == 0) {
			return null;
		}
		return contractsNowUsd.amount()
			.subtract(contractsYearAgoUsd.amount())
			.multiply(java.math.BigDecimal.valueOf(100))
			.divide(contractsYearAgoUsd.amount(), 0, java.math.RoundingMode.HALF_UP)
			.intValue();
	}
}
