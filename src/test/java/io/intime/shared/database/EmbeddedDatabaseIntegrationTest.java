package io.intime.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.intime.InTimeApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL as a user meets it: started by the application, kept across
 * restarts, durable, closed to connections without its password, stopped cleanly, refused
 * in prod.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseIntegrationTest {

	@Test
	void keepsDataInTheDataDirectoryAcrossRestarts(@TempDir Path dataDir, CapturedOutput output) {
		try (ConfigurableApplicationContext first = start(dataDir)) {
			first.getBean(JdbcClient.class).sql("create table restart_marker (note text)").update();
			first.getBean(JdbcClient.class).sql("insert into restart_marker values ('kept')").update();
		}
		assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
		assertThat(output.getOut()).contains("Using the EMBEDDED PostgreSQL")
			.contains(dataDir.resolve("postgres").toString())
			.contains("SPRING_DATASOURCE_URL");
		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(second.getBean(JdbcClient.class)
				.sql("select note from restart_marker")
				.query(String.class)
				.single()).isEqualTo("kept");
		}
	}

	@Test
	void theKeptDatabaseIsDurableAndRefusesConnectionsWithoutItsPassword(@TempDir Path dataDir) throws Exception {
		String password;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'")
				.query(Long.class)
				.single()).isZero();
			assertThat(jdbc.sql("select count(*) from pg_hba_file_rules").query(Long.class).single()).isEqualTo(6);

			Path passwordFile = dataDir.resolve(EmbeddedDatabaseSecurity.PASSWORD_FILE);
			assertThat(Files.getPosixFilePermissions(passwordFile))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
			password = Files.readString(passwordFile).strip();
			assertThat(password).hasSizeGreaterThanOrEqualTo(40);

			String url = jdbcUrl(first);
			assertRefused(url, null);
			assertRefused(url, "postgres");
			assertRefused(url, password + "x");
			assertConnects(url, password);
			assertThat(Files.list(dataDir.resolve("postgres-binaries")).map(path -> path.getFileName().toString()))
				.anyMatch(name -> name.startsWith("PG-"));
			assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres-binaries")))
				.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(Files.readString(dataDir.resolve(EmbeddedDatabaseSecurity.PASSWORD_FILE)).strip())
				.isEqualTo(password);
			assertThat(second.getBean(JdbcClient.class).sql("select 1").query(Integer.class).single()).isEqualTo(1);
			assertRefused(jdbcUrl(second), null);
		}
	}

	@Test
	void aDataFolderThatTrustedEveryLocalConnectionIsClosedOnItsFirstStart(@TempDir Path dataDir, CapturedOutput output)
			throws Exception {
		// A folder as earlier versions left it: zonky's defaults, trust for every local
		// connection.
		try (EmbeddedPostgres legacy = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setLocaleConfig("locale", "C")
			.start()) {
			try (var connection = legacy.getDatabase("postgres", "postgres").getConnection();
					var statement = connection.createStatement()) {
				statement.execute("create database intime");
			}
		}
		assertThat(Files.exists(dataDir.resolve(EmbeddedDatabaseSecurity.PASSWORD_FILE))).isFalse();

		try (ConfigurableApplicationContext first = start(dataDir)) {
			assertThat(output.getOut()).contains("accepted every local connection without a password");
			assertThat(first.getBean(JdbcClient.class)
				.sql("select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'")
				.query(Long.class)
				.single()).isZero();
			assertRefused(jdbcUrl(first), null);
			assertConnects(jdbcUrl(first), Files.readString(dataDir.resolve(EmbeddedDatabaseSecurity.PASSWORD_FILE)));
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(second.getBean(JdbcClient.class).sql("select 1").query(Integer.class).single()).isEqualTo(1);
			assertRefused(jdbcUrl(second), null);
		}
	}

	/**
	 * SIGTERM to a running application: the embedded server stops after the application
	 * has closed its pool (no JVM shutdown hook of its own), so the stop is quick and
	 * logs no error. Started with {@code INTIME_LOG_FORMAT=json}: every line it logs is a
	 * JSON object (Elastic Common Schema).
	 */
	@Test
	void aStartedApplicationStopsOnSigtermWithinSecondsAndLogsNoError(@TempDir Path dataDir) throws Exception {
		Path log = dataDir.resolve("application.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), InTimeApplication.class.getName(), "--server.port=0",
						"--intime.demo=false", "--intime.health.live=false", "--intime.data-dir=" + dataDir));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("INTIME_LOG_FORMAT", "json");
		Process application = builder.start();
		try {
			// Generous: a start takes seconds on a quiet machine, minutes on a busy CI
			// one.
			long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
			// Ready: the scheduler starts last, after every other ready listener (the
			// first administrator's setup link among them).
			while (!Files.readString(log).contains("Scheduler started")) {
				assertThat(application.isAlive()).as("the application is still starting:%n%s", Files.readString(log))
					.isTrue();
				assertThat(System.nanoTime()).as("started within 8 minutes:%n%s", Files.readString(log))
					.isLessThan(deadline);
				Thread.sleep(200);
			}
			long stopping = System.nanoTime();
			application.destroy(); // SIGTERM

			assertThat(application.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s").isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(15));
			String logged = Files.readString(log);
			assertThat(logged.lines().filter(line -> line.contains("\"ERROR\"") || line.contains("Exception")))
				.as("errors logged on stop:%n%s", logged)
				.isEmpty();
			JsonMapper json = JsonMapper.builder().build();
			List<JsonNode> lines = logged.lines()
				// The JVM's own warnings (class data sharing) are not the application's.
				.filter(line -> !line.startsWith("OpenJDK") && !line.isBlank())
				.peek(line -> assertThat(line).as("a log line that is not JSON:%n%s", logged).startsWith("{"))
				.map(json::readTree)
				.toList();
			assertThat(lines).allMatch(line -> line.has("@timestamp") && line.has("message"));
			assertThat(lines).anyMatch(line -> line.get("message").asString().contains("Started InTimeApplication"));
			assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
		}
		finally {
			application.destroyForcibly();
		}
	}

	@Test
	void refusesToStartWithTheProdProfileAndNoExternalDatabase(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(InTimeApplication.class).profiles("prod")
			.run("--server.port=0")
			.close()).hasRootCauseInstanceOf(EmbeddedDatabaseRefusedException.class);
		assertThat(output.getOut() + output.getErr()).contains("needs an external PostgreSQL")
			.contains("SPRING_DATASOURCE_URL");
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(InTimeApplication.class).run("--server.port=0", "--intime.demo=false",
				"--intime.health.live=false", "--intime.data-dir=" + dataDir);
	}

	private static String jdbcUrl(ConfigurableApplicationContext context) throws java.sql.SQLException {
		// The DataSource bean is the SQL timer's proxy (DatabaseMetrics) around the pool.
		String url = context.getBean(DataSource.class).unwrap(HikariDataSource.class).getJdbcUrl();
		return url.substring(0, url.indexOf('?'));
	}

	private static void assertRefused(String url, String password) {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		if (password != null) {
			properties.setProperty("password", password);
		}
		assertThatThrownBy(() -> DriverManager.getConnection(url, properties).close())
			.as("a connection with password %s", password == null ? "(none)" : "'" + password + "'")
			.isInstanceOf(java.sql.SQLException.class)
			.hasMessageMatching("(?s).*(password authentication failed|no password was provided).*");
	}

	private static void assertConnects(String url, String password) throws Exception {
		try (var connection = DriverManager.getConnection(url, "postgres", password.strip())) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

}
