package io.intime.shared;

import java.time.Instant;

/**
 * The version and the created/updated by-and-at of a record, as read models carry them.
 */
public record Stamp(long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
