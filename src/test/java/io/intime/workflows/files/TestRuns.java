package io.intime.workflows.files;

import java.sql.Timestamp;

import io.intime.TestClock;
import io.intime.accounts.AccountFixtures;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Minimal workflow runs for the tests of files and e-signatures, written as rows: a
 * template of its own, one version, a COMPLETED run (so that the engine leaves it alone)
 * and its steps.
 */
public final class TestRuns {

	private TestRuns() {
	}

	/** A new completed run on the account. */
	public static long run(JdbcClient jdbc, long accountId) {
		Timestamp now = Timestamp.from(TestClock.now());
		long template = jdbc.sql("""
				insert into workflow_template (name, created_at, created_by, updated_at, updated_by)
				values (?, ?, 'test', ?, 'test') returning id""")
			.params(AccountFixtures.unique("Files template"), now, now)
			.query(Long.class)
			.single();
		long version = jdbc.sql("""
				insert into workflow_template_version (template_id, number, definition, created_at, created_by)
				values (?, 1, cast('{"roles": [], "steps": []}' as jsonb), ?, 'test') returning id""")
			.params(template, now)
			.query(Long.class)
			.single();
		return jdbc.sql("""
				insert into workflow_run (template_version_id, account_id, title, status, started_at, started_by,
				  completed_at, updated_at)
				values (?, ?, ?, 'COMPLETED', ?, 'test', ?, ?) returning id""")
			.params(version, accountId, AccountFixtures.unique("Run"), now, now, now)
			.query(Long.class)
			.single();
	}

	/** A new step of the run. */
	public static long step(JdbcClient jdbc, long runId, String key, int position) {
		return jdbc.sql("""
				insert into workflow_step (run_id, step_key, position, status) values (?, ?, ?, 'DONE') returning id""")
			.params(runId, key, position)
			.query(Long.class)
			.single();
	}

}
