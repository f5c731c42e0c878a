package io.intime.engagement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * A call, email, meeting or note was logged at an account; {@code executiveTouchpoint}
 * when it is a call or meeting with a client executive or the sponsor.
 */
public record ActivityLogged(Long accountId, long activityId, ActivityType type, ActivityDirection direction,
		String subject, Instant occurredAt, List<Long> contactIds, List<Long> participantIds,
		boolean executiveTouchpoint, Actor actor, Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return "activity.logged";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("activity_id", activityId);
		payload.put("type", type.name());
		payload.put("direction", direction.name());
		payload.put("subject", subject);
		payload.put("occurred_at", occurredAt.toString());
		payload.put("contact_ids", contactIds);
		payload.put("participant_ids", participantIds);
		payload.put("executive_touchpoint", executiveTouchpoint);
		payload.put("by", actor.name());
		return payload;
	}
}
