package io.intime.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Someone else saved the record while the person was editing it: what they saved next to
 * what the person entered, field by field where the two differ. Shown by
 * {@code fragments/form :: conflict}.
 */
public record Conflict(String message, List<Row> rows) {

	/**
	 * What a page says under the conflict's heading when the person's entry is kept in
	 * the form.
	 */
	public static final String KEPT = "Their values are saved now; yours are still in the form below."
			+ " Save again to replace theirs with yours.";

	public record Row(String field, String label, String theirs, String yours) {
	}

	/**
	 * The fields whose values differ, in the order of {@code theirs}, each value as
	 * {@link #text(Object)} writes it.
	 * @param label a field as a person names it ({@code employeeCount} → "Employees")
	 */
	public static Conflict between(String message, Map<String, ?> theirs, Map<String, ?> yours,
			Function<String, String> label) {
		return between(message, theirs, yours, label, (field, value) -> text(value));
	}

	/**
	 * @param label a field as a person names it ({@code employeeCount} → "Employees")
	 * @param display turns a field's value into text (e.g. an owner id into the owner's
	 * name)
	 */
	public static Conflict between(String message, Map<String, ?> theirs, Map<String, ?> yours,
			Function<String, String> label, BiFunction<String, Object, String> display) {
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<String, ?> entry : theirs.entrySet()) {
			String field = entry.getKey();
			String their = Objects.requireNonNullElse(display.apply(field, entry.getValue()), "");
			String your = Objects.requireNonNullElse(display.apply(field, yours.get(field)), "");
			if (!Objects.equals(their, your)) {
				rows.add(new Row(field, label.apply(field), their, your));
			}
		}
		return new Conflict(message, rows);
	}

	/**
	 * The text of a value as the pages show it: empty for nothing, Yes/No, labels for
	 * constants ("Economic buyer"), dates as "Mar 31, 2026", amounts without trailing
	 * zeros.
	 */
	public static String text(Object value) {
		if (value == null || value instanceof String s && s.isBlank()) {
			return "";
		}
		if (value instanceof Boolean b) {
			return b ? "Yes" : "No";
		}
		if (value instanceof Enum<?> e) {
			return PageFormat.labelOf(e);
		}
		if (value instanceof LocalDate date) {
			return PageFormat.dateOf(date);
		}
		return plain(value);
	}

	/**
	 * The text of a value as it is entered: constants by their names, amounts without
	 * trailing zeros.
	 */
	public static String plain(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		return value.toString().trim();
	}
}
