/**
 * Renewals: the contracts ending in the next months with the probability that each is
 * renewed (an explicit model over the account's signals, fitted by logistic regression on
 * the organization's own closed renewals once there are enough), recorded 90, 60 and 30
 * days out and scored against the outcome; the renewal record opened 90 days before a
 * contract ends, and its outcome, which changes the contract. A module of its own because
 * it reads health, which reads revenue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Renewals",
		allowedDependencies = { "accounts", "identity", "health", "escalations", "billing", "engagement", "revenue",
				"qbr", "tasks", "notifications", "shared", "shared::*" })
package io.intime.renewals;
