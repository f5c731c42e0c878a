package io.intime.shared.web;

import java.io.IOException;

import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * On every page: a missing record (or a path such as /accounts/abc that cannot name one)
 * is the 404 page, and input a page does not show beside its field (a download's unknown
 * format) is a 400 naming it. Access denials are not handled here: they reach Spring
 * Security, which records them and shows the 403 page. The REST API's controllers are
 * answered by {@link ApiProblemHandler}, which comes first.
 */
// Before Spring Boot's problem-details advice, which would answer a type mismatch with a
// 400.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(InvalidInputException.class)
	void badRequest(InvalidInputException e, HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
	}

}
