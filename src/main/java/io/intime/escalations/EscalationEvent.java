package io.intime.escalations;

import java.util.Map;

import io.intime.shared.LoggedEvent;

/** An escalation was raised, changed, resolved, reopened or removed; written to the domain event log. */
public record EscalationEvent(String type, Long accountId, Map<String, Object> payload) implements LoggedEvent {

    public static final String CREATED = "escalation.created";
    public static final String UPDATED = "escalation.updated";
    public static final String RESOLVED = "escalation.resolved";
    public static final String REOPENED = "escalation.reopened";
    public static final String DELETED = "escalation.deleted";
}
