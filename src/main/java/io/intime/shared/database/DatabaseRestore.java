package io.intime.shared.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Flyway migrates on every start. With {@code intime.restore-from=<dump>} (what
 * {@code bin/restore} sets) the start first restores a dump of {@link DatabaseDump} into
 * the database, which must be empty (a fresh data folder, or an empty external database):
 * the schema is built up to the dump's version, the rows are copied in, and the later
 * migrations run as on any upgrade. A database that already has a schema is never
 * overwritten: the start fails instead.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRestore {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);

	@Bean
	FlywayMigrationStrategy migrateOrRestore(Environment environment) {
		return flyway -> {
			String from = environment.getProperty("intime.restore-from");
			if (from != null && !from.isBlank()) {
				restore(flyway, Path.of(from));
			}
			flyway.migrate();
		};
	}

	private static void restore(Flyway flyway, Path dump) {
		try {
			String version;
			try (InputStream in = Files.newInputStream(dump)) {
				version = DatabaseDump.version(in);
			}
			if (flyway.info().applied().length > 0) {
				throw new IllegalStateException("intime.restore-from=" + dump
						+ " restores into an empty database only, and this one has a schema already. "
						+ "Start on a new data folder (intime.data-dir) or an empty database, "
						+ "or start without intime.restore-from.");
			}
			log.warn("Restoring {} (schema version {}) into the empty database", dump, version);
			Flyway.configure().configuration(flyway.getConfiguration()).target(version).load().migrate();
			try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
					InputStream in = Files.newInputStream(dump)) {
				DatabaseDump.restore(connection, in);
			}
			log.warn("Restored {}", dump);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the dump " + dump, e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not restore the dump " + dump, e);
		}
	}

}
