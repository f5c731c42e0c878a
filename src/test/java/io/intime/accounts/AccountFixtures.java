package io.intime.accounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;

import org.springframework.context.ApplicationContext;

/**
 * Users, accounts, contacts and contracts for integration tests, made through the public
 * facades. Every name is unique, because all integration test classes share one database.
 */
public final class AccountFixtures {

	/** The password of every user made here (HTTP Basic in tests). */
	public static final String PASSWORD = "fixture-password-1";

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final UserDirectory users;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ContractManagement contracts;

	private CurrentUser executive;

	public AccountFixtures(ApplicationContext context) {
		this.users = context.getBean(UserDirectory.class);
		this.accounts = context.getBean(AccountManagement.class);
		this.contacts = context.getBean(ContactManagement.class);
		this.contracts = context.getBean(ContractManagement.class);
	}

	/** A name no other test uses, e.g. {@code Acme-3f9a1c-17}. */
	public static String unique(String prefix) {
		return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
	}

	/** A new user with the role, signed in as far as the facades are concerned. */
	public CurrentUser user(Role role) {
		String username = unique(role.name().toLowerCase().replace('_', '.'));
		UserSummary user = users.ensure(username, "Test " + username, username + "@intime.example", role.label(), role,
				"America/New_York", PASSWORD);
		return new CurrentUser(user.id(), user.username(), user.fullName(), user.role(), ZoneId.of(user.timeZone()));
	}

	/** The executive that creates this fixture's records. */
	public CurrentUser executive() {
		if (executive == null) {
			executive = user(Role.EXECUTIVE);
		}
		return executive;
	}

	/**
	 * A valid form for an ACTIVE account billed in {@code currency}, owned by
	 * {@code ownerId} (may be null).
	 */
	public static AccountForm accountForm(String name, Long ownerId, String currency) {
		return new AccountForm(name, "Technology", 1200, "Austin, TX", "America/Chicago", AccountStatus.ACTIVE, null,
				false, LocalDate.of(2021, 3, 1), ownerId, null, currency, "North America");
	}

	public AccountDetails account(CurrentUser owner) {
		return account(owner, "USD");
	}

	public AccountDetails account(CurrentUser owner, String currency) {
		return accounts.create(accountForm(unique("Account"), owner == null ? null : owner.id(), currency),
				executive());
	}

	/**
	 * A strategic account owned by {@code owner} with {@code sponsor} as its executive
	 * sponsor.
	 */
	public AccountDetails strategicAccount(CurrentUser owner, CurrentUser sponsor) {
		return accounts.create(new AccountForm(unique("Strategic"), "Technology", 5000, "Austin, TX", "America/Chicago",
				AccountStatus.ACTIVE, null, true, LocalDate.of(2021, 3, 1), owner.id(), sponsor.id(), "USD",
				"North America"), executive());
	}

	public void onTeam(AccountDetails account, CurrentUser member) {
		accounts.addTeamMember(account.id(), member.id(), "Dedicated Recruiter", executive());
	}

	public static ContactForm contactForm(String name, String email) {
		return new ContactForm(name, "VP Engineering", email, "+1 512 555 0100", "America/Chicago",
				StakeholderRole.CHAMPION, Influence.HIGH, true);
	}

	public ContactView contact(AccountDetails account) {
		String name = unique("Contact");
		return contacts.create(account.id(), contactForm(name, name.toLowerCase() + "@client.example"), executive());
	}

	/** A one-year contract with one service line per amount. */
	public static ContractForm contractForm(String number, ContractStatus status, String currency, String... amounts) {
		List<ServiceLineForm> lines = Arrays.stream(amounts)
			.map(amount -> new ServiceLineForm("Service " + amount, new BigDecimal(amount)))
			.toList();
		return new ContractForm(ContractType.MSA, number, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), status,
				"Net 30", currency, lines);
	}

	public ContractView contract(AccountDetails account, ContractStatus status, String currency, String... amounts) {
		return contracts.create(account.id(), contractForm(unique("C"), status, currency, amounts), executive());
	}

	public AccountDetails reload(AccountDetails account) {
		return accounts.get(account.id(), executive());
	}

}
