package io.intime.shared.database;

import java.nio.file.Path;

/**
 * Thrown when the embedded PostgreSQL's major version differs from the one that made the
 * data folder ({@code PG_VERSION}); nothing has been changed then.
 */
class EmbeddedDatabaseVersionException extends RuntimeException {

	private final Path dataFolder;

	private final String folderVersion;

	private final String embeddedVersion;

	EmbeddedDatabaseVersionException(Path dataFolder, String folderVersion, String embeddedVersion) {
		super("The embedded database in " + dataFolder + " was made by PostgreSQL " + folderVersion
				+ "; this release embeds PostgreSQL " + embeddedVersion + ", which cannot open it.");
		this.dataFolder = dataFolder;
		this.folderVersion = folderVersion;
		this.embeddedVersion = embeddedVersion;
	}

	Path dataFolder() {
		return dataFolder;
	}

	String folderVersion() {
		return folderVersion;
	}

	String embeddedVersion() {
		return embeddedVersion;
	}

}
