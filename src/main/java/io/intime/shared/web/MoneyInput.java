package io.intime.shared.web;

import java.math.BigDecimal;

import io.intime.shared.Money;
import jakarta.validation.constraints.Digits;

/**
 * An amount as a form or a JSON body gives it, {@code {"amount": "85420.00", "currency":
 * "USD"}}, before it is checked: unlike {@link Money} it holds anything, so that a wrong
 * amount or currency is reported on its field ({@code amount.amount},
 * {@code billRate.currency}) rather than failing the read. A missing currency means the
 * account's billing currency where the form says so.
 * <p>
 * Validated where a form holds it with {@code @Valid}: at most 12 digits before and 2
 * after the decimal point; a form that requires the amount says {@code @MinimumAmount}
 * (which also refuses a missing amount) with its own lower bound.
 */
public record MoneyInput(
		@Digits(integer = 12, fraction = 2,
				message = "must be an amount with at most 12 digits and 2 decimals") BigDecimal amount,
		String currency) {

	public static MoneyInput of(Money money) {
		return new MoneyInput(money.amount(), money.currency());
	}
}
