package io.intime.escalations;

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
 * Escalations on the account timeline, at the time they were raised: "Escalation
 * ESC-2026-0012 – Poor candidate quality (Resolved)"; negative while open.
 */
@Component
class EscalationTimeline implements AccountTimelineSource {

	private final JdbcClient jdbc;

	EscalationTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(AccountDetails account, CurrentUser reader, Instant since, int limit) {
		long accountId = account.id();
		return jdbc.sql("""
				select id, escalation_key, title, severity, status, raised_at, resolved_at from escalation
				where account_id = :account and raised_at >= :since
				order by raised_at desc, id desc limit :limit""")
			.param("account", accountId)
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, i) -> entry(accountId, rs.getLong("id"), rs.getString("escalation_key"), rs.getString("title"),
					Severity.valueOf(rs.getString("severity")), EscalationStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("raised_at").toInstant()))
			.list();
	}

	static TimelineEntry entry(long accountId, long id, String key, String title, Severity severity,
			EscalationStatus status, Instant raisedAt) {
		return new TimelineEntry(raisedAt, "escalation",
				"Escalation " + key + " – " + title + " (" + status.label() + ")",
				severity.name() + " – " + severity.label(), "/accounts/" + accountId + "/escalations#escalation-" + id,
				status.ended() ? "neutral" : "negative");
	}

}
