package io.intime.billing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.LoggedEvent;

/**
 * What happened to an invoice: {@link InvoiceCreated}, {@link InvoiceUpdated},
 * {@link InvoicePaid}, {@link InvoiceDisputed}, {@link InvoiceWrittenOff} or
 * {@link InvoiceDeleted}. Each is logged under its {@code invoice.*} name with the
 * invoice's number, amount and status, the fields that changed (their initial values on
 * creation) and who.
 */
public sealed interface InvoiceEvent extends LoggedEvent, AccountFactChanged
		permits InvoiceCreated, InvoiceUpdated, InvoicePaid, InvoiceDisputed, InvoiceWrittenOff, InvoiceDeleted {

	/**
	 * The invoice as it stands after the event.
	 *
	 * @param amount the amount in {@code currency}
	 */
	record Snapshot(long id, String number, BigDecimal amount, String currency, InvoiceStatus status) {
	}

	/** The invoice the event is about. */
	Snapshot invoice();

	/** The fields that changed; empty when none did (a deletion). */
	List<FieldChange> changes();

	/** What the event adds to the common payload. */
	default Map<String, Object> details() {
		return Map.of();
	}

	@Override
	default Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId());
		payload.put("invoice_id", invoice().id());
		payload.put("invoice_number", invoice().number());
		payload.put("amount", invoice().amount().toPlainString());
		payload.put("currency", invoice().currency());
		payload.put("status", invoice().status().name());
		payload.putAll(details());
		payload.put("changes", FieldChange.logged(changes()));
		payload.put("by", actor().name());
		return payload;
	}

}
