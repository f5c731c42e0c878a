package io.intime.identity;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the domain event log as the API returns it. {@code actorId} is the user
 * who caused the event (null when the system did); {@code actor} their username, or
 * {@code system}.
 */
public record EventRecord(long id, String type, Long accountId, Instant occurredAt, Long actorId, String actor,
		Map<String, Object> payload) {
}
