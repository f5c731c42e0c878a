package io.intime.health.alerts;

/**
 * How urgently an alert asks for attention: HIGH today, MEDIUM this week, LOW when
 * convenient.
 */
public enum AlertSeverity {

	HIGH, MEDIUM, LOW

}
