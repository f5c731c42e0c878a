import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The SQL floor of a benchmark: replays the statements that requests executed (as the
 * application's SQL capture recorded them, see bench/README.md) over plain JDBC on the same
 * database, and prints p50/p95 of the time per request. No application around them: no HTTP, no
 * security, no mapping of rows to objects, no rendering.
 *
 * <pre>
 * java -cp postgresql.jar bench/Floor.java floor.json [--warmup 50] [--runs 300]
 * </pre>
 *
 * floor.json is either one capture as {@code GET /api/v1/diagnostics/sql-capture} answers it, or
 * {@code {"jdbcUrl", "user", "requests": [{"name", "statements"}], "sequence": [request index, ...]}}.
 * Run i replays request {@code sequence[i % n]}. A request's statements run in their order, on
 * one connection per thread that ran them in the application (threads in parallel, as the
 * application ran them), each group in a transaction that is rolled back: the database is left
 * as it was, and a replay never conflicts with the rows the application wrote. Rows are read to
 * the end, every column fetched. The password, if the database needs one, comes from PGPASSWORD.
 *
 * The last line is machine-readable: {@code FLOOR p50=… p95=… max=… runs=… statements=… total=…} (ms;
 * total is the sum of the measured runs, for throughput figures such as bench/workflow_runs.py's).
 */
public class Floor {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -cp postgresql.jar bench/Floor.java floor.json [--warmup N] [--runs N]");
            System.exit(2);
        }
        int warmup = 50;
        int runs = 300;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        Map<String, Object> file = asMap(new Json(Files.readString(Path.of(args[0]))).value());
        List<Request> requests = new ArrayList<>();
        List<Integer> sequence = new ArrayList<>();
        if (file.containsKey("requests")) {
            for (Object r : asList(file.get("requests"))) {
                Map<String, Object> request = asMap(r);
                requests.add(new Request((String) request.get("name"), asList(request.get("statements"))));
            }
            for (Object index : asList(file.getOrDefault("sequence", List.of()))) {
                sequence.add(((Number) index).intValue());
            }
        }
        else {
            requests.add(new Request("capture", asList(file.get("statements"))));
        }
        if (sequence.isEmpty()) {
            for (int i = 0; i < requests.size(); i++) {
                sequence.add(i);
            }
        }
        int threads = requests.stream().mapToInt(r -> r.groups.size()).max().orElse(1);
        String url = (String) file.get("jdbcUrl");
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < Math.max(1, threads); i++) {
            Connection connection = DriverManager.getConnection(url, (String) file.get("user"), password);
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            for (int i = 0; i < warmup; i++) {
                requests.get(sequence.get(i % sequence.size())).replay(connections, pool);
            }
            double[] millis = new double[runs];
            long statements = 0;
            for (int i = 0; i < runs; i++) {
                Request request = requests.get(sequence.get((warmup + i) % sequence.size()));
                long start = System.nanoTime();
                request.replay(connections, pool);
                millis[i] = (System.nanoTime() - start) / 1e6;
                statements += request.statements;
            }
            double total = java.util.Arrays.stream(millis).sum();
            java.util.Arrays.sort(millis);
            double p50 = percentile(millis, 50);
            double p95 = percentile(millis, 95);
            double max = millis.length == 0 ? 0 : millis[millis.length - 1];
            System.out.printf("SQL floor: %d requests (%d distinct), %.1f statements each on average; p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    runs, requests.size(), runs == 0 ? 0.0 : (double) statements / runs, p50, p95, max);
            System.out.printf(java.util.Locale.ROOT, "FLOOR p50=%.2f p95=%.2f max=%.2f runs=%d statements=%d total=%.2f%n", p50,
                    p95, max, runs, statements, total);
        }
        finally {
            pool.shutdownNow();
            for (Connection connection : connections) {
                connection.rollback();
                connection.close();
            }
        }
    }

    /** Nearest rank, as bench/measure.py computes it. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    /** One captured request: its statements grouped by the thread that ran them. */
    static final class Request {

        final String name;
        final List<List<Map<String, Object>>> groups = new ArrayList<>();
        final int statements;

        Request(String name, List<Object> captured) {
            this.name = name;
            Map<String, List<Map<String, Object>>> byThread = new LinkedHashMap<>();
            for (Object s : captured) {
                Map<String, Object> statement = asMap(s);
                byThread.computeIfAbsent((String) statement.get("thread"), t -> new ArrayList<>()).add(statement);
            }
            groups.addAll(byThread.values());
            statements = captured.size();
        }

        void replay(List<Connection> connections, ExecutorService pool) throws Exception {
            if (groups.size() <= 1) {
                for (List<Map<String, Object>> group : groups) {
                    run(connections.get(0), group);
                }
                return;
            }
            List<Future<Object>> running = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                Connection connection = connections.get(i);
                List<Map<String, Object>> group = groups.get(i);
                running.add(pool.submit(() -> {
                    run(connection, group);
                    return null;
                }));
            }
            for (Future<Object> future : running) {
                future.get();
            }
        }

        private void run(Connection connection, List<Map<String, Object>> group) throws SQLException {
            try {
                for (Map<String, Object> statement : group) {
                    execute(connection, statement);
                }
            }
            finally {
                connection.rollback();
            }
        }

        private static void execute(Connection connection, Map<String, Object> statement) throws SQLException {
            String sql = (String) statement.get("sql");
            List<Object> sets = asList(statement.get("parameterSets"));
            boolean batch = Boolean.TRUE.equals(statement.get("batch"));
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                if (batch) {
                    for (Object set : sets) {
                        bind(connection, ps, asList(set));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    return;
                }
                if (!sets.isEmpty()) {
                    bind(connection, ps, asList(sets.get(0)));
                }
                boolean results = ps.execute();
                while (true) {
                    if (results) {
                        try (ResultSet rs = ps.getResultSet()) {
                            int columns = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                for (int c = 1; c <= columns; c++) {
                                    rs.getObject(c);
                                }
                            }
                        }
                    }
                    else if (ps.getUpdateCount() == -1) {
                        break;
                    }
                    results = ps.getMoreResults();
                }
            }
            catch (SQLException e) {
                throw new SQLException("replaying: " + sql + " — " + e.getMessage(), e);
            }
        }

        private static void bind(Connection connection, PreparedStatement ps, List<Object> values) throws SQLException {
            for (Object v : values) {
                Map<String, Object> value = asMap(v);
                int index = ((Number) value.get("index")).intValue();
                if ("null".equals(value.get("type")) && value.get("sqlType") instanceof Number type) {
                    ps.setNull(index, type.intValue());
                }
                else if ("array".equals(value.get("type"))) {
                    List<Object> items = asList(value.get("value"));
                    Object[] elements = new Object[items.size()];
                    for (int i = 0; i < elements.length; i++) {
                        elements[i] = java(asMap(items.get(i)));
                    }
                    Array array = connection.createArrayOf((String) value.get("base"), elements);
                    ps.setArray(index, array);
                }
                else {
                    ps.setObject(index, java(value));
                }
            }
        }

        /** The Java value the application bound, from its typed form. */
        private static Object java(Map<String, Object> value) {
            String text = (String) value.get("value");
            return switch ((String) value.get("type")) {
                case "null" -> null;
                case "string" -> text;
                case "boolean" -> Boolean.valueOf(text);
                case "integer" -> Integer.valueOf(text);
                case "long" -> Long.valueOf(text);
                case "short" -> Short.valueOf(text);
                case "double" -> Double.valueOf(text);
                case "float" -> Float.valueOf(text);
                case "bigdecimal" -> new BigDecimal(text);
                case "uuid" -> UUID.fromString(text);
                case "timestamp", "instant" -> Timestamp.from(Instant.parse(text));
                case "date" -> java.sql.Date.valueOf(text);
                case "localdate" -> LocalDate.parse(text);
                case "localdatetime" -> LocalDateTime.parse(text);
                case "localtime" -> LocalTime.parse(text);
                case "offsetdatetime" -> OffsetDateTime.parse(text);
                case "bytes" -> Base64.getDecoder().decode(text);
                default -> throw new IllegalArgumentException("a parameter the capture could not type: " + value);
            };
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        return (List<Object>) o;
    }

    /** Just enough JSON: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {

        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    i++; // ':'
                    map.put(key, value());
                    skip();
                    if (s.charAt(i++) == '}') {
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skip();
                    if (s.charAt(i++) == ']') {
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return new BigDecimal(s.substring(start, i));
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
