package io.intime.staffing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.web.MoneyInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks staffing forms in the facades, so that pages, the API and the demo get the same
 * rules and the same messages, each naming its field.
 */
@Component
class StaffingValidation {

	private final Validator validator;

	StaffingValidation(Validator validator) {
		this.validator = validator;
	}

	List<FieldError> violations(Object form) {
		List<FieldError> errors = new ArrayList<>();
		validator.validate(form)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
			.forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
		return errors;
	}

	static boolean has(List<FieldError> errors, String field) {
		return errors.stream().anyMatch(e -> e.field().equals(field));
	}

	static void add(List<FieldError> errors, String field, String message) {
		if (!has(errors, field)) {
			errors.add(new FieldError(field, message));
		}
	}

	static void notInFuture(List<FieldError> errors, String field, LocalDate date, LocalDate today) {
		if (date != null && date.isAfter(today)) {
			add(errors, field, "must not be in the future (today is " + today + ")");
		}
	}

	/**
	 * The checked amount of an optional money field, or null when none was given; a wrong
	 * amount or currency is added to {@code errors} as {@code field.amount} /
	 * {@code field.currency}.
	 */
	static Money money(List<FieldError> errors, String field, MoneyInput input) {
		if (input == null || input.amount() == null && (input.currency() == null || input.currency().isBlank())) {
			return null;
		}
		boolean ok = true;
		if (input.amount() == null) {
			add(errors, field + ".amount", "is required when a currency is given");
			ok = false;
		}
		else if (input.amount().signum() < 0) {
			add(errors, field + ".amount", "must be 0 or more");
			ok = false;
		}
		else if (input.amount().scale() > 2 || input.amount().precision() - input.amount().scale() > 10) {
			add(errors, field + ".amount", "must have at most 10 digits before and 2 after the decimal point");
			ok = false;
		}
		String currency = input.currency() == null ? null : input.currency().trim().toUpperCase();
		if (currency == null || currency.isEmpty()) {
			add(errors, field + ".currency", "is required (ISO 4217, e.g. USD)");
			ok = false;
		}
		else if (!isCurrency(currency)) {
			add(errors, field + ".currency", "'" + input.currency() + "' is not an ISO 4217 currency (e.g. USD, EUR)");
			ok = false;
		}
		return ok ? new Money(input.amount(), currency) : null;
	}

	private static boolean isCurrency(String code) {
		if (!code.matches("[A-Z]{3}")) {
			return false;
		}
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
