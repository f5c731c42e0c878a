package io.intime.shared.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest body a REST API request may send ({@code intime.api.max-body-size}, 2 MB):
 * a larger one is a 413 problem before anything reads it, and a body sent without a
 * length stops being read at the limit (a 400 on {@code body}). With the field limits of
 * the forms ({@code @Size}, stated in the OpenAPI document) this bounds what one request
 * can make the server hold. CSV uploads of the pages have their own limit
 * ({@code spring.servlet.multipart.*}).
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

	@Bean
	FilterRegistrationBean<LimitFilter> requestBodyLimitFilter(@Value("${intime.api.max-body-size:2MB}") DataSize limit,
			JsonMapper json) {
		FilterRegistrationBean<LimitFilter> registration = new FilterRegistrationBean<>(new LimitFilter(limit, json));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class LimitFilter extends OncePerRequestFilter {

		private final DataSize limit;

		private final JsonMapper json;

		LimitFilter(DataSize limit, JsonMapper json) {
			this.limit = limit;
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getContentLengthLong() > limit.toBytes()) {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
						"The request body is larger than " + describe(limit) + "; send less at a time");
				problem.setTitle("Request body too large");
				problem.setInstance(URI.create(request.getRequestURI()));
				response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				json.writeValue(response.getOutputStream(), problem);
				return;
			}
			chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, limit.toBytes()) : request,
					response);
		}

		private static String describe(DataSize size) {
			return size.toMegabytes() >= 1 && size.toBytes() % (1024 * 1024) == 0 ? size.toMegabytes() + " MB"
					: size.toKilobytes() + " KB";
		}

	}

	/**
	 * A request whose body (of unknown length) ends in an error when it passes the limit.
	 */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					count(b < 0 ? 0 : 1);
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					count(Math.max(n, 0));
					return n;
				}

				private void count(int n) throws IOException {
					read += n;
					if (read > limit) {
						throw new IOException("The request body is larger than " + limit + " bytes");
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}

	}

}
