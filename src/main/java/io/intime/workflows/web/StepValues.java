package io.intime.workflows.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;
import io.intime.workflows.FieldDef;
import io.intime.workflows.FieldType;
import io.intime.workflows.StepDef;

/**
 * A step's form on a page: its inputs are named {@code f.<field key>} so that they never
 * collide with the form's own parameters ({@code version}, {@code option}, the CSRF
 * token), and what a step gave is shown by its fields' labels.
 */
final class StepValues {

	static final String PREFIX = "f.";

	private StepValues() {
	}

	/** The field values among a request's parameters, by field key. */
	static Map<String, String> fields(Map<String, String> params) {
		Map<String, String> values = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(PREFIX)) {
				values.put(name.substring(PREFIX.length()), value);
			}
		});
		return values;
	}

	/**
	 * What the step gave, as label and text, in the order of its fields (then the rest).
	 */
	static List<Map.Entry<String, String>> shown(StepDef def, Map<String, Object> data, String currency) {
		List<Map.Entry<String, String>> shown = new ArrayList<>();
		Map<String, Object> rest = new LinkedHashMap<>(data);
		for (FieldDef field : def.fields()) {
			Object value = rest.remove(field.key());
			if (value != null) {
				String text = value instanceof Boolean b ? (b ? "Yes" : "No")
						: number(field, value.toString(), currency);
				shown.add(new AbstractMap.SimpleEntry<>(field.label(), text));
			}
		}
		Object option = rest.remove("optionLabel");
		rest.remove("option");
		if (option != null) {
			shown.add(new AbstractMap.SimpleEntry<>("Decision", option.toString()));
		}
		Object comment = rest.remove("comment");
		if (comment != null) {
			shown.add(new AbstractMap.SimpleEntry<>("Comment", comment.toString()));
		}
		rest.remove("decision");
		rest.forEach((key, value) -> {
			// record ids are for the engine and the API; the activity and links name them
			if (value != null && !(value instanceof Map) && !(value instanceof List) && !ID.matcher(key).find()) {
				shown.add(new AbstractMap.SimpleEntry<>(label(key), text(key, value)));
			}
		});
		return shown;
	}

	private static final Pattern ID = Pattern.compile("(^id|[a-z]Id)$");

	private static final Pattern CONSTANT = Pattern.compile("^[A-Z][A-Z_]+$");

	private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	/**
	 * What an automated step's action gave, as a person reads it: yes or no, a status in
	 * words, a date as a date, amounts in dollars grouped by thousands.
	 */
	static String text(String key, Object value) {
		if (value instanceof Boolean b) {
			return b ? "Yes" : "No";
		}
		String text = value.toString();
		if (CONSTANT.matcher(text).matches()) {
			String words = text.replace('_', ' ').toLowerCase(Locale.ROOT);
			return Character.toUpperCase(words.charAt(0)) + words.substring(1);
		}
		if (DATE.matcher(text).matches()) {
			return LocalDate.parse(text).format(DAY);
		}
		if (value instanceof Number) {
			try {
				BigDecimal number = new BigDecimal(text);
				boolean dollars = key.endsWith("Usd") || key.endsWith("usd") || key.endsWith("Arr");
				DecimalFormat format = new DecimalFormat(
						dollars ? "$#,##0" : (number.stripTrailingZeros().scale() > 0 ? "#,##0.0#" : "#,##0"),
						DecimalFormatSymbols.getInstance(Locale.US));
				return format.format(number);
			}
			catch (NumberFormatException ex) {
				return text;
			}
		}
		return text;
	}

	/**
	 * Numbers with their thousands grouped (500000 → 500,000), amounts in the account's
	 * billing currency ($1,250).
	 */
	private static String number(FieldDef field, String text, String currency) {
		if (field.type() != FieldType.NUMBER && field.type() != FieldType.MONEY) {
			return text;
		}
		try {
			BigDecimal number = new BigDecimal(text);
			if (field.type() == FieldType.MONEY && currency != null) {
				Money money = new Money(number, currency);
				return number.stripTrailingZeros().scale() > 0 ? MoneyFormat.cents(money) : MoneyFormat.format(money);
			}
			DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
			return format.format(number);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private static final Set<String> ACRONYMS = Set.of("arr", "qbr", "usd", "pdf", "sla");

	/**
	 * A data key as a label: {@code forecastArr} → "Forecast ARR", {@code totalUsd} →
	 * "Total".
	 */
	private static String label(String key) {
		String[] words = key.replaceAll("(Usd|usd)$", "")
			.replaceAll("([a-z])([A-Z])", "$1 $2")
			.replace('-', ' ')
			.replace('_', ' ')
			.toLowerCase(Locale.ROOT)
			.strip()
			.split(" +");
		StringBuilder label = new StringBuilder();
		for (String word : words) {
			label.append(label.isEmpty() ? "" : " ")
				.append(ACRONYMS.contains(word) ? word.toUpperCase(Locale.ROOT) : word);
		}
		return label.isEmpty() ? key : Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

}
