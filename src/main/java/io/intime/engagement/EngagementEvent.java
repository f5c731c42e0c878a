package io.intime.engagement;

import java.util.Map;

import io.intime.shared.LoggedEvent;

/**
 * An activity or NPS response was logged, changed or removed, or an executive call was
 * scheduled; written to the domain event log with its payload.
 */
public record EngagementEvent(String type, Long accountId, Map<String, Object> payload) implements LoggedEvent {

    public static final String ACTIVITY_LOGGED = "activity.logged";
    public static final String ACTIVITY_UPDATED = "activity.updated";
    public static final String ACTIVITY_DELETED = "activity.deleted";
    /** Spec 01's event: a call or meeting with a client executive or the sponsor, planned ahead. */
    public static final String EXECUTIVE_CALL_SCHEDULED = "executive.call.scheduled";
    public static final String NPS_RECEIVED = "nps.received";
    public static final String NPS_UPDATED = "nps.updated";
    public static final String NPS_DELETED = "nps.deleted";
}
