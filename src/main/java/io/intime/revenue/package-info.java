/**
 * Revenue: expansion opportunities, the pipeline board with its coverage against the
 * quarterly goals, and expansion proposals with their review (renewals come later).
 * Publishes {@link io.intime.revenue.RevenueFacts},
 * {@link io.intime.shared.AccountFactChanged} and the
 * {@link io.intime.revenue.ProposalEvent}s. Reads the staffing module's facts and
 * recruiter ranking for proposals, and asks for reviews through the notifications and
 * tasks modules (none of which depends on revenue).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Revenue",
		allowedDependencies = { "accounts", "identity", "notifications", "staffing", "tasks", "shared", "shared::*" })
package io.intime.revenue;
