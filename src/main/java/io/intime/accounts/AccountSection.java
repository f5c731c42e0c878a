package io.intime.accounts;

import io.intime.identity.CurrentUser;

/**
 * A section (tab) that another module adds to Account 360, such as Jobs, Invoices or
 * Health. A module publishes one as a Spring bean; the account page lists every section
 * the user may see, in {@link #order()}, after the account's own Overview, Contacts and
 * Contracts and before History. The section's page lives in its module at
 * {@link #path(long)} and renders the shared account header
 * ({@code accounts/parts :: account-header}) with the model that
 * {@link AccountSections#header} fills.
 */
public interface AccountSection {

	/** Short identifier, also the last path segment: {@code jobs}. */
	String id();

	/** Label of the tab: {@code Jobs}. */
	String label();

	/** Position among the contributed sections (lower first). */
	int order();

	/**
	 * Whether this user sees the section for this account; by default everyone who sees
	 * the account.
	 */
	default boolean visibleTo(AccountDetails account, CurrentUser user) {
		return true;
	}

	/** The page of the section for one account. */
	default String path(long accountId) {
		return "/accounts/" + accountId + "/" + id();
	}

}
