package io.intime.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.LoggedEvent;

/**
 * An account, contact or contract was created, changed or removed. {@code type} is the event
 * name (e.g. {@code account.updated}); {@code changes} lists the fields that changed.
 */
public record AccountChanged(String type, Long accountId, String entity, long entityId, List<FieldChange> changes,
        String by) implements LoggedEvent {

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("account_id", accountId);
        payload.put(entity + "_id", entityId);
        payload.put("changes", changes.stream()
                .map(c -> {
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
