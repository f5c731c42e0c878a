/**
 * Reporting: the account manager's monthly scorecard of spec 03 (NRR, NPS, expansion, %
 * green, escalations within SLA, QBR completion, weighted into a rating), its history,
 * and the sales director's comparison of their account managers. Reads every figure from
 * the modules that own it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting", allowedDependencies = { "accounts",
		"identity", "revenue", "engagement", "escalations", "health", "qbr", "shared", "shared::*" })
package io.intime.reporting;
