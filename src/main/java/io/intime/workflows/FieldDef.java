package io.intime.workflows;

import java.math.BigDecimal;
import java.util.List;

/**
 * A field of a Form step (or of an Approval's or a Decision's own small form).
 *
 * @param key unique within the step, lower case with dashes, e.g. {@code renewal-date}
 * @param options the choices of a dropdown
 * @param min the smallest number or amount accepted, or null
 * @param max the largest number or amount accepted, or null
 * @param maxLength the longest text accepted, or null for the type's default
 */
public record FieldDef(String key, String label, FieldType type, boolean required, List<String> options, BigDecimal min,
		BigDecimal max, Integer maxLength, String help) {

	public FieldDef {
		options = options == null ? List.of() : List.copyOf(options);
		help = help == null ? "" : help;
	}

	public static FieldDef of(String key, String label, FieldType type, boolean required) {
		return new FieldDef(key, label, type, required, List.of(), null, null, null, null);
	}

	public static FieldDef dropdown(String key, String label, boolean required, String... options) {
		return new FieldDef(key, label, FieldType.DROPDOWN, required, List.of(options), null, null, null, null);
	}

}
