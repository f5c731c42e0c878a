package io.intime.accounts.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks a form against its constraints, in the facade, so that pages, the API and CSV
 * imports get the same rules and the same messages.
 */
@Component
public class FormValidation {

	private final Validator validator;

	public FormValidation(Validator validator) {
		this.validator = validator;
	}

	public List<FieldError> violations(Object form) {
		List<FieldError> errors = new ArrayList<>();
		validator.validate(form)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
			.forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
		return errors;
	}

	public static void checkTimeZone(String field, String zone, List<FieldError> errors, boolean required) {
		if (zone == null || zone.isBlank()) {
			if (required && errors.stream().noneMatch(e -> e.field().equals(field))) {
				errors.add(new FieldError(field, "is required"));
			}
			return;
		}
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException e) {
			errors.add(new FieldError(field, "'" + zone + "' is not a known time zone (e.g. America/New_York)"));
		}
	}

	public static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
