package io.intime.staffing;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with staffing records. Whoever may see an account sees its jobs and
 * placements (recruiters only the accounts whose team they are on, which
 * {@link AccountManagement#get} enforces). Following spec 03's permissions matrix (Jobs:
 * view at accounts, no create, edit or delete; job posting is the recruiter's), account
 * managers, owners or not, only view jobs and placements. Jobs and placements are created
 * and changed (and submissions recorded) by executives, sales directors and admins
 * everywhere, and by recruiters and recruiting managers at the accounts whose team they
 * are on; they are deleted by executives, sales directors, admins and the account's
 * recruiting manager (everyone else cancels a job or records a falloff, which keeps the
 * history). Recruiter profiles are managed by recruiting managers, executives and admins,
 * and read by everyone.
 */
@Component
class StaffingRules {

	private final AccountManagement accounts;

	StaffingRules(AccountManagement accounts) {
		this.accounts = accounts;
	}

	/**
	 * Everyone who sees an account sees its jobs and placements ("Jobs, Submissions: ✅
	 * view at accounts").
	 */
	boolean canView(AccountDetails account, CurrentUser user) {
		return true;
	}

	StaffingAccess access(AccountDetails account, CurrentUser user) {
		if (user.seesEverything()) {
			return new StaffingAccess(true, true);
		}
		boolean onTeam = user.hasRole(Role.RECRUITER, Role.RECRUITING_MANAGER)
				&& accounts.team(account.id()).stream().anyMatch(member -> member.userId() == user.id());
		return new StaffingAccess(onTeam, onTeam && user.hasRole(Role.RECRUITING_MANAGER));
	}

	boolean canManageRecruiters(CurrentUser user) {
		return user.hasRole(Role.RECRUITING_MANAGER, Role.EXECUTIVE, Role.ADMIN);
	}

	static void require(boolean allowed, String message) {
		if (!allowed) {
			throw new AccessDeniedException(message);
		}
	}

}
