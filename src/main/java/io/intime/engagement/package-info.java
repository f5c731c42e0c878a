/**
 * Engagement: activities (calls, emails, meetings, notes) with their contacts,
 * participants and executive touchpoints, and NPS responses. Publishes
 * {@link io.intime.engagement.EngagementFacts} and
 * {@link io.intime.shared.AccountFactChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement",
		allowedDependencies = { "accounts", "identity", "notifications", "tasks", "shared", "shared::*" })
package io.intime.engagement;
