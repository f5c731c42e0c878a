package io.intime.shared.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.intime.shared.DuplicateException;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the REST API as {@code application/problem+json}. Input errors are 400s that
 * name each wrong field in {@code errors}; a 500 is a bug and is logged as one. Access
 * denials are left to Spring Security, which records them in the audit trail.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	/** The most field errors a 400 lists. */
	static final int MAX_LISTED_ERRORS = 50;

	@ExceptionHandler(DuplicateException.class)
	ProblemDetail duplicate(DuplicateException e, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Duplicate", e.getMessage(), request);
		problem.setProperty("errors", e.errors());
		problem.setProperty("existing", Map.of("label", e.existingLabel(), "href", e.existingLink()));
		return problem;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e, HttpServletRequest request) {
		return invalid(e.errors(), request);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
		List<FieldError> errors = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldError(error.getField(), message(error)))
			.collect(Collectors.toList());
		e.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		return invalid(errors, request);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalid(HandlerMethodValidationException e, HttpServletRequest request) {
		List<FieldError> errors = e.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return invalid(errors, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail invalid(ConstraintViolationException e, HttpServletRequest request) {
		return invalid(e.getConstraintViolations()
			.stream()
			.map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList(), request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
		Throwable cause = e.getCause();
		while (cause != null && !(cause instanceof JacksonException)) {
			cause = cause.getCause();
		}
		if (cause instanceof JacksonException jackson) {
			return invalid(List.of(JacksonProblems.fieldError(jackson)), request);
		}
		String detail = e.getCause() == null ? "The request body is missing" : "The request body is not valid JSON";
		return invalid(List.of(new FieldError("body", detail)), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		String expected = e.getRequiredType() == null ? "a valid value"
				: JacksonProblems.expectation(e.getRequiredType());
		if (expected.equals("a whole number") && String.valueOf(e.getValue()).matches("\\s*-?\\d+\\s*")) {
			return invalid(List.of(new FieldError(e.getName(), "'" + e.getValue() + "' is out of range")), request);
		}
		return invalid(List.of(new FieldError(e.getName(), "'" + e.getValue() + "' is not " + expected)), request);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException e, HttpServletRequest request) {
		return invalid(List.of(new FieldError(e.getParameterName(), "is required")), request);
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, "Not Found", e.getMessage(), request);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail noResource(NoResourceFoundException e, HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, "Not Found", "No such resource: " + request.getRequestURI(), request);
	}

	@ExceptionHandler(StaleVersionException.class)
	ProblemDetail stale(StaleVersionException e, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), request);
		problem.setProperty("currentVersion", e.currentVersion());
		return problem;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrent(OptimisticLockingFailureException e, HttpServletRequest request) {
		return problem(HttpStatus.CONFLICT, "Conflict",
				"Someone else changed this record at the same moment; reload it and apply your change again", request);
	}

	/**
	 * Two requests creating the same row at once: the loser's insert meets the winner's
	 * key (PostgreSQL's unique violation, 23505, however the data access layer wrapped
	 * it). Any other broken integrity rule is a bug, as every unexpected error.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail concurrentInsert(DataIntegrityViolationException e, HttpServletRequest request) {
		if (!(e instanceof DuplicateKeyException) && !isUniqueViolation(e)) {
			return unexpected(e, request);
		}
		return problem(HttpStatus.CONFLICT, "Conflict",
				"Someone else saved the same record at the same moment; reload it and apply your change again",
				request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed", e.getMessage(), request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", "Send the body as application/json",
				request);
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException e, HttpServletRequest request) {
		if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
			throw e;
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
				"Something went wrong on our side; it has been logged", request);
	}

	/**
	 * A 400 naming the wrong fields: the first {@value #MAX_LISTED_ERRORS} of them, so
	 * that the answer to a body with thousands of wrong entries stays small;
	 * {@code moreErrors} counts the rest.
	 */
	private static ProblemDetail invalid(List<FieldError> errors, HttpServletRequest request) {
		List<FieldError> listed = errors.size() > MAX_LISTED_ERRORS ? errors.subList(0, MAX_LISTED_ERRORS) : errors;
		int more = errors.size() - listed.size();
		String detail = listed.stream()
			.map(error -> error.field() + ": " + error.message())
			.collect(Collectors.joining("; ")) + (more > 0 ? "; and " + more + " more" : "");
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, request);
		problem.setProperty("errors", List.copyOf(listed));
		if (more > 0) {
			problem.setProperty("moreErrors", more);
		}
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	private static String message(org.springframework.validation.FieldError error) {
		if (error.isBindingFailure()) {
			return "'" + error.getRejectedValue() + "' is not a valid value";
		}
		return error.getDefaultMessage();
	}

	private static boolean isUniqueViolation(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

}
