package io.intime.revenue.web;

import java.math.BigDecimal;

import io.intime.shared.Money;

import org.springframework.stereotype.Component;

/**
 * Lets revenue templates format the reports' USD sums ({@code @revenueMoney.usd(x)}),
 * which the figures keep as plain amounts.
 */
@Component("revenueMoney")
class RevenueMoney {

	/** A report's sum in whole dollars. */
	public Money usd(BigDecimal amount) {
		return new Money(amount == null ? BigDecimal.ZERO : amount.setScale(0, java.math.RoundingMode.HALF_UP), "USD");
	}

	/** A signed sum in whole dollars: "+$9,312" or "−$9,312". */
	public String signed(BigDecimal amount) {
		Money whole = usd(amount);
		String text = io.intime.shared.MoneyFormat.format(new Money(whole.amount().abs(), "USD"));
		return whole.amount().signum() < 0 ? "−" + text : whole.amount().signum() > 0 ? "+" + text : text;
	}

}
