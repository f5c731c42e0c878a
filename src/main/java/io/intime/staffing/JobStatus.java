package io.intime.staffing;

/**
 * Where a job (requisition) stands. Only OPEN jobs count as open for the health score;
 * ON_HOLD ones wait.
 */
public enum JobStatus {

	OPEN, ON_HOLD, FILLED, CANCELLED

}
