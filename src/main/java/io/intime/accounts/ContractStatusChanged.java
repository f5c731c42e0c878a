package io.intime.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** A contract moved from one status to another (e.g. ACTIVE to RENEWED). */
public record ContractStatusChanged(Long accountId, long contractId, String contractNumber, ContractStatus from,
		ContractStatus to, Actor actor, Instant at) implements LoggedEvent {

	@Override
	public String logName() {
		return AccountEvents.CONTRACT_STATUS_CHANGED;
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("contract_id", contractId);
		payload.put("contract_number", contractNumber);
		payload.put("from", from);
		payload.put("to", to);
		payload.put("by", actor.name());
		return payload;
	}
}
