package io.intime.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** A contract was added to an account; {@code changes} holds its initial fields. */
public record ContractCreated(Long accountId, long contractId, List<FieldChange> changes, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return AccountEvents.CONTRACT_CREATED;
	}

	@Override
	public Map<String, Object> logPayload() {
		return AccountEvents.payload(accountId, "contract", contractId, changes, actor);
	}
}
