package io.intime.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.intime.InTimeApplication;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContractStatus;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
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
 * Backups of the embedded database ({@code bin/backup}, {@code bin/restore}): a dump
 * written while the application runs restores into a new data folder with every row; a
 * data folder of another PostgreSQL major version is refused with the way out.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseBackupIntegrationTest {

	@Test
	void aDumpWrittenWhileTheApplicationRunsRestoresIntoANewDataFolder(@TempDir Path folder) throws Exception {
		Path running = folder.resolve("running");
		Path restored = folder.resolve("restored");
		Path dump = folder.resolve("intime.dump");
		Map<String, Long> rows;
		AccountDetails account;
		CurrentUser owner;
		try (ConfigurableApplicationContext application = start(running)) {
			AccountFixtures fixtures = new AccountFixtures(application);
			owner = fixtures.user(Role.ACCOUNT_MANAGER);
			account = fixtures.account(owner);
			fixtures.contact(account);
			fixtures.contract(account, ContractStatus.ACTIVE, "USD", "120000.00");

			String version = DatabaseDump.dumpEmbedded(running, dump);

			assertThat(version).isEqualTo(application.getBean(JdbcClient.class)
				.sql("select max(version::int)::text from flyway_schema_history where success")
				.query(String.class)
				.single());
			rows = rowCounts(application);
			assertThat(rows.get("account")).isEqualTo(1);
			assertThat(rows.get("contract")).isEqualTo(1);
		}
		assertThat(Files.getPosixFilePermissions(dump)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

		try (ConfigurableApplicationContext application = start(restored, "--intime.restore-from=" + dump)) {
			assertThat(rowCounts(application)).isEqualTo(rows);
			AccountFixtures fixtures = new AccountFixtures(application);
			AccountDetails read = fixtures.reload(account);
			assertThat(read.name()).isEqualTo(account.name());
			assertThat(read.key()).isEqualTo(account.key());
			assertThat(read.ownerId()).isEqualTo(owner.id());
			// The sequences go on from the restored rows.
			assertThat(fixtures.account(owner).id()).isGreaterThan(account.id());
		}
		assertThatThrownBy(() -> start(restored, "--intime.restore-from=" + dump).close())
			.hasStackTraceContaining("restores into an empty database only");
	}

	@Test
	void aDataFolderOfAnotherPostgresqlMajorVersionIsRefusedWithHowToDumpAndRestore(@TempDir Path dataDir,
			CapturedOutput output) throws Exception {
		Files.createDirectories(dataDir.resolve("postgres"));
		Files.writeString(dataDir.resolve("postgres").resolve("PG_VERSION"), "17\n");
		String embedded = EmbeddedDatabaseConfiguration.embeddedMajorVersion();
		assertThat(embedded).isEqualTo("18");

		assertThatThrownBy(() -> start(dataDir).close()).hasRootCauseInstanceOf(EmbeddedDatabaseVersionException.class);

		assertThat(output.getOut() + output.getErr())
			.contains("was made by PostgreSQL 17; this release embeds PostgreSQL 18")
			.contains("bin/backup --data-dir " + dataDir.toAbsolutePath() + " intime-pg17.dump")
			.contains("bin/restore intime-pg17.dump --intime.data-dir=" + dataDir.toAbsolutePath());
		assertThat(Files.readString(dataDir.resolve("postgres").resolve("PG_VERSION"))).isEqualTo("17\n");
		assertThat(Files.list(dataDir.resolve("postgres"))).hasSize(1);
	}

	private static Map<String, Long> rowCounts(ConfigurableApplicationContext application) throws Exception {
		JdbcClient jdbc = application.getBean(JdbcClient.class);
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Connection connection = application.getBean(DataSource.class).getConnection()) {
			for (String table : DatabaseDump.tablesInForeignKeyOrder(connection)) {
				counts.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single());
			}
		}
		return counts;
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... more) {
		String[] args = { "--server.port=0", "--intime.demo=false", "--intime.health.live=false",
				"--intime.data-dir=" + dataDir };
		String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(InTimeApplication.class).run(all);
	}

}
