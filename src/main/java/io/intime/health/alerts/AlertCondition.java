package io.intime.health.alerts;

/**
 * A rule that holds for an account now: what an open alert says.
 *
 * @param reason one sentence with the figures, e.g. "Invoice INV-2024-0847 is 45 days
 * overdue"
 * @param evidenceHref the page that shows the facts behind it
 */
public record AlertCondition(AlertRule rule, AlertSeverity severity, String reason, String evidenceHref) {
}
