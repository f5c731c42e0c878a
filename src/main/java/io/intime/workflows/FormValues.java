package io.intime.workflows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;

/**
 * Reads what a person typed into a step's form: each field by its type and rules. The
 * values are kept as JSON: text as text, numbers and amounts as decimal text (never a
 * float), dates as ISO dates, checkboxes as booleans.
 */
final class FormValues {

	static final int TEXT_MAX = 500;

	static final int MULTILINE_MAX = 10_000;

	private FormValues() {
	}

	/**
	 * The typed values of the fields.
	 * @throws InvalidInputException naming each wrong field by its key, e.g.
	 * {@code key-wins: is required}
	 */
	static Map<String, Object> read(List<FieldDef> fields, Map<String, String> raw) {
		List<FieldError> errors = new ArrayList<>();
		Map<String, Object> values = new LinkedHashMap<>();
		for (FieldDef field : fields) {
			String text = raw.get(field.key());
			text = text == null ? "" : text.strip();
			if (field.type() == FieldType.CHECKBOX) {
				boolean checked = text.equals("true") || text.equals("on") || text.equals("yes");
				if (field.required() && !checked) {
					errors.add(new FieldError(field.key(), "must be ticked"));
				}
				values.put(field.key(), checked);
				continue;
			}
			if (text.isEmpty()) {
				if (field.required()) {
					errors.add(new FieldError(field.key(), "is required"));
				}
				continue;
			}
			switch (field.type()) {
				case TEXT, MULTILINE -> {
					int max = field.maxLength() != null ? field.maxLength()
							: field.type() == FieldType.TEXT ? TEXT_MAX : MULTILINE_MAX;
					if (text.length() > max) {
						errors.add(new FieldError(field.key(), "is at most " + max + " characters"));
					}
					else {
						values.put(field.key(), text);
					}
				}
				case NUMBER, MONEY -> {
					try {
						BigDecimal number = new BigDecimal(text.replace(",", "").replace("$", "").strip());
						if (field.type() == FieldType.MONEY && number.scale() > 2) {
							errors.add(new FieldError(field.key(), "has at most two decimals"));
						}
						else if (field.min() != null && number.compareTo(field.min()) < 0) {
							errors.add(new FieldError(field.key(), "is at least " + field.min().toPlainString()));
						}
						else if (field.max() != null && number.compareTo(field.max()) > 0) {
							errors.add(new FieldError(field.key(), "is at most " + field.max().toPlainString()));
						}
						else if (number.abs().compareTo(new BigDecimal("1e13")) >= 0) {
							errors.add(new FieldError(field.key(), "is too large"));
						}
						else {
							values.put(field.key(), number.toPlainString());
						}
					}
					catch (NumberFormatException ex) {
						errors.add(new FieldError(field.key(), "must be a number, e.g. 1250.50"));
					}
				}
				case DATE -> {
					try {
						values.put(field.key(), LocalDate.parse(text).toString());
					}
					catch (DateTimeParseException ex) {
						errors.add(new FieldError(field.key(), "must be a date (YYYY-MM-DD)"));
					}
				}
				case DROPDOWN -> {
					if (!field.options().contains(text)) {
						errors.add(new FieldError(field.key(), "must be one of " + String.join(", ", field.options())));
					}
					else {
						values.put(field.key(), text);
					}
				}
				default -> throw new IllegalStateException(field.type().name());
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return values;
	}

}
