package io.intime.shared.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount as people type it into a money field: {@code 150000}, {@code 35,000.00},
 * {@code $150,000}, {@code 150 000 USD}, {@code €1,200.50}, {@code -$20}. Grouping
 * separators (commas, or spaces, between groups of three digits) are dropped; the decimal
 * separator is the point. A currency symbol or ISO code before or after the number must
 * match the field's currency ({@code $} any dollar, {@code US$} the US dollar, {@code €}
 * the euro…); one that does not is refused with a message that names the field and both
 * currencies. Every money input reads its text here: page forms through
 * {@link InputRulesBinding}, JSON bodies through {@link InputRulesModule}.
 */
public final class AmountText {

	/** Symbols and the currencies each may stand for. */
	private static final Map<String, Set<String>> SYMBOLS = Map.ofEntries(
			Map.entry("$", Set.of("USD", "CAD", "AUD", "SGD", "NZD", "HKD", "MXN")), Map.entry("US$", Set.of("USD")),
			Map.entry("C$", Set.of("CAD")), Map.entry("CA$", Set.of("CAD")), Map.entry("A$", Set.of("AUD")),
			Map.entry("AU$", Set.of("AUD")), Map.entry("S$", Set.of("SGD")), Map.entry("€", Set.of("EUR")),
			Map.entry("£", Set.of("GBP")), Map.entry("¥", Set.of("JPY", "CNY")), Map.entry("₹", Set.of("INR")),
			Map.entry("Rs", Set.of("INR")));

	private static final Pattern MARKED = Pattern
		.compile("^(-?)\\s*([^\\d\\s.,-]*)\\s*(-?)\\s*([\\d][\\d\\s,]*(?:\\.\\d*)?|\\.\\d+)\\s*([^\\d\\s.,-]*)$");

	private static final Pattern GROUPED = Pattern.compile("^\\d{1,3}([, ]\\d{3})+(\\.\\d*)?$");

	private static final Pattern PLAIN = Pattern.compile("^(\\d+(\\.\\d*)?|\\.\\d+)$");

	private AmountText() {
	}

	/**
	 * What the text says: the amount, and the currency its symbol or code names (null
	 * when it has none, or a symbol several currencies share and the field's currency is
	 * not one of them).
	 */
	public record Read(BigDecimal amount, String currency) {
	}

	/**
	 * Reads a typed amount for a field in {@code currency}.
	 * @param text what was typed, not null
	 * @param currency the field's currency (ISO 4217), or null/blank when the form leaves
	 * it to a default: then a symbol that names one currency gives it
	 * @param label the field as the page names it ("Amount"), for the message
	 * @throws CurrencyMismatch when the text's symbol or code names another currency than
	 * the field's
	 * @throws IllegalArgumentException with a message for the person when the text is no
	 * amount
	 */
	public static Read read(String text, String currency, String label) {
		String typed = text.strip().replace('\u00a0', ' ').replace('\u202f', ' ');
		Matcher matcher = MARKED.matcher(typed);
		if (!matcher.matches() || !matcher.group(2).isEmpty() && !matcher.group(5).isEmpty()
				|| !matcher.group(1).isEmpty() && !matcher.group(3).isEmpty()) {
			throw new IllegalArgumentException(notAnAmount(text));
		}
		String marker = matcher.group(2).isEmpty() ? matcher.group(5) : matcher.group(2);
		String number = matcher.group(4).strip();
		if (!PLAIN.matcher(number).matches() && !GROUPED.matcher(number).matches()) {
			throw new IllegalArgumentException(notAnAmount(text));
		}
		BigDecimal amount = new BigDecimal(number.replace(",", "").replace(" ", ""));
		if (!matcher.group(1).isEmpty() || !matcher.group(3).isEmpty()) {
			amount = amount.negate();
		}
		String field = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
		return new Read(amount, currencyOf(marker, field, text, label));
	}

	/**
	 * The currency the marker names, checked against the field's; null when there is no
	 * marker.
	 */
	private static String currencyOf(String marker, String field, String text, String label) {
		if (marker.isEmpty()) {
			return null;
		}
		Set<String> named = SYMBOLS.get(marker);
		if (named == null && marker.matches("[A-Za-z]{3}")) {
			named = Set.of(marker.toUpperCase(Locale.ROOT));
		}
		if (named == null) {
			throw new IllegalArgumentException(notAnAmount(text));
		}
		if (field == null) {
			return named.size() == 1 ? named.iterator().next() : null;
		}
		if (!named.contains(field)) {
			List<String> sorted = named.stream().sorted().toList();
			throw new CurrencyMismatch(
					label + " is in " + field + ", but '" + text.strip() + "' is in " + String.join(" or ", sorted)
							+ ": type the amount in " + field + " (e.g. 150,000) or change the currency");
		}
		return field;
	}

	/**
	 * The text is an amount, but in another currency than the field's; the message says
	 * so.
	 */
	public static final class CurrencyMismatch extends IllegalArgumentException {

		CurrencyMismatch(String message) {
			super(message);
		}

	}

	private static String notAnAmount(String text) {
		return "'" + text.strip() + "' is not an amount (e.g. 150000, 150,000.00 or $150,000)";
	}

}
