package io.intime.accounts.web;

import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContractManagement;
import io.intime.identity.CurrentUser;
import io.intime.identity.HistoryAccess;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read the history of accounts, contacts and contracts through the audit and
 * event endpoints:
 * <ul>
 * <li>executives, sales directors and admins: every record, also of every record of a
 * type at once and of records since deleted;</li>
 * <li>anyone else: the audit trail of one record they may read now (an account or contact
 * they may see, a contract whose account's contracts they may see);</li>
 * <li>the events of an account: those who may see the account's contracts (its owner,
 * finance, legal), because the events carry the contracts' terms and values.</li>
 * </ul>
 */
@Component
class AccountHistoryAccess implements HistoryAccess {

	private static final Set<String> TYPES = Set.of("account", "contact", "contract");

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ContractManagement contracts;

	AccountHistoryAccess(AccountManagement accounts, ContactManagement contacts, ContractManagement contracts) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.contracts = contracts;
	}

	@Override
	public boolean owns(String entityType) {
		return TYPES.contains(entityType);
	}

	@Override
	public void checkAudit(String entityType, Long entityId, CurrentUser user) {
		if (user.seesEverything()) {
			return;
		}
		if (entityId == null) {
			throw new AccessDeniedException("Only executives, sales directors and admins read the audit trail of every "
					+ entityType + " at once; give entityId");
		}
		switch (entityType) {
			case "account" -> accounts.get(entityId, user);
			case "contact" -> contacts.get(entityId, user);
			case "contract" -> contracts.get(entityId, user);
			default -> throw new IllegalArgumentException("Not an accounts record: " + entityType);
		}
	}

	@Override
	public void checkAccountEvents(long accountId, CurrentUser user) {
		if (user.seesEverything()) {
			return;
		}
		AccountDetails account = accounts.get(accountId, user);
		if (!account.access().viewContracts()) {
			throw new AccessDeniedException("The events of account " + account.key() + " carry its contracts; they are "
					+ "read by its owner, executives, sales directors, finance and legal");
		}
	}

}
