package io.intime.escalations;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * An escalation moved from one status to another. The log keeps the turns the spec names:
 * an escalation that ended (resolved or closed) is {@code escalation.resolved}, one that
 * started again {@code escalation.reopened}; a move between open statuses is published,
 * not logged.
 *
 * @param resolvedAt when it was resolved, null while it is not
 */
public record EscalationStatusChanged(Long accountId, long escalationId, String key, EscalationStatus from,
		EscalationStatus to, Instant raisedAt, Instant resolvedAt, Actor actor, Instant at) implements LoggedEvent {

	@Override
	public String logName() {
		return to.ended() ? "escalation.resolved" : "escalation.reopened";
	}

	/** Logged when the escalation ended or started again. */
	@Override
	public boolean logged() {
		return from.ended() != to.ended();
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("escalation_id", escalationId);
		payload.put("key", key);
		payload.put("status", to.name());
		if (resolvedAt != null) {
			payload.put("resolved_at", resolvedAt.toString());
			payload.put("hours_to_resolve", Duration.between(raisedAt, resolvedAt).toHours());
		}
		payload.put("by", actor.name());
		return payload;
	}
}
