package io.intime.shared;

import java.util.Map;

/**
 * A domain event that belongs in the domain event log (the spec's "Events Logged" tables).
 * Publishing one inside a transaction writes it to the log in that same transaction.
 */
public interface LoggedEvent {

    /** The spec's event name, e.g. {@code strategic_account.reviewed}. */
    String type();

    /** The account the event is about, or {@code null} when it concerns none. */
    Long accountId();

    /** The payload the spec gives for the event, with snake_case keys. */
    Map<String, Object> payload();
}
