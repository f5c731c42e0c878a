package io.intime.identity;

import java.time.Instant;
import java.util.Map;

/** One entry of the domain event log as the API returns it. */
public record EventRecord(long id, String type, Long accountId, Instant occurredAt, Long actorId,
        Map<String, Object> payload) {
}
