/**
 * Automation: rules an admin edits that start workflow runs and send alerts when their
 * condition is met (a contract ending in 90 days, health below a threshold, a key contact
 * leaving, the quarterly cadence, a billing dispute, the first contract signed), each
 * firing once per occasion across nodes; and the automated steps the built-in workflows
 * run (the onboarding automation of spec 04, the CRM update of a renewal, a dispute's
 * credit memo).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Automation",
		allowedDependencies = { "workflows", "accounts", "identity", "health", "escalations", "engagement", "revenue",
				"renewals", "staffing", "billing", "tasks", "notifications", "qbr", "shared", "shared::*" })
package io.intime.automation;
