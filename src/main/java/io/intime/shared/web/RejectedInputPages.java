package io.intime.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page request whose parameter or path variable breaks one of {@link InputRules} is a
 * 400 (the API's own advice, which comes first, answers it with a problem naming the
 * parameter).
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
@ControllerAdvice(annotations = Controller.class)
class RejectedInputPages {

	@ExceptionHandler(RejectedInputException.class)
	void rejected(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
