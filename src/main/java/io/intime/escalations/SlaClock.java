package io.intime.escalations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes an escalation's SLA clocks from its own history, so that computing them again
 * from scratch always gives the same due times.
 * <ul>
 * <li>The response clock runs from raising to the first response (taking it on, or any
 * move out of OPEN).</li>
 * <li>The resolution clock runs while the escalation is OPEN or IN_PROGRESS; waiting on
 * the client pauses it, and so do RESOLVED and CLOSED (a reopened escalation goes on from
 * the time it had used).</li>
 * <li>Both count the way the current severity's target says (round the clock or business
 * hours). A change of severity applies the new severity's targets to the whole history
 * since raising, as if it had had that severity from the start (as Zendesk and Jira
 * Service Management do): paused time stays paused, only the target moves.</li>
 * </ul>
 */
final class SlaClock {

	private SlaClock() {
	}

	/**
	 * @param raisedAt when the escalation was raised
	 * @param events its history in order (the first is its raising, with status OPEN and
	 * its severity)
	 * @param policy the policy in force when it was raised
	 * @param counter how its current severity's clocks count
	 * @param now the instant to compute for
	 */
	static SlaState compute(Instant raisedAt, List<ClockEvent> events, SlaPolicy policy, SlaCounter counter,
			Instant now) {
		Severity severity = null;
		Instant respondedAt = null;
		EscalationStatus status = EscalationStatus.OPEN;
		// the resolution clock's running intervals: start, end (null while it runs)
		List<Instant[]> running = new ArrayList<>();
		Instant runningSince = raisedAt;
		// every entry counts, also one a microsecond "after" now (the database rounds
		// instants)
		for (ClockEvent e : events) {
			if (e.severity() != null) {
				severity = e.severity();
			}
			if (respondedAt == null && (e.response() || e.status() != null && e.status() != EscalationStatus.OPEN)) {
				respondedAt = e.at().isBefore(raisedAt) ? raisedAt : e.at();
			}
			if (e.status() != null && e.status() != status) {
				boolean wasRunning = runs(status);
				boolean nowRunning = runs(e.status());
				Instant at = e.at().isBefore(raisedAt) ? raisedAt : e.at();
				if (wasRunning && !nowRunning) {
					running.add(new Instant[] { runningSince, at });
				}
				else if (!wasRunning && nowRunning) {
					runningSince = at;
				}
				status = e.status();
			}
		}
		if (severity == null) {
			throw new IllegalArgumentException("an escalation's history starts with its severity");
		}
		boolean isRunning = runs(status);
		SlaPolicy.Target target = policy.target(severity);
		Duration responseTarget = target.response();
		Instant responseDue = counter.plus(raisedAt, responseTarget);
		Instant responseWarn = counter.plus(raisedAt, share(responseTarget, policy.warnPercent()));

		Duration resolutionTarget = target.resolution();
		Duration used = Duration.ZERO;
		Instant due = null;
		Instant warn = null;
		Duration warnAmount = share(resolutionTarget, policy.warnPercent());
		for (Instant[] interval : running) {
			Duration length = counter.between(interval[0], interval[1]);
			warn = warn != null ? warn : crossing(counter, interval[0], used, length, warnAmount);
			due = due != null ? due : crossing(counter, interval[0], used, length, resolutionTarget);
			used = used.plus(length);
		}
		if (isRunning) {
			Duration sinceResumed = counter.between(runningSince, now);
			if (warn == null) {
				warn = counter.plus(runningSince, warnAmount.minus(used));
			}
			if (due == null) {
				due = counter.plus(runningSince, resolutionTarget.minus(used));
			}
			used = used.plus(sinceResumed);
		}
		return new SlaState(severity, responseTarget, responseDue, respondedAt, responseWarn, resolutionTarget, used,
				due, warn, isRunning, status.ended(), target.businessHours(), now);
	}

	/**
	 * The instant within an interval at which the counted time reaches {@code amount}, or
	 * null when it does not within it.
	 */
	private static Instant crossing(SlaCounter counter, Instant start, Duration usedBefore, Duration length,
			Duration amount) {
		Duration needed = amount.minus(usedBefore);
		if (needed.isNegative() || needed.compareTo(length) > 0) {
			return null;
		}
		return counter.plus(start, needed);
	}

	private static boolean runs(EscalationStatus status) {
		return status == EscalationStatus.OPEN || status == EscalationStatus.IN_PROGRESS;
	}

	static Duration share(Duration target, int percent) {
		return Duration.ofSeconds(target.getSeconds() * percent / 100);
	}

}
