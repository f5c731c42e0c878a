package io.intime.staffing;

/**
 * Names of the events this module writes to the domain event log (spec 01's "Events
 * Logged").
 */
final class StaffingEvents {

	static final String RECRUITER_ASSIGNED = "recruiter.assigned";

	private StaffingEvents() {
	}

}
