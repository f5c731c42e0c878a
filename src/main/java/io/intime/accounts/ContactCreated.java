package io.intime.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** A contact was added to an account; {@code changes} holds its initial fields. */
public record ContactCreated(Long accountId, long contactId, List<FieldChange> changes, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return AccountEvents.CONTACT_CREATED;
	}

	@Override
	public Map<String, Object> logPayload() {
		return AccountEvents.payload(accountId, "contact", contactId, changes, actor);
	}
}
