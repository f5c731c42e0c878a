package io.intime.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * Fields of a contract changed (its status among them, see also
 * {@link ContractStatusChanged}).
 */
public record ContractUpdated(Long accountId, long contractId, List<FieldChange> changes, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return AccountEvents.CONTRACT_UPDATED;
	}

	@Override
	public Map<String, Object> logPayload() {
		return AccountEvents.payload(accountId, "contract", contractId, changes, actor);
	}
}
