package io.intime.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fixed ("constant currency") conversion rates, as spec 03 asks for revenue comparisons:
 * each rate is the value of one unit of the currency in USD. Configured with
 * {@code intime.currency.usd-rates.EUR=1.08} and so on.
 */
@ConfigurationProperties("intime.currency")
public class CurrencyRates {

	private Map<String, BigDecimal> usdRates = new TreeMap<>(
			Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("1.08"), "GBP", new BigDecimal("1.27"), "CAD",
					new BigDecimal("0.73"), "AUD", new BigDecimal("0.66"), "INR", new BigDecimal("0.012"), "SGD",
					new BigDecimal("0.74"), "JPY", new BigDecimal("0.0067")));

	public Map<String, BigDecimal> getUsdRates() {
		return usdRates;
	}

	public void setUsdRates(Map<String, BigDecimal> usdRates) {
		this.usdRates = new TreeMap<>(usdRates);
	}

	/**
	 * The currency reports sum amounts of several currencies in: USD, the currency the
	 * rates are quoted in.
	 */
	public String reportingCurrency() {
		return "USD";
	}

	public boolean supports(String currency) {
		return currency != null && usdRates.containsKey(currency);
	}

	/** Converts at the constant rate; the same currency is returned unchanged. */
	public Money convert(Money money, String targetCurrency) {
		if (money.currency().equals(targetCurrency)) {
			return money;
		}
		BigDecimal from = rate(money.currency());
		BigDecimal to = rate(targetCurrency);
		return new Money(money.amount().multiply(from).divide(to, 2, RoundingMode.HALF_UP), targetCurrency);
	}

	private BigDecimal rate(String currency) {
		BigDecimal rate = usdRates.get(currency);
		if (rate == null) {
			throw new IllegalArgumentException("No conversion rate for currency " + currency);
		}
		return rate;
	}

}
