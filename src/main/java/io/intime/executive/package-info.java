/**
 * The executive's strategic accounts (spec 01): the portfolio of the accounts an
 * executive sponsors (a sales director's team's strategic accounts), its "executive
 * actions needed", the account health dashboard with its recommendations, executive
 * notes, recovery plans, executive calls, dedicated recruiters and service credits. It
 * reads the facts through the fact modules' public APIs and keeps only what executives
 * add: notes and recovery plans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Executive",
		allowedDependencies = { "accounts", "identity", "staffing", "billing", "engagement", "escalations", "revenue",
				"renewals", "qbr", "health", "tasks", "notifications", "shared", "shared::*" })
package io.intime.executive;
