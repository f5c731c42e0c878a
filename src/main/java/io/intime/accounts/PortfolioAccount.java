package io.intime.accounts;

import io.intime.shared.Money;

/**
 * An account of an account manager's portfolio as their console shows it, with the ARR
 * its contracts gave it a year ago and give it today (for the portfolio's net revenue
 * retention).
 *
 * @param healthScore null when the reader may not see its health, or it has no score yet
 * @param arrThenUsd the annual value of its contracts in force a year ago, in US dollars
 * at the constant rates (zero when it was not a client then)
 * @param arrNowUsd the same for the contracts in force today
 */
public record PortfolioAccount(long id, String name, Tier tier, boolean strategic, Long ownerId, String ownerName,
		Money arr, Integer healthScore, HealthBand healthBand, Money arrThenUsd, Money arrNowUsd) {
}
