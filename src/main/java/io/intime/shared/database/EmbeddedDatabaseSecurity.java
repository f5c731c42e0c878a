package io.intime.shared.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the kept embedded database to everyone without its password. The superuser's
 * password is generated on the first start and kept in
 * {@code <data folder>/postgres.password}, readable by its owner only;
 * {@code pg_hba.conf} asks every connection (socket, 127.0.0.1, ::1) for it with
 * {@code scram-sha-256}.
 * <p>
 * A data folder made before this existed (trusting every local connection, no password
 * file) is taken over on its first start: the password is set while trust still lets us
 * in, the file is written, then {@code pg_hba.conf} is rewritten and reloaded. Each step
 * can be interrupted and redone on the next start without locking the application out.
 */
final class EmbeddedDatabaseSecurity {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseSecurity.class);

	private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
	static final String PASSWORD_FILE = "postgres.password";
	static final String PG_HBA = """
			# Written by InTime Accounts: every connection needs the superuser's password
			# (see postgres.password beside this folder, readable by its owner only).
			# TYPE  DATABASE     USER  ADDRESS        METHOD
			local   all          all                  scram-sha-256
			host    all          all   127.0.0.1/32   scram-sha-256
			host    all          all   ::1/128        scram-sha-256
			local   replication  all                  scram-sha-256
			host    replication  all   127.0.0.1/32   scram-sha-256
			host    replication  all   ::1/128        scram-sha-256
			""";

	private final Path passwordFile;

	private final Path dataDirectory;

	private final boolean legacy;

	private String password;

	EmbeddedDatabaseSecurity(Path dataFolder, Path dataDirectory) throws IOException {
		this.passwordFile = dataFolder.resolve(PASSWORD_FILE);
		this.dataDirectory = dataDirectory;
		boolean initialized = Files.exists(dataDirectory.resolve("postgresql.conf"));
		if (Files.exists(passwordFile)) {
			ownerOnly(passwordFile);
			this.password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
			this.legacy = false;
		}
		else {
			this.password = generate();
			this.legacy = initialized;
			if (!initialized) {
				write(passwordFile, password);
			}
		}
	}

	String password() {
		return password;
	}

	/**
	 * A new folder is initialized with the password and scram-sha-256 (initdb's
	 * {@code --pwfile} and {@code --auth}, given after zonky's own {@code -A trust},
	 * win). Unless the folder is a legacy one, pg_hba.conf is (re)written before the
	 * server starts.
	 */
	void configure(EmbeddedPostgres.Builder builder) {
		builder.setLocaleConfig("auth", "scram-sha-256")
			.setLocaleConfig("pwfile", passwordFile.toString())
			.setConnectConfig("password", password);
		if (!legacy) {
			builder.setDataDirectoryCustomizer(
					directory -> writeUnchecked(directory.toPath().resolve("pg_hba.conf"), PG_HBA));
		}
	}

	/**
	 * Takes over a folder that trusted every local connection; does nothing for others.
	 */
	void closeLegacyFolder(EmbeddedPostgres postgres) throws IOException {
		if (!legacy) {
			return;
		}
		log.warn(
				"The embedded database in {} accepted every local connection without a password; "
						+ "setting a generated superuser password (kept in {}) and requiring it from now on",
				dataDirectory, passwordFile);
		Path pending = passwordFile.resolveSibling(PASSWORD_FILE + ".new");
		Files.deleteIfExists(pending);
		write(pending, password);
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			// The password is base64url: nothing to escape.
			statement.execute("alter role " + EmbeddedDatabaseConfiguration.SUPERUSER + " password '" + password + "'");
			Files.move(pending, passwordFile, StandardCopyOption.ATOMIC_MOVE);
			write(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not set the embedded database's superuser password", e);
		}
	}

	/** Makes a file or folder reachable by its owner only. */
	static void ownerOnly(Path path) throws IOException {
		Set<PosixFilePermission> wanted = Files.isDirectory(path) ? PosixFilePermissions.fromString("rwx------")
				: OWNER_READ_WRITE;
		if (!Files.getPosixFilePermissions(path).equals(wanted)) {
			Files.setPosixFilePermissions(path, wanted);
		}
	}

	private static String generate() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Creates the file readable by its owner only before any secret is written to it. */
	private static void write(Path file, String content) throws IOException {
		if (!Files.exists(file)) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
		}
		ownerOnly(file);
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private static void writeUnchecked(Path file, String content) {
		try {
			write(file, content);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not write " + file, e);
		}
	}

}
