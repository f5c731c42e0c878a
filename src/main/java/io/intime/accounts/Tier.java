package io.intime.accounts;

import java.math.BigDecimal;

/**
 * Portfolio tiers of spec 03, derived from ARR in USD: Strategic from $500K, Growth from
 * $150K, Standard below. An executive may override an account's tier.
 */
public enum Tier {

	STRATEGIC, GROWTH, STANDARD;

	static final BigDecimal STRATEGIC_FROM_USD = new BigDecimal("500000");
	static final BigDecimal GROWTH_FROM_USD = new BigDecimal("150000");

	public static Tier forArrUsd(BigDecimal arrUsd) {
		if (arrUsd.compareTo(STRATEGIC_FROM_USD) >= 0) {
			return STRATEGIC;
		}
		if (arrUsd.compareTo(GROWTH_FROM_USD) >= 0) {
			return GROWTH;
		}
		return STANDARD;
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase();
	}

}
