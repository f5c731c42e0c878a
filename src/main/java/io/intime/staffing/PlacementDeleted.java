package io.intime.staffing;

import java.time.Instant;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;

/** A placement recorded in error was deleted. */
public record PlacementDeleted(Long accountId, long placementId, Actor actor,
		Instant at) implements AccountFactChanged {
}
