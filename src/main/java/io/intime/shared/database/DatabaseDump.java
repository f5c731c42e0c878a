package io.intime.shared.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A consistent dump of the application's data while it runs, and its restore.
 * <p>
 * The embedded PostgreSQL binaries (zonky) hold only {@code initdb}, {@code pg_ctl} and
 * {@code postgres}: no {@code pg_dump}, and a {@code pg_dump} older than the server
 * refuses to dump it. So the dump is taken over JDBC: every table of the {@code public}
 * schema is copied out ({@code COPY ... TO STDOUT}, PostgreSQL's own text format) within
 * one read-only repeatable-read transaction, i.e. from one snapshot, in the order of
 * their foreign keys, with the sequences' values and the schema version (Flyway's). The
 * schema itself is not in the dump: Flyway builds it on restore, up to the dump's
 * version, then the rows are copied in and the later migrations run. A dump therefore
 * moves across PostgreSQL major versions and into a later release of the application.
 * <p>
 * The file is gzip-compressed text: {@code intime-dump 1}, {@code flyway <version>}, then
 * per table {@code table <name> <columns>} followed by its rows and a line {@code \.},
 * then {@code sequence <name> <value>} lines.
 * <p>
 * {@code bin/backup} runs {@link #main} against the embedded database of a running
 * application (port from {@code postmaster.pid}, password from
 * {@code postgres.password}).
 */
public final class DatabaseDump {

	static final String MAGIC = "intime-dump 1";

	private static final String END_OF_ROWS = "\\.";

	private static final String HISTORY = "flyway_schema_history";

	private DatabaseDump() {
	}

	/**
	 * {@code bin/backup [--data-dir DIR] FILE}: dumps the embedded database of the
	 * application running on DIR (default {@code ./data}) into FILE.
	 */
	public static void main(String[] args) throws Exception {
		Path dataDir = Path.of("data");
		Path file = null;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--data-dir") && i + 1 < args.length) {
				dataDir = Path.of(args[++i]);
			}
			else if (args[i].startsWith("--data-dir=")) {
				dataDir = Path.of(args[i].substring("--data-dir=".length()));
			}
			else {
				file = Path.of(args[i]);
			}
		}
		if (file == null) {
			System.err.println("Usage: bin/backup [--data-dir DIR] FILE");
			System.exit(2);
		}
		try {
			String version = dumpEmbedded(dataDir, file);
			System.out.println("Wrote " + file.toAbsolutePath() + " (schema version " + version + ")");
		}
		catch (IllegalStateException e) {
			System.err.println(e.getMessage());
			System.exit(1);
		}
	}

	/**
	 * Dumps the embedded database of the application running on this data folder into the
	 * file (created readable by its owner only); returns the schema version.
	 */
	public static String dumpEmbedded(Path dataDir, Path file) throws IOException, SQLException {
		Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
		Path password = dataDir.resolve(EmbeddedDatabaseSecurity.PASSWORD_FILE);
		if (!Files.exists(pid)) {
			throw new IllegalStateException("No running embedded database in " + dataDir.toAbsolutePath()
					+ ": start the application on it first (the dump is taken while it runs), "
					+ "or, while it is stopped, copy the whole folder.");
		}
		// postmaster.pid: pid, data directory, start time, port, ...
		List<String> lines = Files.readAllLines(pid);
		String port = lines.get(3).strip();
		Properties credentials = new Properties();
		credentials.setProperty("user", EmbeddedDatabaseConfiguration.SUPERUSER);
		// A folder of an earlier release without a password trusts local connections.
		if (Files.exists(password)) {
			credentials.setProperty("password", Files.readString(password).strip());
		}
		try (Connection connection = DriverManager.getConnection(
				"jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabaseConfiguration.DATABASE, credentials)) {
			Files.deleteIfExists(file);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try (OutputStream out = Files.newOutputStream(file)) {
				return dump(connection, out);
			}
		}
	}

	/** Writes the dump of this connection's database; returns its schema version. */
	public static String dump(Connection connection, OutputStream target) throws IOException, SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		connection.setReadOnly(true);
		try (GZIPOutputStream gzip = new GZIPOutputStream(target)) {
			String version = schemaVersion(connection);
			line(gzip, MAGIC);
			line(gzip, "flyway " + version);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (String table : tablesInForeignKeyOrder(connection)) {
				String columns = String.join(",", columns(connection, table));
				line(gzip, "table " + table + " " + columns);
				copy.copyOut("copy " + quote(table) + " (" + quoted(columns) + ") to stdout", gzip);
				line(gzip, END_OF_ROWS);
			}
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement
						.executeQuery("select sequencename, last_value from pg_sequences where schemaname = 'public' "
								+ "and last_value is not null order by sequencename")) {
				while (rs.next()) {
					line(gzip, "sequence " + rs.getString(1) + " " + rs.getLong(2));
				}
			}
			gzip.finish();
			connection.commit();
			return version;
		}
		finally {
			connection.rollback();
			connection.setReadOnly(false);
			connection.setAutoCommit(autoCommit);
		}
	}

	/** The schema version of a dump, read from its head. */
	public static String version(InputStream dump) throws IOException {
		BufferedReader reader = reader(dump);
		if (!MAGIC.equals(reader.readLine())) {
			throw new IllegalStateException("Not a dump of InTime Accounts (bin/backup)");
		}
		String flyway = reader.readLine();
		if (flyway == null || !flyway.startsWith("flyway ")) {
			throw new IllegalStateException("A damaged dump: no schema version");
		}
		return flyway.substring("flyway ".length());
	}

	/**
	 * Copies a dump's rows into a database whose schema Flyway has just built up to the
	 * dump's version: every table of the dump is emptied first (of rows the migrations
	 * inserted), then filled, in one transaction.
	 */
	public static void restore(Connection connection, InputStream dump) throws IOException, SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			BufferedReader reader = reader(dump);
			reader.readLine();
			reader.readLine();
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			List<String[]> sequences = new ArrayList<>();
			try (Statement statement = connection.createStatement()) {
				statement.execute("truncate table " + tablesInForeignKeyOrder(connection).stream()
					.map(DatabaseDump::quote)
					.collect(Collectors.joining(", ")) + " cascade");
			}
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] parts = line.split(" ", 3);
				if (parts[0].equals("table")) {
					CopyIn in = copy.copyIn("copy " + quote(parts[1]) + " (" + quoted(parts[2]) + ") from stdin");
					try {
						for (String row = reader.readLine(); !END_OF_ROWS.equals(row); row = reader.readLine()) {
							if (row == null) {
								throw new IllegalStateException(
										"A damaged dump: the rows of " + parts[1] + " end early");
							}
							byte[] bytes = (row + "\n").getBytes(StandardCharsets.UTF_8);
							in.writeToCopy(bytes, 0, bytes.length);
						}
						in.endCopy();
					}
					finally {
						if (in.isActive()) {
							in.cancelCopy();
						}
					}
				}
				else if (parts[0].equals("sequence")) {
					sequences.add(parts);
				}
			}
			try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?, true)")) {
				for (String[] sequence : sequences) {
					setval.setString(1, quote(sequence[1]));
					setval.setLong(2, Long.parseLong(sequence[2]));
					setval.execute();
				}
			}
			connection.commit();
		}
		catch (IOException | SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select version from " + HISTORY
						+ " where success and version is not null order by installed_rank desc limit 1")) {
			if (!rs.next()) {
				throw new IllegalStateException("The database has no schema yet: nothing to dump");
			}
			return rs.getString(1);
		}
	}

	/**
	 * The tables of the public schema (Flyway's history aside), each after the tables its
	 * foreign keys point to.
	 */
	static List<String> tablesInForeignKeyOrder(Connection connection) throws SQLException {
		Map<String, Set<String>> parents = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select tablename from pg_tables where schemaname = 'public' "
						+ "and tablename <> '" + HISTORY + "' order by tablename")) {
			while (rs.next()) {
				parents.put(rs.getString(1), new LinkedHashSet<>());
			}
		}
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select child.relname, parent.relname from pg_constraint c
				join pg_class child on child.oid = c.conrelid
				join pg_class parent on parent.oid = c.confrelid
				join pg_namespace n on n.oid = child.relnamespace
				where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid""")) {
			while (rs.next()) {
				Set<String> of = parents.get(rs.getString(1));
				if (of != null && parents.containsKey(rs.getString(2))) {
					of.add(rs.getString(2));
				}
			}
		}
		List<String> ordered = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		while (placed.size() < parents.size()) {
			int before = placed.size();
			for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
				if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
					placed.add(table.getKey());
					ordered.add(table.getKey());
				}
			}
			if (placed.size() == before) {
				throw new IllegalStateException("Foreign keys in a cycle among "
						+ parents.keySet().stream().filter(t -> !placed.contains(t)).toList());
			}
		}
		return ordered;
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				select attname from pg_attribute where attrelid = ?::regclass and attnum > 0
				and not attisdropped and attgenerated = '' order by attnum""")) {
			statement.setString(1, quote(table));
			try (ResultSet rs = statement.executeQuery()) {
				List<String> columns = new ArrayList<>();
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
				return columns;
			}
		}
	}

	private static String quoted(String columns) {
		return Stream.of(columns.split(",")).map(DatabaseDump::quote).collect(Collectors.joining(", "));
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static BufferedReader reader(InputStream dump) throws IOException {
		return new BufferedReader(new InputStreamReader(new GZIPInputStream(dump), StandardCharsets.UTF_8));
	}

	private static void line(OutputStream out, String line) throws IOException {
		out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
	}

}
