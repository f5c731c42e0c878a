package io.intime.shared;

import java.util.List;

/**
 * Input that breaks a rule; carries one message per wrong field. Pages show each message
 * beside its field, the API returns them as {@code errors} of a 400 problem.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.stream()
			.map(e -> e.field() + ": " + e.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("invalid input"));
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return errors;
	}

}
