package io.intime.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** Fields of an account changed. */
public record AccountUpdated(Long accountId, List<FieldChange> changes, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return AccountEvents.ACCOUNT_UPDATED;
	}

	@Override
	public Map<String, Object> logPayload() {
		return AccountEvents.payload(accountId, "account", accountId, changes, actor);
	}
}
