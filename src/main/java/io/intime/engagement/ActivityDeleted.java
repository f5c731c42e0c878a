package io.intime.engagement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** A logged activity was removed. */
public record ActivityDeleted(Long accountId, long activityId, String subject, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return "activity.deleted";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("activity_id", activityId);
		payload.put("subject", subject);
		payload.put("by", actor.name());
		return payload;
	}
}
