package io.intime.escalations;

import java.time.Duration;
import java.time.Instant;

import io.intime.shared.Stamp;

/**
 * An escalation as pages and the API show it.
 *
 * @param resolvedAt when it was resolved or closed, null while it is open
 */
public record EscalationView(long id, String key, long accountId, String accountName, String title, String description,
		Severity severity, EscalationStatus status, Instant raisedAt, Instant resolvedAt, Stamp stamp) {

	public boolean open() {
		return !status.ended();
	}

	/** How long it has been open (until now) or took to resolve. */
	public Duration duration(Instant now) {
		return Duration.between(raisedAt, resolvedAt != null ? resolvedAt : now);
	}

	/** {@link #duration} as a person reads it: "3 d 4 h". */
	public String durationText(Instant now) {
		return text(duration(now));
	}

	/** Whether it is (or was) within its severity's resolution SLA. */
	public boolean withinSla(Instant now) {
		return duration(now).compareTo(severity.resolutionSla()) <= 0;
	}

	/** "3 d 4 h", "5 h 20 min", "12 min". */
	public static String text(Duration duration) {
		long minutes = Math.max(0, duration.toMinutes());
		long days = minutes / (24 * 60);
		long hours = (minutes / 60) % 24;
		if (days > 0) {
			return days + " d" + (hours > 0 ? " " + hours + " h" : "");
		}
		if (minutes >= 60) {
			return hours + " h" + (minutes % 60 > 0 ? " " + minutes % 60 + " min" : "");
		}
		return minutes + " min";
	}
}
