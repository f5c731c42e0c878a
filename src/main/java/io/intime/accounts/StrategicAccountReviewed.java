package io.intime.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * An executive opened a strategic account (spec 01, Events Logged). {@code healthScore}
 * is null until the account has a health score; the executive is the {@code actor}.
 */
public record StrategicAccountReviewed(Long accountId, Integer healthScore, Actor actor,
		Instant at) implements LoggedEvent {

	@Override
	public String logName() {
		return AccountEvents.STRATEGIC_ACCOUNT_REVIEWED;
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("health_score", healthScore);
		payload.put("reviewed_by", actor.userId());
		payload.put("timestamp", at.toString());
		return payload;
	}
}
