package io.intime.workflows;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;

/**
 * Who may see and do what with runs, beyond seeing the account (which the facade checks
 * first): workflows are the account team's commercial work (renewals, pricing, disputes,
 * health checks), so recruiters and recruiting managers see none; a run about an invoice
 * (a billing dispute) follows billing's rule and is not for legal either.
 */
final class RunRules {

	private RunRules() {
	}

	static boolean mayRead(CurrentUser user, Long invoiceId) {
		if (user.hasRole(Role.RECRUITER, Role.RECRUITING_MANAGER)) {
			return false;
		}
		return invoiceId == null || !user.hasRole(Role.LEGAL);
	}

	/** Starting a run: the account's editors, finance (disputes, pricing), admins. */
	static boolean mayStart(CurrentUser user, boolean editsAccount) {
		return editsAccount || user.hasRole(Role.FINANCE, Role.ADMIN, Role.EXECUTIVE, Role.SALES_DIRECTOR);
	}

	/**
	 * Cancelling, resuming, sending links again: the run's owner and those who see
	 * everything.
	 */
	static boolean mayManage(CurrentUser user, Long ownerId) {
		return (ownerId != null && ownerId == user.id()) || user.seesEverything();
	}

}
