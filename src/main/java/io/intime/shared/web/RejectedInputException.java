package io.intime.shared.web;

import java.util.List;

import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;

/**
 * A request parameter or path variable that breaks one of {@link InputRules}, found while
 * the request's arguments are resolved (before the controller runs): the API answers it
 * as every {@link InvalidInputException}, pages with a plain 400
 * ({@link RejectedInputPages}).
 */
public class RejectedInputException extends InvalidInputException {

	public RejectedInputException(String field, String message) {
		super(List.of(new FieldError(field, message)));
	}

}
