/**
 * Quarterly business reviews: the calendar and each tier's cadence, the preparation (key
 * metrics computed from the facts against their targets, success stories, challenges,
 * expansion opportunities, the health scorecard), the deck (PPTX with native charts and
 * its PDF), the meeting's notes, action items and decisions, and "Finalize QBR" with its
 * follow-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "QBR",
		allowedDependencies = { "accounts", "identity", "health", "escalations", "engagement", "revenue", "staffing",
				"billing", "tasks", "notifications", "shared", "shared::*" })
package io.intime.qbr;
