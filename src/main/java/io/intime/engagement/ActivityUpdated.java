package io.intime.engagement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** Fields of a logged activity changed. */
public record ActivityUpdated(Long accountId, long activityId, List<FieldChange> changes, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return "activity.updated";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("activity_id", activityId);
		payload.put("changes", FieldChange.logged(changes));
		payload.put("by", actor.name());
		return payload;
	}
}
