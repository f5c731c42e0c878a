package io.intime.billing;

import io.intime.accounts.AccountDetails;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * Spec 03's Financial Access for invoices: "Create Invoices ❌ (Finance team only)", "View
 * Invoice History ✅ Assigned accounts", and spec 02's authority limits (an account
 * manager cannot approve write-offs):
 * <ul>
 * <li>finance, and only finance, creates, changes, marks paid, writes off and deletes
 * invoices of every account ("Finance team only": admins configure the system, they do
 * not bill);</li>
 * <li>executives and sales directors see every account's invoices and may flag a
 * dispute;</li>
 * <li>admins see every account's invoices (support and audit) and change none;</li>
 * <li>account managers see the invoices of the accounts they own and may flag a dispute
 * there;</li>
 * <li>everybody else (recruiters, recruiting managers, legal) sees none.</li>
 * </ul>
 */
final class BillingRules {

	private BillingRules() {
	}

	/** The roles that see invoices (of every account, or of the accounts they own). */
	static final java.util.Set<Role> READERS = java.util.Set.of(Role.FINANCE, Role.ADMIN, Role.EXECUTIVE,
			Role.SALES_DIRECTOR, Role.ACCOUNT_MANAGER);

	static InvoiceAccess access(CurrentUser user, AccountDetails account) {
		boolean finance = user.hasRole(Role.FINANCE);
		boolean overseer = user.hasRole(Role.EXECUTIVE, Role.SALES_DIRECTOR);
		boolean owner = user.hasRole(Role.ACCOUNT_MANAGER) && account.ownerId() != null
				&& account.ownerId() == user.id();
		boolean view = finance || overseer || owner || user.hasRole(Role.ADMIN);
		return new InvoiceAccess(view, finance, finance || overseer || owner);
	}

	/**
	 * Whether the user sees invoices of every account (otherwise only of the accounts
	 * they own, or none).
	 */
	static boolean seesAllInvoices(CurrentUser user) {
		return user.hasRole(Role.FINANCE, Role.ADMIN, Role.EXECUTIVE, Role.SALES_DIRECTOR);
	}

	static void require(boolean allowed, String message) {
		if (!allowed) {
			throw new AccessDeniedException(message);
		}
	}

}
