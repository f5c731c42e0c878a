package io.intime.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * The Bean Validation constraints of a module's form as field errors: one message per
 * field (the first by field name), the field named as the API and pages name it
 * ({@code tags}, not {@code tags[0].<list element>}). Facades check these before their
 * own rules and report both the same way.
 */
@Component
public class FormConstraints {

	private final Validator validator;

	public FormConstraints(Validator validator) {
		this.validator = validator;
	}

	public List<FieldError> violations(Object form) {
		List<FieldError> errors = new ArrayList<>();
		validator.validate(form)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
			.forEach(v -> {
				String field = v.getPropertyPath().toString().replace(".<list element>", "");
				if (errors.stream().noneMatch(e -> e.field().equals(field))) {
					errors.add(new FieldError(field, v.getMessage()));
				}
			});
		return errors;
	}

	/** Throws the errors as one {@link InvalidInputException}, if there are any. */
	public static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
