package io.intime.shared.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Writes a problem+json response outside Spring MVC (the security filters' 401 and 403)
 * with the very message converter that writes every other error of the API, so that the
 * bodies have the same shape and the same encoding (UTF-8) and escape what JSON must
 * escape.
 */
@Component
public class ProblemResponses {

	private final ObjectProvider<RequestMappingHandlerAdapter> mvc;

	ProblemResponses(ObjectProvider<RequestMappingHandlerAdapter> mvc) {
		this.mvc = mvc;
	}

	/** A problem with the API's usual title and instance (the request's path). */
	public static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	@SuppressWarnings("unchecked")
	public void write(ProblemDetail problem, HttpServletResponse response) throws IOException {
		response.setStatus(problem.getStatus());
		for (HttpMessageConverter<?> converter : mvc.getObject().getMessageConverters()) {
			if (converter.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON)) {
				try (ServletServerHttpResponse output = new ServletServerHttpResponse(response)) {
					((HttpMessageConverter<ProblemDetail>) converter).write(problem, MediaType.APPLICATION_PROBLEM_JSON,
							output);
				}
				return;
			}
		}
		throw new IllegalStateException("No message converter writes application/problem+json");
	}

}
