package io.intime.escalations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Computes escalations' clocks ({@link SlaClock}) from their incident log and keeps the
 * results on the escalation for the queue, the health score and the scan: after every
 * change and at every scan. The kept values are derived: recomputing them from the log
 * gives the same.
 */
@Component
class EscalationClocks {

	/** The thresholds a clock crosses, in order: what the scan notifies. */
	enum Threshold {

		RESPONSE_WARNING, RESPONSE_BREACH, RESOLUTION_WARNING, RESOLUTION_BREACH;

		boolean breach() {
			return this == RESPONSE_BREACH || this == RESOLUTION_BREACH;
		}

		boolean response() {
			return this == RESPONSE_WARNING || this == RESPONSE_BREACH;
		}

	}

	/** A threshold and when it is (or was) crossed. */
	record Crossing(Threshold threshold, Instant at) {
	}

	/** What the scan and pages need of one escalation besides its log. */
	record Subject(long id, Instant raisedAt, long policyId) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final IncidentLog log;

	private final SlaPolicies policies;

	private final Duration horizon;

	EscalationClocks(JdbcClient jdbc, JdbcTemplate template, IncidentLog log, SlaPolicies policies,
			@Value("${intime.escalations.sla.alert-horizon:24h}") Duration horizon) {
		this.jdbc = jdbc;
		this.template = template;
		this.log = log;
		this.policies = policies;
		this.horizon = horizon;
	}

	/**
	 * How far back a crossed threshold is still notified (older ones show on the queue
	 * only).
	 */
	Duration horizon() {
		return horizon;
	}

	/** The escalations' clocks at {@code now}, computed from their logs (not kept). */
	Map<Long, SlaState> compute(Collection<Subject> subjects, Instant now) {
		Map<Long, SlaState> states = new HashMap<>();
		if (subjects.isEmpty()) {
			return states;
		}
		Map<Long, List<ClockEvent>> events = log.clockEvents(subjects.stream().map(Subject::id).toList());
		Set<LocalDate> holidays = null;
		// the versions once per computation, not once per escalation
		Map<Long, SlaPolicy> versions = new HashMap<>();
		policies.versions().forEach(p -> versions.put(p.id(), p));
		for (Subject s : subjects) {
			List<ClockEvent> history = events.get(s.id());
			if (history == null || history.isEmpty()) {
				continue;
			}
			SlaPolicy policy = versions.containsKey(s.policyId()) ? versions.get(s.policyId()) : policies.current();
			Severity severity = currentSeverity(history, now);
			if (policy.target(severity).businessHours() && holidays == null) {
				holidays = policies.holidays();
			}
			SlaCounter counter = policy.counter(severity, holidays == null ? Set.of() : holidays);
			states.put(s.id(), SlaClock.compute(s.raisedAt(), history, policy, counter, now));
		}
		return states;
	}

	/** Computes and keeps the clocks of these escalations; returns them. */
	Map<Long, SlaState> refresh(Collection<Long> ids, Instant now) {
		Map<Long, SlaState> states = compute(subjects(ids), now);
		keep(states, now, true);
		return states;
	}

	/** The id of the policy in force at the instant. */
	long policyAt(Instant at) {
		return policies.inForce(at).id();
	}

	/** The subjects of these escalations (their policy: the one in force when raised). */
	List<Subject> subjects(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id, raised_at, sla_policy_id from escalation where id = any(:ids)")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.query((rs, n) -> {
				Instant raised = rs.getTimestamp(2).toInstant();
				long policy = rs.getObject(3) == null ? policies.inForce(raised).id() : rs.getLong(3);
				return new Subject(rs.getLong(1), raised, policy);
			})
			.list();
	}

	/**
	 * Keeps the computed clocks and when the scan must look next: the next threshold
	 * still ahead, or now when {@code recentCrossingsDue} and a threshold was crossed
	 * within the horizon (a reopening or a change of severity can put one behind).
	 */
	void keep(Map<Long, SlaState> states, Instant now, boolean recentCrossingsDue) {
		if (states.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		Map<Long, Long> policyOf = new HashMap<>();
		for (Map.Entry<Long, SlaState> e : states.entrySet()) {
			SlaState s = e.getValue();
			Instant next = null;
			for (Crossing c : thresholds(s)) {
				if (c.at().isAfter(now)) {
					next = next == null || c.at().isBefore(next) ? c.at() : next;
				}
				else if (recentCrossingsDue && !c.at().isBefore(now.minus(horizon))) {
					next = now;
					break;
				}
			}
			rows.add(new Object[] { ts(s.respondedAt()), ts(s.responseDue()), s.responseMet(),
					ts(s.running() || s.resolutionBreached() ? s.resolutionDue() : null),
					(int) s.resolutionUsed().toMinutes(), s.resolutionMet(), ts(next), e.getKey() });
		}
		template.batchUpdate(
				"""
						update escalation set first_response_at = ?, response_due_at = ?, response_met = ?,
						       resolution_due_at = ?, resolution_used_min = ?, resolution_met = ?, sla_check_at = ?,
						       sla_policy_id = coalesce(sla_policy_id, (select id from sla_policy where effective_from <= escalation.raised_at
						                                              order by effective_from desc limit 1))
						 where id = ?""",
				rows);
	}

	/** The thresholds of the clocks that still run, with when each is crossed. */
	static List<Crossing> thresholds(SlaState s) {
		List<Crossing> all = new ArrayList<>();
		if (s.ended()) {
			return all;
		}
		if (s.respondedAt() == null) {
			all.add(new Crossing(Threshold.RESPONSE_WARNING, s.responseWarnAt()));
			all.add(new Crossing(Threshold.RESPONSE_BREACH, s.responseDue()));
		}
		if (s.running()) {
			all.add(new Crossing(Threshold.RESOLUTION_WARNING, s.resolutionWarnAt()));
			all.add(new Crossing(Threshold.RESOLUTION_BREACH, s.resolutionDue()));
		}
		return all;
	}

	static Severity currentSeverity(List<ClockEvent> history, Instant now) {
		Severity severity = null;
		for (ClockEvent e : history) {
			if (e.severity() != null) {
				severity = e.severity();
			}
		}
		return severity;
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
