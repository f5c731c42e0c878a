package io.intime.shared.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Diagnostics for benchmarks (see {@code bench/README.md}): adds two response headers to
 * every request, measured inside the server:
 * <ul>
 * <li>{@value #SERVER_TIME_HEADER}: wall time in milliseconds from entering this filter
 * (the first in the chain, before security) to the end of the request;</li>
 * <li>{@value #SQL_STATEMENTS_HEADER}: the number of JDBC statement executions (each
 * {@code execute}, {@code executeQuery}, {@code executeUpdate} or {@code executeBatch}
 * call, i.e. database round trips) the request's thread made, counted by a
 * datasource-proxy listener around the application's {@code DataSource}.</li>
 * </ul>
 * Only registered when {@code intime.diagnostics.request-metrics=true}
 * ({@link RequestMetricsConfiguration}). The response body is buffered so that the
 * headers can carry the final figures; error responses and redirects get the figures
 * measured up to the moment they are sent. Not meant for streaming responses.
 */
public class RequestMetricsFilter extends OncePerRequestFilter {

	public static final String SERVER_TIME_HEADER = "X-Server-Time-Ms";

	public static final String SQL_STATEMENTS_HEADER = "X-Sql-Statements";

	/**
	 * Statements counted for the request the current thread is serving; null outside
	 * requests.
	 */
	private static final ThreadLocal<int[]> STATEMENTS = new ThreadLocal<>();

	/** Called by the DataSource proxy after each statement execution. */
	static void statementExecuted() {
		int[] count = STATEMENTS.get();
		if (count != null) {
			count[0]++;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		int[] count = new int[1];
		int[] outer = STATEMENTS.get();
		STATEMENTS.set(count);
		StampingResponse wrapper = new StampingResponse(response, start, count);
		boolean uncaptured = SqlCapture.excludes(request);
		SqlCapture.exclude(uncaptured);
		try {
			chain.doFilter(request, wrapper);
		}
		finally {
			if (uncaptured) {
				SqlCapture.exclude(false);
			}
			if (outer == null) {
				STATEMENTS.remove();
			}
			else {
				STATEMENTS.set(outer);
			}
			wrapper.stamp();
			wrapper.copyBodyToResponse();
		}
	}

	/** Buffers the body and sets the headers before anything is committed. */
	private static final class StampingResponse extends ContentCachingResponseWrapper {

		private final long start;

		private final int[] count;

		StampingResponse(HttpServletResponse response, long start, int[] count) {
			super(response);
			this.start = start;
			this.count = count;
		}

		void stamp() {
			if (!getResponse().isCommitted()) {
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				setHeader(SERVER_TIME_HEADER, Long.toString(millis));
				setHeader(SQL_STATEMENTS_HEADER, Integer.toString(count[0]));
			}
		}

		@Override
		public void sendError(int status) throws IOException {
			stamp();
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			stamp();
			super.sendError(status, message);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			stamp();
			super.sendRedirect(location);
		}

	}

}
