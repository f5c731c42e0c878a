package io.intime.accounts;

import java.time.LocalDate;

import io.intime.identity.CurrentUser;

/** Accounts and contacts for integration tests, created through the facades. */
public final class ImportFixtures {

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	public ImportFixtures(AccountManagement accounts, ContactManagement contacts) {
		this.accounts = accounts;
		this.contacts = contacts;
	}

	/** A plain active account; {@code creator} must be allowed to create accounts. */
	public AccountDetails account(String name, Long ownerId, CurrentUser creator) {
		return accounts.create(new AccountForm(name, "Technology", 250, "Austin, TX", "America/Chicago",
				AccountStatus.ACTIVE, null, false, LocalDate.of(2023, 4, 1), ownerId, null, "USD", "North America"),
				creator);
	}

	public AccountDetails account(AccountForm form, CurrentUser creator) {
		return accounts.create(form, creator);
	}

	public ContactView contact(long accountId, String name, String email, CurrentUser creator) {
		return contacts.create(accountId, new ContactForm(name, "VP Talent", email, "+1 512 555 0100",
				"America/Chicago", StakeholderRole.CHAMPION, Influence.HIGH, true), creator);
	}

}
