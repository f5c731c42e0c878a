package io.intime.staffing;

import java.time.Instant;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;

/** A job (requisition) was opened at an account. */
public record JobCreated(Long accountId, long jobId, Actor actor, Instant at) implements AccountFactChanged {
}
