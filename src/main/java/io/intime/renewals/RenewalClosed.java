package io.intime.renewals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * A renewal's outcome was recorded: renewed (maybe with a change), downgraded or churned.
 */
public record RenewalClosed(Long accountId, long renewalId, RenewalOutcome outcome, BigDecimal newArr, String currency,
		Actor actor, Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return "contract.renewal.closed";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("renewal_id", renewalId);
		payload.put("outcome", outcome);
		payload.put("new_arr", newArr == null ? null : Map.of("amount", newArr.toPlainString(), "currency", currency));
		payload.put("by", actor.name());
		return payload;
	}

}
