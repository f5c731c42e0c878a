package io.intime.shared.web;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SQL floor of a benchmark (see {@code bench/README.md}): while a capture is open,
 * every statement any thread executes through the application's {@code DataSource} is
 * kept with its parameters, so that a benchmark can run the same statements over plain
 * JDBC and compare. Admins only, and only there with
 * {@code intime.diagnostics.request-metrics=true} (like
 * {@link RequestMetricsConfiguration}, whose DataSource proxy feeds it); the requests to
 * this endpoint are not captured.
 * <ul>
 * <li>{@code POST /api/v1/diagnostics/sql-capture} opens a capture (and drops the last
 * one);</li>
 * <li>{@code GET /api/v1/diagnostics/sql-capture} closes it and answers with the
 * statements in the order they ran, each with its thread and its parameter sets (one per
 * batch entry), and the database's JDBC URL and user (never a password).</li>
 * </ul>
 */
@RestController
@RequestMapping(SqlCapture.PATH)
@ConditionalOnBooleanProperty("intime.diagnostics.request-metrics")
public class SqlCapture {

	static final String PATH = "/api/v1/diagnostics/sql-capture";

	/**
	 * A capture stops keeping statements past this many, so that a forgotten one cannot
	 * fill the heap.
	 */
	static final int LIMIT = 200_000;

	private static final Object LOCK = new Object();

	private static volatile List<Map<String, Object>> open;

	private static boolean truncated;

	private static final ThreadLocal<Boolean> EXCLUDED = new ThreadLocal<>();

	private final DataSource dataSource;

	SqlCapture(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * The requests of this endpoint run their own statements (sign-in): those are never
	 * captured.
	 */
	static boolean excludes(HttpServletRequest request) {
		return request.getRequestURI().startsWith(PATH);
	}

	static void exclude(boolean excluded) {
		if (excluded) {
			EXCLUDED.set(Boolean.TRUE);
		}
		else {
			EXCLUDED.remove();
		}
	}

	/** Called by the DataSource proxy after each execution. */
	static void executed(ExecutionInfo execution, List<QueryInfo> queries) {
		if (open == null || EXCLUDED.get() != null) {
			return;
		}
		String thread = Thread.currentThread().getName();
		List<Map<String, Object>> statements = new ArrayList<>(queries.size());
		for (QueryInfo query : queries) {
			List<List<Map<String, Object>>> sets = new ArrayList<>();
			for (List<ParameterSetOperation> set : query.getParametersList()) {
				sets.add(parameters(set));
			}
			Map<String, Object> statement = new LinkedHashMap<>();
			statement.put("thread", thread);
			statement.put("sql", query.getQuery());
			statement.put("batch", execution.isBatch());
			statement.put("parameterSets", sets);
			statement.put("millis", execution.getElapsedTime());
			statements.add(statement);
		}
		synchronized (LOCK) {
			if (open == null) {
				return;
			}
			if (open.size() + statements.size() > LIMIT) {
				truncated = true;
				return;
			}
			open.addAll(statements);
		}
	}

	@PostMapping
	ResponseEntity<Void> start(HttpServletRequest request) {
		adminOnly(request);
		synchronized (LOCK) {
			open = new ArrayList<>();
			truncated = false;
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping
	Map<String, Object> stop(HttpServletRequest request) throws SQLException {
		adminOnly(request);
		List<Map<String, Object>> statements;
		boolean cut;
		synchronized (LOCK) {
			statements = open == null ? List.of() : open;
			cut = truncated;
			open = null;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection()) {
			answer.put("jdbcUrl", connection.getMetaData().getURL());
			answer.put("user", connection.getMetaData().getUserName());
		}
		answer.put("truncated", cut);
		answer.put("statements", statements);
		return answer;
	}

	private static void adminOnly(HttpServletRequest request) {
		if (!request.isUserInRole("ADMIN")) {
			throw new AccessDeniedException("SQL capture is for admins");
		}
	}

	/**
	 * One parameter set, by index: each value typed so that a client can bind it again.
	 */
	private static List<Map<String, Object>> parameters(List<ParameterSetOperation> set) {
		List<ParameterSetOperation> ordered = new ArrayList<>(set);
		ordered
			.removeIf(op -> op.getArgs() == null || op.getArgs().length == 0 || !(op.getArgs()[0] instanceof Integer));
		ordered.sort(Comparator.comparingInt(op -> (Integer) op.getArgs()[0]));
		List<Map<String, Object>> values = new ArrayList<>(ordered.size());
		for (ParameterSetOperation op : ordered) {
			Object[] args = op.getArgs();
			Map<String, Object> value;
			if (op.getMethod().getName().equals("setNull")) {
				value = typed("null", null);
				value.put("sqlType", args.length > 1 ? args[1] : java.sql.Types.NULL);
			}
			else {
				value = value(args.length > 1 ? args[1] : null);
			}
			value.put("index", args[0]);
			values.add(value);
		}
		return values;
	}

	static Map<String, Object> value(Object v) {
		if (v == null) {
			return typed("null", null);
		}
		if (v instanceof Array array) {
			try {
				Object elements = array.getArray();
				List<Object> items = new ArrayList<>();
				if (elements instanceof Object[] objects) {
					for (Object element : objects) {
						items.add(value(element));
					}
				}
				Map<String, Object> typed = typed("array", items);
				typed.put("base", array.getBaseTypeName());
				return typed;
			}
			catch (SQLException e) {
				return typed("unsupported", String.valueOf(e.getMessage()));
			}
		}
		if (v instanceof Long[] || v instanceof Integer[] || v instanceof String[]) {
			// an array bound as an object (PostgreSQL's driver takes Java arrays as well)
			List<Object> items = new ArrayList<>();
			for (Object element : (Object[]) v) {
				items.add(value(element));
			}
			Map<String, Object> typed = typed("array", items);
			typed.put("base", v instanceof Long[] ? "int8" : v instanceof Integer[] ? "int4" : "varchar");
			return typed;
		}
		if (v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
				|| v instanceof Short || v instanceof Double || v instanceof Float || v instanceof BigDecimal
				|| v instanceof UUID) {
			return typed(v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), String.valueOf(v));
		}
		if (v instanceof Timestamp t) {
			return typed("timestamp", t.toInstant().toString());
		}
		if (v instanceof java.sql.Date d) {
			return typed("date", d.toLocalDate().toString());
		}
		if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime
				|| v instanceof OffsetDateTime || v instanceof Instant) {
			return typed(v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), v.toString());
		}
		if (v instanceof byte[] bytes) {
			return typed("bytes", java.util.Base64.getEncoder().encodeToString(bytes));
		}
		return typed("unsupported", v.getClass().getName());
	}

	private static Map<String, Object> typed(String type, Object value) {
		Map<String, Object> typed = new LinkedHashMap<>();
		typed.put("type", type);
		typed.put("value", value);
		return typed;
	}

}
