/**
 * Accounts: the firm's client accounts, their contacts, their contracts with service
 * lines, tiers, ownership (account manager), executive sponsors and account teams.
 * <p>
 * This package is the module's API and holds only what other modules use:
 * <ul>
 * <li>facades: {@link io.intime.accounts.AccountManagement},
 * {@link io.intime.accounts.ContactManagement},
 * {@link io.intime.accounts.ContractManagement},
 * {@link io.intime.accounts.AccountTimeline} and
 * {@link io.intime.accounts.AccountSections};</li>
 * <li>what other modules plug in: {@link io.intime.accounts.AccountTimelineSource} and
 * {@link io.intime.accounts.AccountSection};</li>
 * <li>events: {@code AccountCreated}, {@code AccountUpdated}, {@code AccountArchived},
 * {@code AccountRestored}, {@code AccountPurged}, {@code ContactCreated},
 * {@code ContactUpdated}, {@code ContactMerged}, {@code ContractCreated},
 * {@code ContractUpdated}, {@code ContractStatusChanged},
 * {@code StrategicAccountReviewed};</li>
 * <li>read models: {@code AccountDetails}, {@code AccountSummary}, {@code AccountAccess},
 * {@code HealthMark}, {@code ContactView}, {@code ContactMerge}, {@code ContractView},
 * {@code ServiceLineView};</li>
 * <li>what callers pass to the facades: the forms ({@code AccountForm},
 * {@code ContactForm}, {@code ContractForm}, {@code ServiceLineForm}), the list search
 * {@code AccountQuery} and the values {@code Tier}, {@code AccountStatus},
 * {@code HealthBand}, {@code StakeholderRole}, {@code Influence}, {@code ContractType},
 * {@code ContractStatus}.</li>
 * </ul>
 * Inside the module: {@code accounts.internal} holds the entities, their repositories,
 * the permission rules ({@code AccountRules}) and form validation; {@code accounts.io}
 * the CSV import of accounts and contacts and the CSV/XLSX export; {@code accounts.web}
 * the pages and the REST API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
		allowedDependencies = { "identity", "shared", "shared::*" })
package io.intime.accounts;
