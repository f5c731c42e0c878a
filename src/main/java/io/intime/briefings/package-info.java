/**
 * Briefings: the weekly recruiting sync prep sheet (spec 02 steps 12 and 13) and the end
 * of day summary an account manager sends to their manager (step 18). Both are read from
 * the records of the fact modules through their facades; the module keeps only the
 * summaries it sent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Briefings",
		allowedDependencies = { "accounts", "identity", "staffing", "escalations", "engagement", "revenue", "tasks",
				"notifications", "shared", "shared::*" })
package io.intime.briefings;
