package io.intime.notifications;

/**
 * How loud a notice is. {@code URGENT} (P0 and P1 escalations) always reaches email and
 * chat whatever the recipient's preferences and quiet hours; {@code LOW} ones go into the
 * daily digest of a recipient who asked for one.
 */
public enum NotificationSeverity {

	URGENT, HIGH, NORMAL, LOW

}
