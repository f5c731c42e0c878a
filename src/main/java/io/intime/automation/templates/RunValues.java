package io.intime.automation.templates;

import java.math.BigDecimal;

import io.intime.workflows.ActionContext;

/**
 * Reads what earlier steps of a run gave: the engine keeps form values as text (numbers
 * and amounts as decimal text, dates as ISO dates), so they are read back here by type.
 */
final class RunValues {

	private RunValues() {
	}

	/** The text a step gave for the key, stripped; null when it gave none. */
	static String text(ActionContext context, String step, String key) {
		Object value = context.value(step, key);
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	/** The number a step gave for the key; null when it gave none. */
	static BigDecimal decimal(ActionContext context, String step, String key) {
		String text = text(context, step, key);
		return text == null ? null : new BigDecimal(text);
	}

	/** The id a step gave (an action's data), or null. */
	static Long id(ActionContext context, String step, String key) {
		Object value = context.value(step, key);
		if (value instanceof Number number) {
			return number.longValue();
		}
		return value == null ? null : Long.valueOf(value.toString());
	}

}
