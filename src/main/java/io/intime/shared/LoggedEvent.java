package io.intime.shared;

import java.util.Map;

/**
 * A domain event that belongs in the domain event log (the spec's "Events Logged" tables,
 * read through {@code /api/v1/events}). The event says under which name and with which
 * payload it is logged; publishing one inside a transaction writes it to the log in that
 * same transaction.
 */
public interface LoggedEvent extends DomainEvent {

	/** The spec's event name, e.g. {@code strategic_account.reviewed}. */
	String logName();

	/** The account the event is about, or {@code null} when it concerns none. */
	Long accountId();

	/** The payload the spec gives for the event, with snake_case keys. */
	Map<String, Object> logPayload();

	/**
	 * Whether this event is written to the log; an event type may log only some of its
	 * instances (e.g. the status moves the spec names).
	 */
	default boolean logged() {
		return true;
	}

}
