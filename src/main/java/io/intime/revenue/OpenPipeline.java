package io.intime.revenue;

import java.math.BigDecimal;

/**
 * An account's open expansion pipeline now, as the executive's portfolio reads it.
 *
 * @param open open opportunities (not won or lost)
 * @param openUsd their value in US dollars at the constant rates
 * @param negotiating of those, the ones in NEGOTIATION: terms on the table, awaiting the
 * firm's approval
 * @param negotiatingTitle the largest of those, or null
 * @param negotiatingUsd its value in US dollars, or null
 */
public record OpenPipeline(long accountId, int open, BigDecimal openUsd, int negotiating, String negotiatingTitle,
		BigDecimal negotiatingUsd) {
}
