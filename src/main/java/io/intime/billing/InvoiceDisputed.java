package io.intime.billing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.Actor;

/** The client disputed an invoice, for {@code reason}. */
public record InvoiceDisputed(Long accountId, InvoiceEvent.Snapshot invoice, String reason, List<FieldChange> changes,
		Actor actor, Instant at) implements InvoiceEvent {

	@Override
	public String logName() {
		return "invoice.disputed";
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", reason);
		return details;
	}
}
