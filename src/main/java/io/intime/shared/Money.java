package io.intime.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An amount in an ISO 4217 currency. Never a float: amounts are kept at two decimals and
 * written to JSON as a string ({@code {"amount": "500000.00", "currency": "USD"}}).
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		currency = Currency.getInstance(currency).getCurrencyCode();
		amount = amount.setScale(2, RoundingMode.HALF_UP);
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money times(BigDecimal factor) {
		return new Money(amount.multiply(factor), currency);
	}

	/**
	 * Not part of the JSON form, which is exactly {@code amount} and {@code currency}.
	 */
	@JsonIgnore
	public boolean isZero() {
		return amount.signum() == 0;
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
		}
	}

	/**
	 * "$1,250,000" style, the way the pages show ARR; cents are dropped for whole
	 * amounts.
	 */
	public String display() {
		return MoneyFormat.format(this);
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency;
	}
}
