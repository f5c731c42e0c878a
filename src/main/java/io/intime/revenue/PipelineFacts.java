package io.intime.revenue;

import java.math.BigDecimal;

/**
 * An account's open expansion pipeline as of a day, as the health score reads it.
 *
 * @param open opportunities open that day (identified by then, not won or lost by then)
 * @param largestOpenUsd the value of the largest of them in US dollars, null when none is
 * open
 * @param largestTitle its title, or null
 */
public record PipelineFacts(long accountId, int open, BigDecimal largestOpenUsd, String largestTitle) {
}
