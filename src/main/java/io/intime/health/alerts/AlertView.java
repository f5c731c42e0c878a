package io.intime.health.alerts;

import java.time.Instant;
import java.util.List;

import io.intime.accounts.HealthBand;
import io.intime.shared.Money;

/**
 * An alert as pages and the API show it.
 *
 * @param severity what its rule gives by its figures (HIGH, MEDIUM or LOW)
 * @param priority its severity for triage: the rule's weighed with the account
 * ({@link AlertTriage}); CRITICAL, HIGH, MEDIUM or LOW
 * @param resolution {@code USER} when a person resolved it, {@code CLEARED} when its
 * condition no longer held, null while it is not resolved
 * @param healthScore the account's current health score, null when not scored (then also
 * {@code healthBand})
 * @param arr the account's ARR in its billing currency
 */
public record AlertView(long id, long accountId, String accountName, AlertRule rule, String ruleLabel,
		AlertSeverity severity, AlertSeverity priority, String reason, String evidenceHref, AlertStatus status,
		List<Long> recipientIds, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
		String resolvedBy, String resolution, long version, boolean strategic, Integer healthScore,
		HealthBand healthBand, Money arr) {
}
