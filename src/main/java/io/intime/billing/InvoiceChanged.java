package io.intime.billing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.LoggedEvent;

/**
 * An invoice was created, changed, paid, disputed, written off or deleted; written to the
 * domain event log. {@code type} is one of the {@code invoice.*} names below; {@code changes}
 * lists the fields that changed (their initial values on creation).
 */
public record InvoiceChanged(String type, Long accountId, long invoiceId, String invoiceNumber,
        List<FieldChange> changes, Map<String, Object> details, String by) implements LoggedEvent {

    public static final String CREATED = "invoice.created";
    public static final String UPDATED = "invoice.updated";
    public static final String PAID = "invoice.paid";
    public static final String DISPUTED = "invoice.disputed";
    public static final String WRITTEN_OFF = "invoice.written_off";
    public static final String DELETED = "invoice.deleted";

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("account_id", accountId);
        payload.put("invoice_id", invoiceId);
        payload.put("invoice_number", invoiceNumber);
        payload.putAll(details);
        payload.put("changes", changes.stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", c.field());
            change.put("old", c.oldValue());
            change.put("new", c.newValue());
            return change;
        }).toList());
        payload.put("by", by);
        return payload;
    }
}
