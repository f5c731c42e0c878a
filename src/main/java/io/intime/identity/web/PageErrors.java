package io.intime.identity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.shared.FieldError;

/**
 * Field errors as the identity pages show them: one message per field, beside the field.
 */
final class PageErrors {

	private PageErrors() {
	}

	static Map<String, String> of(List<FieldError> errors) {
		Map<String, String> byField = new LinkedHashMap<>();
		errors.forEach(error -> byField.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
		return byField;
	}

}
