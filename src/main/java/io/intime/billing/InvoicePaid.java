package io.intime.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.Actor;

/** An invoice was paid, {@code daysToPay} days after it was issued. */
public record InvoicePaid(Long accountId, InvoiceEvent.Snapshot invoice, LocalDate paidOn, Integer daysToPay,
		List<FieldChange> changes, Actor actor, Instant at) implements InvoiceEvent {

	@Override
	public String logName() {
		return "invoice.paid";
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("paid_on", paidOn.toString());
		details.put("days_to_pay", daysToPay);
		return details;
	}
}
