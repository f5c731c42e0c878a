/**
 * Revenue: ARR movements derived from contracts, the retention KPIs of spec 03 (NRR, GRR,
 * churn, expansion, NPS beside them) in reported and constant currency, and expansion
 * opportunities. Publishes {@link io.intime.revenue.RevenueFacts} and
 * {@link io.intime.shared.AccountFactChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Revenue",
		allowedDependencies = { "accounts", "identity", "engagement", "shared", "shared::*" })
package io.intime.revenue;
