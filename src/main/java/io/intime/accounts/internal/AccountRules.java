package io.intime.accounts.internal;

import io.intime.accounts.AccountAccess;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The permissions matrix of spec 03 for accounts, contacts and contracts:
 * <ul>
 * <li>executives, sales directors and admins view and change everything;</li>
 * <li>account managers view all accounts, edit the ones they own, never create or delete
 * accounts; create and edit contacts at any account and export the contacts of every
 * account ("Contacts: ✅ view at accounts, create, edit, export"); see the contracts of
 * the accounts they own and may change only a contract's status, but never execute one
 * (move it to ACTIVE: "Execute Contracts ❌ Legal/Sales Director only"); export only the
 * accounts they own;</li>
 * <li>legal creates and edits contracts; finance and legal see all contracts;</li>
 * <li>contracts are executed (made ACTIVE, or created ACTIVE) by legal, sales directors
 * and executives (whom the sales director reports to) only: admins configure the system
 * and do not sign for the firm;</li>
 * <li>an account's health (the score on the lists and the header, the health page, its
 * history and alerts) is seen by account managers at the accounts they own only ("Client
 * Health Scores ✅ Assigned"), and by everyone else who sees the account;</li>
 * <li>recruiters see only the accounts whose team they are on;</li>
 * <li>only executives set the tier override and the strategic flag.</li>
 * </ul>
 */
@Component
public class AccountRules {

	private final Accounts accounts;

	public AccountRules(Accounts accounts) {
		this.accounts = accounts;
	}

	boolean canView(CurrentUser user, Account account) {
		if (user.hasRole(Role.RECRUITER)) {
			return accounts.isTeamMember(account.id(), user.id());
		}
		return true;
	}

	/**
	 * Whether the user sees the account's health: account managers at the accounts they
	 * own only.
	 */
	boolean canViewHealth(CurrentUser user, Account account) {
		if (user.hasRole(Role.ACCOUNT_MANAGER)) {
			return owns(user, account.ownerId());
		}
		return canView(user, account);
	}

	/**
	 * Whether the user sees the health of accounts owned by {@code ownerId} (null: no
	 * owner), on a list.
	 */
	public static boolean seesHealthOf(CurrentUser user, Long ownerId) {
		return !user.hasRole(Role.ACCOUNT_MANAGER) || owns(user, ownerId);
	}

	/**
	 * Whether the user signs contracts for the firm: moves a contract to ACTIVE or
	 * creates one ACTIVE.
	 */
	boolean canExecuteContracts(CurrentUser user) {
		return user.hasRole(Role.LEGAL, Role.SALES_DIRECTOR, Role.EXECUTIVE);
	}

	/**
	 * Whose accounts the user exports: null for every account they see (contacts are
	 * exported at every account seen), else the owner whose accounts only (account
	 * managers export only the accounts they own).
	 */
	public static Long accountExportOwner(CurrentUser user) {
		return user.hasRole(Role.ACCOUNT_MANAGER) ? user.id() : null;
	}

	private static boolean owns(CurrentUser user, Long ownerId) {
		return user.hasRole(Role.ACCOUNT_MANAGER) && ownerId != null && ownerId == user.id();
	}

	public AccountAccess access(CurrentUser user, Account account) {
		boolean all = user.seesEverything();
		boolean owner = owns(user, account.ownerId());
		boolean contractEditor = all || user.hasRole(Role.LEGAL);
		return new AccountAccess(all || owner, all, user.hasRole(Role.EXECUTIVE), all, canEditContacts(user), all,
				all || owner || user.hasRole(Role.FINANCE, Role.LEGAL), contractEditor, contractEditor || owner,
				all || owner || user.hasRole(Role.FINANCE, Role.LEGAL, Role.RECRUITING_MANAGER, Role.RECRUITER),
				canViewHealth(user, account), canExecuteContracts(user));
	}

	public boolean canCreateAccounts(CurrentUser user) {
		return user.seesEverything();
	}

	/**
	 * Who sees archived accounts in the list (its "Archived" filter) and restores them:
	 * executives and admins. Archiving is the account delete permission
	 * ({@link AccountAccess#delete()}).
	 */
	public boolean canRestore(CurrentUser user) {
		return user.hasRole(Role.EXECUTIVE, Role.ADMIN);
	}

	/** Purging an archived account, the only real delete: admins only. */
	public boolean canPurge(CurrentUser user) {
		return user.hasRole(Role.ADMIN);
	}

	/**
	 * Contacts are created and edited by account managers at any account they see, and by
	 * all who see everything.
	 */
	public boolean canEditContacts(CurrentUser user) {
		return user.seesEverything() || user.hasRole(Role.ACCOUNT_MANAGER);
	}

	boolean canEditAnyContract(CurrentUser user) {
		return user.seesEverything() || user.hasRole(Role.LEGAL);
	}

	/**
	 * Which contracts a user sees in lists: all, or only those of accounts they own
	 * (AMs).
	 */
	public ContractScope contractScope(CurrentUser user) {
		if (user.seesEverything() || user.hasRole(Role.FINANCE, Role.LEGAL)) {
			return ContractScope.ALL;
		}
		return user.hasRole(Role.ACCOUNT_MANAGER) ? ContractScope.OWNED : ContractScope.NONE;
	}

	public enum ContractScope {

		ALL, OWNED, NONE

	}

	public void requireView(CurrentUser user, Account account) {
		if (!canView(user, account)) {
			throw new AccessDeniedException("You are not on the team of account " + account.key());
		}
	}

	public static void require(boolean allowed, String message) {
		if (!allowed) {
			throw new AccessDeniedException(message);
		}
	}

}
