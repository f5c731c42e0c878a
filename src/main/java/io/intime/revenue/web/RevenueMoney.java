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

	public Money usd(BigDecimal amount) {
		return new Money(amount == null ? BigDecimal.ZERO : amount, "USD");
	}

}
