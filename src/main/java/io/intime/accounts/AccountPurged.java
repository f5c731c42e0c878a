package io.intime.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * An archived account was purged by an admin: the account and every record that belongs
 * to it are gone (the only real delete). Published inside the purge's transaction, so
 * that modules keeping rows without a foreign key to the account remove them in the same
 * transaction. Logged as {@code account.deleted}, with the payload account changes have.
 */
public record AccountPurged(Long accountId, String key, String name, Actor actor, Instant at) implements LoggedEvent {

	@Override
	public String logName() {
		return AccountEvents.ACCOUNT_DELETED;
	}

	@Override
	public Map<String, Object> logPayload() {
		return AccountEvents.payload(accountId, "account", accountId, List.of(), actor);
	}
}
