package io.intime.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * An archived account was restored by an executive or admin: it is back in lists,
 * searches, exports and health scores. Logged as {@code account.restored}.
 */
public record AccountRestored(Long accountId, Actor actor, Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return AccountEvents.ACCOUNT_RESTORED;
	}

	@Override
	public Map<String, Object> logPayload() {
		return payload(accountId, "restored_by", actor, at);
	}

	static Map<String, Object> payload(Long accountId, String byKey, Actor actor, Instant at) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put(byKey, actor.userId());
		payload.put("actor", actor.name());
		payload.put("timestamp", at.toString());
		return payload;
	}
}
