package io.intime.staffing;

import java.time.Instant;
import java.util.List;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;

/** Fields of a job changed (its status, recruiter or submissions among them). */
public record JobUpdated(Long accountId, long jobId, List<FieldChange> changes, Actor actor,
		Instant at) implements AccountFactChanged {
}
