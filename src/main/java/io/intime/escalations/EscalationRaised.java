package io.intime.escalations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** An escalation was raised at an account. */
public record EscalationRaised(Long accountId, long escalationId, String key, String title, Severity severity,
		EscalationStatus status, Instant raisedAt, Actor actor, Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return "escalation.created";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("escalation_id", escalationId);
		payload.put("key", key);
		payload.put("title", title);
		payload.put("severity", severity.name());
		payload.put("status", status.name());
		payload.put("raised_at", raisedAt.toString());
		payload.put("by", actor.name());
		return payload;
	}
}
