package io.intime.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says how to move a data folder made by another PostgreSQL major version: dump it with
 * the release that made it running, restore the dump with this one.
 */
class EmbeddedDatabaseVersionFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseVersionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseVersionException cause) {
		String folder = cause.dataFolder().toString();
		String old = cause.folderVersion();
		String dump = "intime-pg" + old + ".dump";
		return new FailureAnalysis(
				cause.getMessage() + " PostgreSQL's data files change between major versions. Nothing was changed in "
						+ folder + ".",
				String.format(
						"""
								Move the data to PostgreSQL %2$s with a dump and a restore:
								  1. Start the release of InTime Accounts that made this folder (it embeds PostgreSQL %1$s) on it:
								       java -jar <that release>.jar --intime.data-dir=%3$s
								  2. While it runs, write a dump with this release's bin/backup:
								       bin/backup --data-dir %3$s %4$s
								  3. Stop it, and move the old folder aside (keep it until you have checked the restore):
								       mv %3$s %3$s-pg%1$s
								  4. Start this release with the dump; it makes a new PostgreSQL %2$s folder, restores the data into it and migrates it:
								       bin/restore %4$s --intime.data-dir=%3$s
								     (the same as starting with --intime.restore-from=%4$s)""",
						old, cause.embeddedVersion(), folder, dump),
				cause);
	}

}
