package io.intime.escalations;

import java.time.Instant;

/**
 * One entry of an escalation's incident log.
 *
 * @param status the status from then on, for RAISED and STATUS entries
 * @param severity the severity from then on, for RAISED and SEVERITY entries
 */
public record IncidentLogEntry(long id, Instant at, LogEntry entry, EscalationStatus status, Severity severity,
		String text, String actorName) {
}
