package io.intime.revenue;

import io.intime.accounts.AccountDetails;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees and changes expansion opportunities (spec 03: "Deals … ✅ Assigned", "Track
 * expansion pipeline in CRM", "Reports – Revenue ✅ Portfolio"):
 * <ul>
 * <li>executives, sales directors and admins see, create, change and delete them
 * everywhere;</li>
 * <li>account managers see, create and change them at the accounts they own;</li>
 * <li>finance sees them everywhere (revenue reporting);</li>
 * <li>everybody else sees none.</li>
 * </ul>
 */
final class RevenueRules {

	private RevenueRules() {
	}

	static OpportunityAccess access(CurrentUser user, AccountDetails account) {
		boolean all = user.seesEverything();
		boolean owner = user.hasRole(Role.ACCOUNT_MANAGER) && account.ownerId() != null
				&& account.ownerId() == user.id();
		return new OpportunityAccess(all || owner || user.hasRole(Role.FINANCE), all || owner, all);
	}

	static boolean seesAll(CurrentUser user) {
		return user.seesEverything() || user.hasRole(Role.FINANCE);
	}

	static void require(boolean allowed, String message) {
		if (!allowed) {
			throw new AccessDeniedException(message);
		}
	}

}
