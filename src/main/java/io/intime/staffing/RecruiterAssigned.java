package io.intime.staffing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * A recruiter was assigned to work for an account: spec 01's {@code recruiter.assigned}
 * ({@code account_id, recruiter_id, assignment_type, duration}). Assigning a recruiter to
 * a job is an assignment of type {@code job}, for as long as the job is open (no fixed
 * duration, so {@code duration} is null); {@code job_id} names the job.
 */
public record RecruiterAssigned(Long accountId, long recruiterId, String assignmentType, Integer durationDays,
		Long jobId, Actor actor, Instant at) implements LoggedEvent {

	@Override
	public String logName() {
		return StaffingEvents.RECRUITER_ASSIGNED;
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("recruiter_id", recruiterId);
		payload.put("assignment_type", assignmentType);
		payload.put("duration", durationDays);
		payload.put("job_id", jobId);
		payload.put("by", actor.name());
		return payload;
	}
}
