package io.intime.staffing;

import java.math.BigDecimal;

/**
 * An amount as a form carries it, before it is checked: {@code {"amount": "85.00", "currency": "USD"}}.
 * Unlike {@link io.intime.shared.Money} it accepts anything, so that a wrong amount or
 * currency is reported on its field ({@code billRate.currency}) rather than failing the read.
 */
public record MoneyInput(BigDecimal amount, String currency) {
}
