package io.intime.staffing;

import java.math.BigDecimal;

/**
 * How an account has been served since a day (a recovery plan's start, for instance).
 *
 * @param averageDaysToFill average days from opened to filled over its jobs filled since
 * then; null when none was filled
 * @param filled how many jobs were filled since then
 * @param falloffs placements that fell off since then
 * @param teamAverageDaysToFill the same average over every account's jobs filled in the
 * last 180 days, for comparison; null when none was
 */
public record DeliverySince(long accountId, BigDecimal averageDaysToFill, int filled, int falloffs,
		BigDecimal teamAverageDaysToFill) {
}
