package io.intime.staffing;

/**
 * Where a placement stands: ACTIVE (working, or about to start), COMPLETED (the
 * engagement ended as planned) or FALLOFF (it failed: the candidate left or was let go
 * early, or backed out).
 */
public enum PlacementStatus {

	ACTIVE, COMPLETED, FALLOFF

}
