package io.intime.escalations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * Fields of an escalation changed (its status among them, see also
 * {@link EscalationStatusChanged}).
 */
public record EscalationUpdated(Long accountId, long escalationId, String key, List<FieldChange> changes, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return "escalation.updated";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("escalation_id", escalationId);
		payload.put("key", key);
		payload.put("changes", FieldChange.logged(changes));
		payload.put("by", actor.name());
		return payload;
	}
}
