/**
 * Staffing: recruiters (specialties, capacity), jobs (requisitions) with their
 * submissions, and placements with their falloffs. Publishes
 * {@link io.intime.staffing.StaffingFacts} for readers such as the health score and
 * {@link io.intime.shared.AccountFactChanged} when a fact changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staffing",
		allowedDependencies = { "accounts", "identity", "shared", "shared::*" })
package io.intime.staffing;
