package io.intime.staffing;

import java.time.Instant;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;

/** A job was deleted. */
public record JobDeleted(Long accountId, long jobId, Actor actor, Instant at) implements AccountFactChanged {
}
