package io.intime.accounts.web;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import jakarta.servlet.http.HttpSession;

/**
 * Whose accounts the list shows when a person comes to it without filters (the menu, the
 * home page): an account manager starts on their own portfolio ("My accounts"), everyone
 * else on all the accounts they may see. The last choice (the "My accounts" / "All
 * accounts" switch, or the account manager filter set to oneself or to everyone) is kept
 * in the session, so that coming back through the menu shows the same list.
 */
final class AccountListScope {

	static final String MINE = "mine";

	static final String ALL = "all";

	private static final String SESSION_KEY = AccountListScope.class.getName();

	private AccountListScope() {
	}

	/** Only account managers own accounts, so only they get the switch. */
	static boolean offeredTo(CurrentUser me) {
		return me.role() == Role.ACCOUNT_MANAGER;
	}

	/**
	 * The owner to filter by.
	 * @param scope the switch's value ({@code mine} or {@code all}), or null
	 * @param owner the owner filter as sent (null when the request has none, blank for
	 * every account manager)
	 * @param landing whether the request names no filter at all
	 * @return the owner's id, or null for every owner
	 */
	static Long owner(String scope, String owner, boolean landing, CurrentUser me, HttpSession session) {
		if (!offeredTo(me)) {
			return AccountListing.id(owner);
		}
		if (MINE.equals(scope) || ALL.equals(scope)) {
			session.setAttribute(SESSION_KEY, scope);
			return MINE.equals(scope) ? me.id() : null;
		}
		if (owner != null) {
			Long id = AccountListing.id(owner);
			if (id == null || id == me.id()) {
				session.setAttribute(SESSION_KEY, id == null ? ALL : MINE);
			}
			return id;
		}
		if (landing) {
			Object chosen = session.getAttribute(SESSION_KEY);
			return ALL.equals(chosen) ? null : me.id();
		}
		return null;
	}

}
