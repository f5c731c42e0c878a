package io.intime.billing;

import java.time.Instant;
import java.util.List;

import io.intime.identity.FieldChange;
import io.intime.shared.Actor;

/** Fields of an invoice changed, without a move to paid, disputed or written off. */
public record InvoiceUpdated(Long accountId, InvoiceEvent.Snapshot invoice, List<FieldChange> changes, Actor actor,
		Instant at) implements InvoiceEvent {

	@Override
	public String logName() {
		return "invoice.updated";
	}
}
