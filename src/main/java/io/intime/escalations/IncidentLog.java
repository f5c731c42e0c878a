package io.intime.escalations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The incident log of escalations: every update, appended and never changed. Its status
 * and severity entries are the history the SLA clocks are computed from.
 */
@Component
class IncidentLog {

	private final JdbcClient jdbc;

	IncidentLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Appends an entry by a person (null id and "system" for the system); returns it. */
	IncidentLogEntry append(long escalationId, Instant at, LogEntry entry, EscalationStatus status, Severity severity,
			String text, Long actorId, String actorName) {
		long id = jdbc.sql("""
				insert into escalation_log (escalation_id, at, entry, status, severity, text, actor_id, actor_name)
				values (:e, :at, :entry, :status, :severity, :text, :actorId, :actorName) returning id""")
			.param("e", escalationId)
			.param("at", Timestamp.from(at))
			.param("entry", entry.name())
			.param("status", status == null ? null : status.name())
			.param("severity", severity == null ? null : severity.name())
			.param("text", text)
			.param("actorId", actorId)
			.param("actorName", actorName)
			.query(Long.class)
			.single();
		return new IncidentLogEntry(id, at, entry, status, severity, text, actorName);
	}

	/** The escalation's log, oldest first. */
	List<IncidentLogEntry> of(long escalationId) {
		return jdbc.sql("""
				select id, at, entry, status, severity, text, actor_name from escalation_log
				 where escalation_id = :e order by at, id""")
			.param("e", escalationId)
			.query((rs, n) -> new IncidentLogEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					LogEntry.valueOf(rs.getString(3)),
					rs.getString(4) == null ? null : EscalationStatus.valueOf(rs.getString(4)),
					rs.getString(5) == null ? null : Severity.valueOf(rs.getString(5)), rs.getString(6),
					rs.getString(7)))
			.list();
	}

	/** The clock-relevant history of each escalation, in one statement. */
	Map<Long, List<ClockEvent>> clockEvents(Collection<Long> escalationIds) {
		Map<Long, List<ClockEvent>> events = new HashMap<>();
		if (escalationIds.isEmpty()) {
			return events;
		}
		jdbc.sql("""
				select escalation_id, at, entry, status, severity from escalation_log
				 where escalation_id = any(:ids) and entry in ('RAISED', 'STATUS', 'SEVERITY', 'RESPONSE')
				 order by escalation_id, at, id""")
			.param("ids", new SqlArrayValue("bigint", escalationIds.toArray()))
			.query(rs -> {
				events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new ClockEvent(rs.getTimestamp(2).toInstant(),
							rs.getString(4) == null ? null : EscalationStatus.valueOf(rs.getString(4)),
							rs.getString(5) == null ? null : Severity.valueOf(rs.getString(5)),
							"RESPONSE".equals(rs.getString(3))));
			});
		return events;
	}

}
