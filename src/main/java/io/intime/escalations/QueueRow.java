package io.intime.escalations;

import java.time.Duration;
import java.time.Instant;

/**
 * One escalation of the queue with its clocks as of the page's now.
 *
 * @param sla its clocks (null only if its history is missing)
 */
public record QueueRow(long id, String key, long accountId, String accountName, String title, Severity severity,
		EscalationStatus status, Long ownerId, String ownerName, Instant raisedAt, SlaState sla) {

	/**
	 * Wall-clock time to the response's due time (negative when late); null once
	 * answered.
	 */
	public Duration responseLeft() {
		if (sla == null || !sla.awaitingResponse()) {
			return null;
		}
		return Duration.between(sla.at(), sla.responseDue());
	}

	/**
	 * Time to the resolution's due time (negative when breached): wall-clock while the
	 * clock runs, the counted time left while paused.
	 */
	public Duration resolutionLeft() {
		if (sla == null || sla.ended()) {
			return null;
		}
		if (sla.running() && sla.resolutionDue() != null && !sla.resolutionBreached()) {
			return Duration.between(sla.at(), sla.resolutionDue());
		}
		return sla.resolutionLeft();
	}

	/** "2 h 10 min left", "late by 3 h", "paused · 5 h left". */
	public static String leftText(Duration left) {
		if (left == null) {
			return "";
		}
		return left.isNegative() ? "late by " + EscalationView.text(left.negated())
				: EscalationView.text(left) + " left";
	}

	/**
	 * The response clock as the queue shows it: "answered", "2 h left", "late by 1 h".
	 */
	public String responseText() {
		if (sla == null) {
			return "";
		}
		if (sla.respondedAt() != null) {
			return Boolean.TRUE.equals(sla.responseMet()) ? "answered in time" : "answered late";
		}
		return leftText(responseLeft());
	}

	/**
	 * The resolution clock as the queue shows it, with "paused" while waiting on the
	 * client.
	 */
	public String resolutionText() {
		if (sla == null) {
			return "";
		}
		if (sla.ended()) {
			return Boolean.TRUE.equals(sla.resolutionMet()) ? "within SLA" : "outside SLA";
		}
		return (sla.paused() ? "paused · " : "") + leftText(resolutionLeft());
	}

	/** Near breach: most of a running clock is used. */
	public boolean urgent(int warnPercent) {
		if (sla == null || sla.ended()) {
			return false;
		}
		return sla.responseBreached() || sla.resolutionBreached() || sla.resolutionPercent() >= warnPercent
				|| sla.awaitingResponse() && !sla.at().isBefore(sla.responseWarnAt());
	}

	public boolean breached() {
		return sla != null && !sla.ended() && (sla.responseBreached() || sla.resolutionBreached());
	}

}
