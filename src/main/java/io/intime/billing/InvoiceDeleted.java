package io.intime.billing;

import java.time.Instant;
import java.util.List;

import io.intime.identity.FieldChange;
import io.intime.shared.Actor;

/** An invoice was deleted. */
public record InvoiceDeleted(Long accountId, InvoiceEvent.Snapshot invoice, List<FieldChange> changes, Actor actor,
		Instant at) implements InvoiceEvent {

	@Override
	public String logName() {
		return "invoice.deleted";
	}
}
