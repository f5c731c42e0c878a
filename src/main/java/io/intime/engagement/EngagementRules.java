package io.intime.engagement;

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
 * Spec 03's permissions matrix for engagement records, on top of who may see the account
 * ({@link AccountManagement#get}): account managers see, log and record the activities
 * and NPS responses of the accounts they own only ("Activities: ✅ view assigned");
 * everyone else who sees an account sees its activities and NPS responses and may log
 * activities there; an activity is changed or removed by whoever logged it, or by
 * executives, sales directors and admins ("Activities: edit own, delete own"); NPS
 * responses ("Issue client surveys") are recorded and corrected by account managers,
 * executives, sales directors and admins, and removed only by the latter three.
 */
@Component
class EngagementRules {

	private final AccountManagement accounts;

	private final FormConstraints constraints;

	EngagementRules(AccountManagement accounts, FormConstraints constraints) {
		this.accounts = accounts;
		this.constraints = constraints;
	}

	/**
	 * Whether the user sees the account's activities and NPS responses (and so may act on
	 * them).
	 */
	boolean canView(CurrentUser user, AccountDetails account) {
		if (user.hasRole(Role.ACCOUNT_MANAGER)) {
			return account.ownerId() != null && account.ownerId() == user.id();
		}
		return true;
	}

	/**
	 * The account, when the user may see its engagement records.
	 * @throws io.intime.shared.NotFoundException when there is no such account
	 * @throws AccessDeniedException when the user may not see the account or its
	 * engagement records
	 */
	AccountDetails account(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		require(canView(user, account), "Account managers see the activities of the accounts they own only");
		return account;
	}

	/**
	 * Of these accounts (which the user may see), those whose engagement records the user
	 * may see too, in one statement.
	 */
	List<Long> viewable(java.util.Collection<Long> accountIds, CurrentUser user) {
		if (!user.hasRole(Role.ACCOUNT_MANAGER) || accountIds.isEmpty()) {
			return List.copyOf(accountIds);
		}
		return accounts.stewards(accountIds)
			.values()
			.stream()
			.filter(s -> s.ownerId() != null && s.ownerId() == user.id())
			.map(AccountManagement.Stewards::accountId)
			.toList();
	}

	boolean canChangeActivity(CurrentUser user, String loggedBy) {
		return user.seesEverything() || user.username().equals(loggedBy);
	}

	boolean canRecordNps(CurrentUser user) {
		return user.seesEverything() || user.hasRole(Role.ACCOUNT_MANAGER);
	}

	boolean canDeleteNps(CurrentUser user) {
		return user.seesEverything();
	}

	static void require(boolean allowed, String message) {
		if (!allowed) {
			throw new AccessDeniedException(message);
		}
	}

	/**
	 * The accounts whose records the user may list when no account is named: null for
	 * all, else the ids of the accounts whose team they are on (recruiters) or that they
	 * own (account managers).
	 */
	List<Long> visibleAccounts(CurrentUser user) {
		if (!user.hasRole(Role.RECRUITER, Role.ACCOUNT_MANAGER)) {
			return null;
		}
		return accounts.exportable(user).stream().map(AccountSummary::id).toList();
	}

	/**
	 * The form's constraint violations, one per field, named as the API and pages name
	 * the field.
	 */
	List<FieldError> violations(Object form) {
		return constraints.violations(form);
	}

	static void throwIfAny(List<FieldError> errors) {
		FormConstraints.throwIfAny(errors);
	}

}
