/**
 * Accounts: the firm's client accounts, their contacts, their contracts with service
 * lines, tiers, ownership (account manager), executive sponsors and account teams.
 * Published API: {@link io.intime.accounts.AccountManagement},
 * {@link io.intime.accounts.ContactManagement},
 * {@link io.intime.accounts.ContractManagement}, their read models and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
		allowedDependencies = { "identity", "shared", "shared::*" })
package io.intime.accounts;
