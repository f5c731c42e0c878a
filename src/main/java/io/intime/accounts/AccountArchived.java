package io.intime.accounts;

import java.time.Instant;
import java.util.Map;

import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * An account was archived (what deleting an account does): it leaves lists, searches,
 * exports and health scores, and every record of every module stays. Logged as
 * {@code account.archived}.
 */
public record AccountArchived(Long accountId, Actor actor, Instant at) implements LoggedEvent {

	@Override
	public String logName() {
		return AccountEvents.ACCOUNT_ARCHIVED;
	}

	@Override
	public Map<String, Object> logPayload() {
		return AccountRestored.payload(accountId, "archived_by", actor, at);
	}
}
