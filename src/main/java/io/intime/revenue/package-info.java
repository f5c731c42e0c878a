/**
 * Revenue: ARR movements derived from contracts, the retention KPIs of spec 03 (NRR, GRR,
 * churn, expansion, NPS beside them) in reported and constant currency, expansion
 * opportunities, the pipeline board with its coverage against the quarterly goals, and
 * expansion proposals with their review. Publishes
 * {@link io.intime.revenue.RevenueFacts}, {@link io.intime.shared.AccountFactChanged} and
 * the {@link io.intime.revenue.ProposalEvent}s. Reads the staffing module's facts and
 * recruiter ranking for proposals, NPS from engagement, and asks for reviews through the
 * notifications and tasks modules (none of which depends on revenue).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Revenue", allowedDependencies = { "accounts", "identity",
		"engagement", "notifications", "staffing", "tasks", "shared", "shared::*" })
package io.intime.revenue;
