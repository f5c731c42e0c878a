package io.intime.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * A contract was removed (entered by mistake); whatever ARR it carried leaves its
 * account.
 */
public record ContractDeleted(Long accountId, long contractId, String contractNumber, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return AccountEvents.CONTRACT_DELETED;
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("contract_id", contractId);
		payload.put("contract_number", contractNumber);
		payload.put("by", actor.name());
		return payload;
	}
}
