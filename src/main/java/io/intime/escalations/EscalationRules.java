package io.intime.escalations;

import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSummary;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.FieldError;
import io.intime.shared.FormConstraints;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Spec 03's permissions matrix for escalations ("view at accounts, create, edit assigned,
 * no delete" for account managers), on top of who may see the account: everyone who sees
 * an account sees its escalations; account managers, recruiters and recruiting managers
 * raise them (spec 02's escalation was raised by a recruiter), as do executives, sales
 * directors and admins; the account's own manager and those three change them; only the
 * three delete them. Finance and legal read them.
 */
@Component
class EscalationRules {

	private final AccountManagement accounts;

	private final FormConstraints constraints;

	EscalationRules(AccountManagement accounts, FormConstraints constraints) {
		this.accounts = accounts;
		this.constraints = constraints;
	}

	/**
	 * Everyone who sees an account sees its escalations ("Escalations: ✅ view at
	 * accounts").
	 */
	boolean canView(CurrentUser user, AccountDetails account) {
		return true;
	}

	boolean canRaise(CurrentUser user) {
		return user.seesEverything() || user.hasRole(Role.ACCOUNT_MANAGER, Role.RECRUITER, Role.RECRUITING_MANAGER);
	}

	boolean canChange(CurrentUser user, AccountDetails account) {
		return user.seesEverything()
				|| user.hasRole(Role.ACCOUNT_MANAGER) && account.ownerId() != null && account.ownerId() == user.id();
	}

	/** Who sees resolution-within-SLA figures: the people who are measured by them. */
	boolean canSeePerformance(CurrentUser user) {
		return user.seesEverything() || user.hasRole(Role.ACCOUNT_MANAGER);
	}

	void requirePerformance(CurrentUser user) {
		require(canSeePerformance(user),
				"Only account managers, sales directors, executives and admins see SLA performance");
	}

	boolean canDelete(CurrentUser user) {
		return user.seesEverything();
	}

	static void require(boolean allowed, String message) {
		if (!allowed) {
			throw new AccessDeniedException(message);
		}
	}

	/**
	 * Null when the user sees every account, else the ids of the accounts whose team they
	 * are on.
	 */
	List<Long> visibleAccounts(CurrentUser user) {
		if (!user.hasRole(Role.RECRUITER)) {
			return null;
		}
		return accounts.exportable(user).stream().map(AccountSummary::id).toList();
	}

	List<FieldError> violations(Object form) {
		return constraints.violations(form);
	}

	static void throwIfAny(List<FieldError> errors) {
		FormConstraints.throwIfAny(errors);
	}

}
