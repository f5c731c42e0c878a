package io.intime.escalations;

import java.time.Duration;
import java.time.Instant;

import io.intime.shared.Stamp;

/**
 * An escalation as pages and the API show it.
 *
 * @param resolvedAt when it was resolved or closed, null while it is open
 * @param ownerId who owns it (took ownership, or the account's manager for P0 and P1), or
 * null
 * @param reporterId who raised it, or null
 * @param sla its clocks now, or null where a view does not need them
 */
public record EscalationView(long id, String key, long accountId, String accountName, String title, String description,
		Severity severity, EscalationStatus status, Instant raisedAt, Instant resolvedAt, Stamp stamp, Long ownerId,
		String ownerName, Long reporterId, String reporterName, EscalationCategory category, String impact,
		Long contactId, Long jobId, Long placementId, ResolutionCategory resolutionCategory, String rootCause,
		String postMortem, SlaState sla) {

	/** The record's core fields only. */
	public EscalationView(long id, String key, long accountId, String accountName, String title, String description,
			Severity severity, EscalationStatus status, Instant raisedAt, Instant resolvedAt, Stamp stamp) {
		this(id, key, accountId, accountName, title, description, severity, status, raisedAt, resolvedAt, stamp, null,
				null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** P0 and P1 need a post-mortem before they are closed. */
	public boolean needsPostMortem() {
		return severity == Severity.P0 || severity == Severity.P1;
	}

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

	/**
	 * Whether it is (or was) within its resolution SLA: its clock (pauses left out) when
	 * known, else the time since raising against the default policy.
	 */
	public boolean withinSla(Instant now) {
		if (sla != null) {
			return !sla.resolutionBreached();
		}
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
