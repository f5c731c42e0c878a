package io.intime.workflows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountTimelineSource;
import io.intime.identity.CurrentUser;
import io.intime.shared.TimelineEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workflows on the account timeline: a run started, and finished (or cancelled) with its
 * outcome; only the runs the reader may see ({@link RunRules}: none for recruiters, no
 * billing disputes for legal).
 */
@Component
class WorkflowTimeline implements AccountTimelineSource {

	private final JdbcClient jdbc;

	WorkflowTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(AccountDetails account, CurrentUser reader, Instant since, int limit) {
		if (!RunRules.mayRead(reader, null)) {
			return List.of();
		}
		boolean invoices = RunRules.mayRead(reader, 1L);
		return jdbc.sql("""
				select r.id, r.title, r.status, r.outcome, e.at, e.kind from workflow_event e
				join workflow_run r on r.id = e.run_id
				where r.account_id = :account and e.kind in ('STARTED', 'COMPLETED', 'CANCELLED') and e.at >= :since
				  and (:invoices or r.invoice_id is null)
				order by e.at desc, e.id desc limit :limit""")
			.param("account", account.id())
			.param("since", Timestamp.from(since))
			.param("invoices", invoices)
			.param("limit", limit)
			.query((rs, i) -> {
				String kind = rs.getString("kind");
				String title = rs.getString("title");
				String outcome = rs.getString("outcome");
				return switch (kind) {
					case "STARTED" -> new TimelineEntry(rs.getTimestamp("at").toInstant(), "workflow",
							"Workflow started: " + title, null, "/workflows/runs/" + rs.getLong("id"), "neutral");
					case "COMPLETED" -> new TimelineEntry(rs.getTimestamp("at").toInstant(), "workflow.done",
							"Workflow completed: " + title, outcome, "/workflows/runs/" + rs.getLong("id"), "positive");
					default -> new TimelineEntry(rs.getTimestamp("at").toInstant(), "workflow.cancelled",
							"Workflow cancelled: " + title, outcome, "/workflows/runs/" + rs.getLong("id"), "neutral");
				};
			})
			.list();
	}

}
