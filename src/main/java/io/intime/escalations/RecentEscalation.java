package io.intime.escalations;

import java.time.Instant;

/** An escalation as a feed of recent client activity lists it. */
public record RecentEscalation(long id, String key, long accountId, String title, Severity severity,
		EscalationStatus status, Instant raisedAt) {
}
