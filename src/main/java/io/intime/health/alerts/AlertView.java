package io.intime.health.alerts;

import java.time.Instant;
import java.util.List;

/**
 * An alert as pages and the API show it.
 *
 * @param resolution {@code USER} when a person resolved it, {@code CLEARED} when its
 * condition no longer held, null while it is not resolved
 */
public record AlertView(long id, long accountId, String accountName, AlertRule rule, String ruleLabel,
		AlertSeverity severity, String reason, String evidenceHref, AlertStatus status, List<Long> recipientIds,
		Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
		String resolution, long version) {
}
