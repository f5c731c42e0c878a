package io.intime.health.alerts;

/**
 * How urgently an alert asks for attention: HIGH today, MEDIUM this week, LOW when
 * convenient. A rule gives HIGH, MEDIUM or LOW by its figures; CRITICAL (first thing)
 * comes only from weighing that with the account ({@link AlertTriage}).
 */
public enum AlertSeverity {

	CRITICAL, HIGH, MEDIUM, LOW

}
