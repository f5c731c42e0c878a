package io.intime.escalations;

import java.time.Instant;

/**
 * An entry of an escalation's history that its clocks read: from {@code at} on, its
 * status (or null when unchanged) and its severity (or null when unchanged);
 * {@code response} marks the first response to the client.
 */
record ClockEvent(Instant at, EscalationStatus status, Severity severity, boolean response) {
}
