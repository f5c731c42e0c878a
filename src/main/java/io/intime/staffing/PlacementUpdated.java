package io.intime.staffing;

import java.time.Instant;
import java.util.List;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;

/** Fields of a placement changed (e.g. its falloff was recorded). */
public record PlacementUpdated(Long accountId, long placementId, List<FieldChange> changes, Actor actor,
		Instant at) implements AccountFactChanged {
}
