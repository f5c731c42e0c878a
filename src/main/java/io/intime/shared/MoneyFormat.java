package io.intime.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** Formats money for people: full ("$1,250,000") and compact ("$1.25M", "$850K"). */
public final class MoneyFormat {

	private MoneyFormat() {
	}

	public static String format(Money money) {
		DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
		return symbol(money.currency()) + format.format(money.amount());
	}

	/** To the cent, as finance reads invoices: "$85,420.00", "€1,200.50", "-$12.00". */
	public static String cents(Money money) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
		BigDecimal amount = money.amount();
		return (amount.signum() < 0 ? "-" : "") + symbol(money.currency()) + format.format(amount.abs());
	}

	public static String compact(Money money) {
		BigDecimal amount = money.amount();
		BigDecimal abs = amount.abs();
		String sign = amount.signum() < 0 ? "-" : "";
		String number;
		if (abs.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
			number = trim(abs.divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP)) + "M";
		}
		else if (abs.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
			number = trim(abs.divide(BigDecimal.valueOf(1_000), 0, RoundingMode.HALF_UP)) + "K";
		}
		else {
			number = trim(abs.setScale(0, RoundingMode.HALF_UP));
		}
		return sign + symbol(money.currency()) + number;
	}

	private static String trim(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	static String symbol(String currency) {
		return switch (currency) {
			case "USD" -> "$";
			case "EUR" -> "€";
			case "GBP" -> "£";
			case "JPY" -> "¥";
			case "INR" -> "₹";
			default -> Currency.getInstance(currency).getCurrencyCode() + " ";
		};
	}

}
