package io.intime.renewals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * A contract's renewal was opened, by a person or 90 days before the contract ends (spec
 * 01: {@code contract.renewal.initiated {account_id, current_arr, renewal_date,
 * probability}}).
 */
public record RenewalInitiated(Long accountId, long renewalId, long contractId, BigDecimal currentArr, String currency,
		LocalDate renewalDate, int probability, boolean automatic, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return "contract.renewal.initiated";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("current_arr", Map.of("amount", currentArr.toPlainString(), "currency", currency));
		payload.put("renewal_date", renewalDate.toString());
		payload.put("probability", probability);
		payload.put("renewal_id", renewalId);
		payload.put("contract_id", contractId);
		payload.put("automatic", automatic);
		payload.put("by", actor.name());
		return payload;
	}

}
