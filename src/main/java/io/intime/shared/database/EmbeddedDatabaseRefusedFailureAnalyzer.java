package io.intime.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused production start into a message that says what to do. */
class EmbeddedDatabaseRefusedFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseRefusedException cause) {
		return new FailureAnalysis(
				"InTime Accounts was started with the 'prod' profile but no external database is configured, "
						+ "and production never falls back to the embedded PostgreSQL.",
				"Set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://db.example.com:5432/intime), "
						+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, or start without the 'prod' profile "
						+ "to use the embedded database.",
				cause);
	}

}
