/**
 * Escalations on SLA clocks: the record (key ESC-YYYY-NNNN, severity suggested by the
 * escalation matrix, owner, reporter, contact, job), its guarded statuses and incident
 * log, the organization's SLA policy in versions and the clocks computed from each
 * escalation's history (business hours skip the organization's holidays, which tasks
 * keep), the scan that warns of near and actual breaches, and the queue. Reads staffing
 * (the affected job) and engagement (an inbound email to raise from). Publishes
 * {@link io.intime.escalations.EscalationFacts} and
 * {@link io.intime.shared.AccountFactChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalations", allowedDependencies = { "accounts",
		"identity", "notifications", "tasks", "staffing", "engagement", "shared", "shared::*" })
package io.intime.escalations;
