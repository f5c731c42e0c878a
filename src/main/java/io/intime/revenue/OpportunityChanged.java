package io.intime.revenue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.LoggedEvent;

/**
 * An expansion opportunity was identified, changed, moved to another stage or deleted; written to
 * the domain event log with the fields that changed. The spec names no events for the pipeline;
 * these follow its words ("expansion identified", "Move Forward", won/lost).
 */
public record OpportunityChanged(String type, Long accountId, long opportunityId, String title,
        List<FieldChange> changes, Map<String, Object> details, String by) implements LoggedEvent {

    public static final String IDENTIFIED = "opportunity.identified";
    public static final String UPDATED = "opportunity.updated";
    public static final String STAGE_CHANGED = "opportunity.stage_changed";
    public static final String DELETED = "opportunity.deleted";

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("account_id", accountId);
        payload.put("opportunity_id", opportunityId);
        payload.put("title", title);
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
