/**
 * Escalations: the record (key ESC-YYYY-NNNN, severity, status, raised and resolved); its
 * workflow comes later. Publishes {@link io.intime.escalations.EscalationFacts} and
 * {@link io.intime.shared.AccountFactChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalations",
		allowedDependencies = { "accounts", "identity", "notifications", "shared", "shared::*" })
package io.intime.escalations;
