/**
 * Billing: invoices with their derived days to pay and days overdue, service credits, and
 * the credit memos that resolve billing disputes. Publishes
 * {@link io.intime.billing.BillingFacts} and {@link io.intime.shared.AccountFactChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing",
		allowedDependencies = { "accounts", "identity", "notifications", "shared", "shared::*" })
package io.intime.billing;
