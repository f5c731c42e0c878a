package io.intime.staffing;

import java.time.Instant;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;

/** A candidate was placed on a job of an account. */
public record PlacementRecorded(Long accountId, long jobId, long placementId, Actor actor,
		Instant at) implements AccountFactChanged {
}
