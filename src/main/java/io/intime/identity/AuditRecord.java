package io.intime.identity;

import java.time.Instant;

/** One entry of the audit trail: who did what to which record, and when. */
public record AuditRecord(long id, Instant occurredAt, Long actorId, String actorName, String entityType, Long entityId,
		String action, String field, String oldValue, String newValue, String detail) {
}
