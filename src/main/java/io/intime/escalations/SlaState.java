package io.intime.escalations;

import java.time.Duration;
import java.time.Instant;

/**
 * An escalation's two SLA clocks at an instant, as {@link SlaClock} computed them from
 * its history.
 *
 * @param responseDue when the first response is due
 * @param respondedAt when it came, or null
 * @param responseWarnAt when the response clock is near breach (the policy's share used)
 * @param resolutionTarget the severity's resolution time (counted time)
 * @param resolutionUsed counted time so far, not counting pauses
 * @param resolutionDue when it is due while the clock runs, or when it was breached; null
 * while paused (or ended) within the target
 * @param resolutionWarnAt likewise for the near-breach share
 * @param running whether the resolution clock runs (open or in progress)
 * @param ended whether it is resolved or closed
 * @param businessHours whether the clocks count business hours only
 * @param at the instant computed for
 */
public record SlaState(Severity severity, Duration responseTarget, Instant responseDue, Instant respondedAt,
		Instant responseWarnAt, Duration resolutionTarget, Duration resolutionUsed, Instant resolutionDue,
		Instant resolutionWarnAt, boolean running, boolean ended, boolean businessHours, Instant at) {

	/**
	 * Answered on time (true), late (false), or not yet answered and not yet due (null).
	 */
	public Boolean responseMet() {
		if (respondedAt != null) {
			return !respondedAt.isAfter(responseDue);
		}
		return at.isAfter(responseDue) ? Boolean.FALSE : null;
	}

	public boolean responseBreached() {
		return Boolean.FALSE.equals(responseMet());
	}

	/** The time used is beyond the target. */
	public boolean resolutionBreached() {
		return resolutionUsed.compareTo(resolutionTarget) > 0;
	}

	/** Resolved within the target (true), beyond it (false), or not resolved (null). */
	public Boolean resolutionMet() {
		return ended ? !resolutionBreached() : null;
	}

	/** Counted time left to resolve; negative when breached. */
	public Duration resolutionLeft() {
		return resolutionTarget.minus(resolutionUsed);
	}

	/** Share of the resolution target used, in percent (may exceed 100). */
	public int resolutionPercent() {
		return (int) Math.min(999, resolutionUsed.toMinutes() * 100 / Math.max(1, resolutionTarget.toMinutes()));
	}

	public boolean paused() {
		return !running && !ended;
	}

	public boolean awaitingResponse() {
		return respondedAt == null && !ended;
	}

}
