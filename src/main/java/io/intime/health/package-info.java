/**
 * Health: health models as versioned data (default: spec 03 Appendix C), scores computed
 * from the fact modules' facts with an explanation per component and what would move
 * them, their history, recompute on {@link io.intime.shared.AccountFactChanged} and every
 * night, alerts for owners and sponsors, and the health and model pages. Published API:
 * {@link io.intime.health.HealthScores} and {@link io.intime.health.HealthReport}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health", allowedDependencies = { "accounts", "identity",
		"staffing", "billing", "engagement", "escalations", "revenue", "notifications", "shared", "shared::*" })
package io.intime.health;
