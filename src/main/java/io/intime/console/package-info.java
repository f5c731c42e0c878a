/**
 * The account manager's console: the home page of an account manager (and of a sales
 * director, for the team), the call brief and the other views that read across the fact
 * modules. It owns no facts of its own: it reads them through the modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console",
		allowedDependencies = { "accounts", "identity", "staffing", "billing", "engagement", "escalations", "revenue",
				"health", "tasks", "notifications", "shared", "shared::*" })
package io.intime.console;
