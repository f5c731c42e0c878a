package io.intime.engagement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * Spec 01's event: a call or meeting with a client executive or the sponsor, planned
 * ahead ({@code callDate} after it was logged).
 */
public record ExecutiveCallScheduled(Long accountId, long activityId, String clientContact, Instant callDate,
		String agenda, Actor actor, Instant at) implements LoggedEvent {

	@Override
	public String logName() {
		return "executive.call.scheduled";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("activity_id", activityId);
		payload.put("client_contact", clientContact);
		payload.put("call_date", callDate.toString());
		payload.put("agenda", agenda);
		return payload;
	}
}
