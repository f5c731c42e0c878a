package io.intime.workflows;

/** Where a run is. */
public enum RunStatus {

	ACTIVE, COMPLETED, CANCELLED, FAILED

}
