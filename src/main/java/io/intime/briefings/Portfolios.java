package io.intime.briefings;

import java.util.ArrayList;
import java.util.List;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountQuery;
import io.intime.accounts.AccountSummary;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whose accounts a briefing covers: an account manager's own; a sales director's team
 * (every direct report, or the one they pick); executives and admins pick any account
 * manager. Accounts come from the accounts module's search, so its rules apply.
 */
@Component
class Portfolios {

	private final AccountManagement accounts;

	private final UserDirectory users;

	Portfolios(AccountManagement accounts, UserDirectory users) {
		this.accounts = accounts;
		this.users = users;
	}

	/** Who may open briefings at all. */
	static boolean mayBrief(CurrentUser user) {
		return user.hasRole(Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN);
	}

	/**
	 * The account managers the user may brief for (themselves, for an account manager).
	 */
	List<UserSummary> managersFor(CurrentUser user) {
		if (!mayBrief(user)) {
			throw new AccessDeniedException("Briefings are for account managers and their directors");
		}
		if (user.hasRole(Role.ACCOUNT_MANAGER)) {
			return users.find(user.id()).map(List::of).orElse(List.of());
		}
		if (user.hasRole(Role.SALES_DIRECTOR)) {
			return users.directReports(user.id()).stream().filter(u -> u.role() == Role.ACCOUNT_MANAGER).toList();
		}
		return users.withRoles(Role.ACCOUNT_MANAGER);
	}

	/**
	 * The live accounts of the chosen account manager ({@code managerId}), or of all the
	 * user may brief for when null.
	 * @throws AccessDeniedException when the user may not brief for that manager
	 */
	List<AccountSummary> accounts(CurrentUser user, Long managerId) {
		List<UserSummary> managers = managersFor(user);
		if (managerId != null && managers.stream().noneMatch(m -> m.id() == managerId)) {
			throw new AccessDeniedException("You may not see the briefings of that account manager");
		}
		List<AccountSummary> all = new ArrayList<>();
		for (UserSummary manager : managers) {
			if (managerId != null && manager.id() != managerId) {
				continue;
			}
			int page = 0;
			PageResult<AccountSummary> result;
			do {
				result = accounts.search(new AccountQuery(null, null, null, manager.id(), null, null, null, null,
						"name", false, page++, PageRequest.MAX_SIZE), user);
				all.addAll(result.items());
			}
			while (result.hasNext());
		}
		return all;
	}

}
