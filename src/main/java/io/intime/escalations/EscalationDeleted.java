package io.intime.escalations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** An escalation was removed. */
public record EscalationDeleted(Long accountId, long escalationId, String key, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return "escalation.deleted";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("escalation_id", escalationId);
		payload.put("key", key);
		payload.put("by", actor.name());
		return payload;
	}
}
