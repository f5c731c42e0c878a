package io.intime.shared.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.intime.InTimeApplication;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oldest supported external PostgreSQL (15, Debian's {@code postgresql-15}, which
 * {@code .ci/run} installs) under the {@code prod} profile, with an upgrade: the test
 * starts its own PostgreSQL 15 server in a temporary folder, builds the previous
 * release's schema (Flyway up to version {@value #PREVIOUS_RELEASE}) with a user, an
 * account, a contract and an invoice in it, then starts the application, which migrates
 * it, reports readiness UP, reads the rows (JPA and the API) and stops cleanly.
 */
class ExternalPostgresIntegrationTest {

	static final Path POSTGRES_15 = Path.of("/usr/lib/postgresql/15/bin");

	/** The last migration of the previous release. */
	static final String PREVIOUS_RELEASE = "28";

	static final String USER = "intime";

	static final String PASSWORD = "intime-test-password";

	@Test
	void theProdProfileMigratesThePreviousReleasesDatabaseOnPostgresql15AndReportsReady() throws Exception {
		assertThat(POSTGRES_15.resolve("initdb"))
			.as("PostgreSQL 15's server binaries are missing in %s: install Debian's postgresql-15 (apt-get install postgresql-15; .ci/run does)",
					POSTGRES_15)
			.isExecutable();
		try (Postgres15 server = Postgres15.start()) {
			String url = server.url(USER);
			Flyway.configure()
				.dataSource(url, USER, PASSWORD)
				.locations("classpath:db/migration")
				.target(PREVIOUS_RELEASE)
				.load()
				.migrate();
			JdbcClient previous = JdbcClient.create(new DriverManagerDataSource(url, USER, PASSWORD));
			String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("upgrade-password-1");
			long userId = previous.sql("""
					insert into app_user (username, full_name, email, role, password_hash, time_zone)
					values ('ops.admin', 'Ops Admin', 'ops@firm.example', 'ADMIN', :hash, 'UTC') returning id""")
				.param("hash", hash)
				.query(Long.class)
				.single();
			long accountId = previous.sql("""
					insert into account (account_key, name, time_zone, status, tier, billing_currency, owner_id)
					values ('UPG-1', 'Upgrade Industries', 'UTC', 'ACTIVE', 'GROWTH', 'USD', :owner) returning id""")
				.param("owner", userId)
				.query(Long.class)
				.single();
			previous
				.sql("""
						insert into contract (account_id, type, contract_number, start_date, end_date, status, payment_terms, currency)
						values (:account, 'MSA', 'UPG-C-1', date '2026-01-01', date '2026-12-31', 'ACTIVE', 'Net 30', 'USD')""")
				.param("account", accountId)
				.update();
			previous.sql("""
					insert into invoice (account_id, invoice_number, issue_date, due_date, amount, currency, status)
					values (:account, 'UPG-INV-1', date '2026-10-01', date '2026-10-31', 4200.00, 'USD', 'OPEN')""")
				.param("account", accountId)
				.update();

			try (ConfigurableApplicationContext application = new SpringApplicationBuilder(InTimeApplication.class)
				.profiles("prod")
				.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + USER,
						"--spring.datasource.password=" + PASSWORD)) {
				assertThat(Flyway.configure()
					.dataSource(url, USER, PASSWORD)
					.locations("classpath:db/migration")
					.load()
					.info()
					.pending()).as("every migration applied").isEmpty();
				JdbcClient jdbc = application.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select max(version::int) from flyway_schema_history where success")
					.query(Integer.class)
					.single()).isGreaterThanOrEqualTo(Integer.parseInt(PREVIOUS_RELEASE));
				assertThat(jdbc.sql("show server_version_num").query(String.class).single()).startsWith("15");

				CurrentUser admin = new CurrentUser(userId, "ops.admin", "Ops Admin", Role.ADMIN, ZoneId.of("UTC"));
				AccountDetails account = application.getBean(AccountManagement.class).get(accountId, admin);
				assertThat(account.name()).isEqualTo("Upgrade Industries");
				assertThat(account.key()).isEqualTo("UPG-1");
				assertThat(jdbc.sql("select contract_number from contract where account_id = :a")
					.param("a", accountId)
					.query(String.class)
					.single()).isEqualTo("UPG-C-1");
				assertThat(jdbc.sql("select amount::text from invoice where account_id = :a")
					.param("a", accountId)
					.query(String.class)
					.single()).isEqualTo("4200.00");

				int port = ((WebServerApplicationContext) application).getWebServer().getPort();
				HttpClient http = HttpClient.newHttpClient();
				HttpResponse<String> readiness = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(readiness.statusCode()).isEqualTo(200);
				assertThat(readiness.body()).contains("\"UP\"");
				HttpResponse<String> read = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/accounts/" + accountId))
							.header("Authorization", "Basic " + Base64.getEncoder()
								.encodeToString("ops.admin:upgrade-password-1".getBytes(StandardCharsets.UTF_8)))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
				assertThat(read.body()).contains("Upgrade Industries");
			}
		}
	}

	/**
	 * A PostgreSQL 15 server of its own in a temporary folder on a free port; run as the
	 * {@code postgres} system user when the test runs as root (PostgreSQL refuses root).
	 */
	record Postgres15(Path folder, int port) implements AutoCloseable {

		static Postgres15 start() throws Exception {
			Path folder = Files.createTempDirectory("intime-pg15-");
			boolean root = "root".equals(System.getProperty("user.name"));
			if (root) {
				UserPrincipal postgres = folder.getFileSystem()
					.getUserPrincipalLookupService()
					.lookupPrincipalByName("postgres");
				Files.setOwner(folder, postgres);
			}
			Path passwordFile = folder.resolve("password");
			Files.writeString(passwordFile, "superuser-password\n");
			if (root) {
				Files.setOwner(passwordFile, Files.getOwner(folder));
			}
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Postgres15 server = new Postgres15(folder, port);
			server.run(POSTGRES_15.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U",
					"postgres", "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C");
			server.run(POSTGRES_15.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-l",
					folder.resolve("server.log").toString(), "-w", "-t", "60", "-o",
					"-p " + port + " -c listen_addresses=127.0.0.1 -k " + folder, "start");
			JdbcClient superuser = JdbcClient
				.create(new DriverManagerDataSource(server.url("postgres"), "postgres", "superuser-password"));
			superuser.sql("create role " + USER + " login password '" + PASSWORD + "'").update();
			superuser.sql("create database " + USER + " owner " + USER).update();
			return server;
		}

		String url(String database) {
			return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
		}

		@Override
		public void close() throws Exception {
			try {
				run(POSTGRES_15.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "fast",
						"-w", "stop");
			}
			finally {
				try (Stream<Path> files = Files.walk(folder)) {
					files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
				}
			}
		}

		private void run(String... command) throws IOException, InterruptedException {
			List<String> line = new ArrayList<>();
			if ("root".equals(System.getProperty("user.name"))) {
				line.addAll(List.of("runuser", "-u", "postgres", "--"));
			}
			line.addAll(List.of(command));
			Process process = new ProcessBuilder(line).redirectErrorStream(true)
				.redirectOutput(folder.resolve("command.log").toFile())
				.start();
			assertThat(process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("%s:%n%s", line, Files.readString(folder.resolve("command.log")))
				.isZero();
		}

	}

}
