package io.intime.shared.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.intime.shared.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a Jackson 3 read failure into the field it concerns and a message a person can
 * act on: {@code employeeCount: 'lots' is not a number},
 * {@code serviceLines[0].annualValue: …},
 * {@code body: is not valid JSON (line 1, column 9)}.
 */
final class JacksonProblems {

	private JacksonProblems() {
	}

	static FieldError fieldError(JacksonException e) {
		if (e instanceof StreamReadException) {
			// Broken JSON syntax: whatever property the parser was in, the body as a
			// whole is at fault.
			return new FieldError("body", "is not valid JSON" + where(e.getLocation()));
		}
		String field = path(e);
		if (field.isEmpty()) {
			return new FieldError("body", "must be a JSON object with the documented fields");
		}
		return new FieldError(field, reason(e));
	}

	/**
	 * The JSON path of the failure as the API's field names spell it
	 * ({@code serviceLines[0].name}).
	 */
	static String path(JacksonException e) {
		return e.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	static String reason(JacksonException e) {
		if (e instanceof InputRulesModule.Refused refused) {
			return refused.reason();
		}
		if (e instanceof InvalidNullException) {
			return "is required";
		}
		if (e instanceof InvalidFormatException format) {
			return "'" + format.getValue() + "' is not " + expectation(format.getTargetType());
		}
		if (e instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "has the wrong type; expected " + expectation(mismatch.getTargetType());
		}
		return "is not valid";
	}

	static String expectation(Class<?> type) {
		if (type.isEnum()) {
			return "one of "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		if (type == java.time.LocalDate.class) {
			return "a date (YYYY-MM-DD)";
		}
		if (type == java.time.Instant.class) {
			return "an ISO-8601 instant (e.g. 2026-01-31T09:30:00Z)";
		}
		if (type == java.math.BigDecimal.class) {
			return "an amount (e.g. \"1250.00\")";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "text";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		return "an object";
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
