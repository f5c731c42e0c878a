package io.intime.tasks;

import java.util.List;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSummary;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.FieldError;
import io.intime.shared.FormConstraints;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Spec 03's row "Activities (Tasks/Meetings): view assigned, create, edit own, delete
 * own" on top of who may see the account. Everyone sees the tasks assigned to them and
 * those they created. At an account: account managers see, create, change and delete the
 * tasks of the accounts they own (not of other managers' accounts); recruiting managers,
 * recruiters (on the account's team), finance and legal see its tasks and create their
 * own; executives, sales directors and admins see and change every task. A task's creator
 * and assignee change it; its creator deletes it.
 */
@Component
class TaskRules {

	private final AccountManagement accounts;

	private final FormConstraints constraints;

	TaskRules(AccountManagement accounts, FormConstraints constraints) {
		this.accounts = accounts;
		this.constraints = constraints;
	}

	/** Whether the user may create tasks at an account they see (owned by ownerId). */
	boolean canCreateAt(CurrentUser user, Long ownerId) {
		return !user.hasRole(Role.ACCOUNT_MANAGER) || ownerId != null && ownerId == user.id();
	}

	/**
	 * Whether the user sees the account's tasks besides their own (they see the account).
	 */
	boolean seesAccountTasks(CurrentUser user, Long ownerId) {
		return canCreateAt(user, ownerId);
	}

	boolean own(CurrentUser user, TaskView task) {
		return task.assigneeId() == user.id() || task.createdById() != null && task.createdById() == user.id();
	}

	/** Whether the user changes the task (completes, snoozes, reassigns, edits). */
	boolean canChange(CurrentUser user, TaskView task, Long accountOwnerId) {
		return own(user, task) || user.seesEverything()
				|| user.hasRole(Role.ACCOUNT_MANAGER) && accountOwnerId != null && accountOwnerId == user.id();
	}

	boolean canDelete(CurrentUser user, TaskView task, Long accountOwnerId) {
		return task.createdById() != null && task.createdById() == user.id() || user.seesEverything()
				|| user.hasRole(Role.ACCOUNT_MANAGER) && accountOwnerId != null && accountOwnerId == user.id();
	}

	/**
	 * The accounts whose tasks the user sees besides their own: null for every account,
	 * else their ids (account managers: those they own; recruiters: those whose team they
	 * are on).
	 */
	List<Long> visibleAccounts(CurrentUser user) {
		if (!user.hasRole(Role.ACCOUNT_MANAGER, Role.RECRUITER)) {
			return null;
		}
		return accounts.exportable(user).stream().map(AccountSummary::id).toList();
	}

	static void require(boolean allowed, String message) {
		if (!allowed) {
			throw new AccessDeniedException(message);
		}
	}

	List<FieldError> violations(Object form) {
		return constraints.violations(form);
	}

	static void throwIfAny(List<FieldError> errors) {
		FormConstraints.throwIfAny(errors);
	}

}
