package io.intime.accounts.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ContractView;
import io.intime.accounts.Influence;
import io.intime.accounts.ServiceLineForm;
import io.intime.accounts.StakeholderRole;
import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Users, accounts, contacts and contracts for page tests, each with a unique name so that
 * tests sharing one database never see each other's records. Records are made through the
 * facades, as an executive unless said otherwise.
 */
class AccountFixtures {

	static final String PASSWORD = "page-test-secret";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

	private final UserDirectory users;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ContractManagement contracts;

	private CurrentUser executive;

	AccountFixtures(UserDirectory users, AccountManagement accounts, ContactManagement contacts,
			ContractManagement contracts) {
		this.users = users;
		this.accounts = accounts;
		this.contacts = contacts;
		this.contracts = contracts;
	}

	/** A unique word for names, e.g. "Q7k3x12". */
	static String unique(String prefix) {
		return prefix + RUN + SEQUENCE.incrementAndGet();
	}

	CurrentUser user(Role role) {
		String username = unique(role.name().toLowerCase().replace('_', '-') + "-");
		UserSummary user = users.ensure(username, "Test " + role.label() + " " + SEQUENCE.get(),
				username + "@intime.test", role.label(), role, "America/New_York", PASSWORD);
		return new CurrentUser(user.id(), user.username(), user.fullName(), role, ZoneId.of(user.timeZone()));
	}

	CurrentUser executive() {
		if (executive == null) {
			executive = user(Role.EXECUTIVE);
		}
		return executive;
	}

	static RequestPostProcessor as(CurrentUser user) {
		// with a CSRF token, as a browser's form carries one (page posts need it; the API
		// ignores it)
		RequestPostProcessor basic = httpBasic(user.username(), PASSWORD);
		return request -> csrf().postProcessRequest(basic.postProcessRequest(request));
	}

	AccountBuilder account(String name) {
		return new AccountBuilder(name);
	}

	ContactView contact(AccountDetails account, String name, String email) {
		return contacts.create(account.id(), new ContactForm(name, "VP Engineering", email, "+1 415 555 0100",
				"America/Los_Angeles", StakeholderRole.CHAMPION, Influence.HIGH, true), executive());
	}

	ContractView contract(AccountDetails account, String number, ContractStatus status, String... annualValues) {
		List<ServiceLineForm> lines = new ArrayList<>();
		for (int i = 0; i < annualValues.length; i++) {
			lines.add(new ServiceLineForm("Service line " + (i + 1), new BigDecimal(annualValues[i])));
		}
		LocalDate start = TestClock.today().minusMonths(6);
		return contracts.create(account.id(), new ContractForm(ContractType.MSA, number, start,
				start.plusYears(1).minusDays(1), status, "Net 30", account.billingCurrency(), lines), executive());
	}

	final class AccountBuilder {

		private final String name;

		private Long ownerId;

		private Long sponsorId;

		private Tier tierOverride;

		private boolean strategic;

		private Integer employees = 250;

		private AccountStatus status = AccountStatus.ACTIVE;

		private AccountBuilder(String name) {
			this.name = name;
		}

		AccountBuilder ownedBy(CurrentUser owner) {
			this.ownerId = owner.id();
			return this;
		}

		AccountBuilder sponsoredBy(CurrentUser sponsor) {
			this.sponsorId = sponsor.id();
			return this;
		}

		AccountBuilder tier(Tier tier) {
			this.tierOverride = tier;
			return this;
		}

		AccountBuilder strategic() {
			this.strategic = true;
			return this;
		}

		AccountBuilder employees(Integer employees) {
			this.employees = employees;
			return this;
		}

		AccountBuilder status(AccountStatus status) {
			this.status = status;
			return this;
		}

		AccountDetails create() {
			return accounts.create(new AccountForm(name, "Technology / SaaS", employees, "San Francisco, CA",
					"America/Los_Angeles", status, tierOverride, strategic,
					TestClock.today().minusMonths(46).minusDays(5), ownerId, sponsorId, "USD", "North America"),
					executive());
		}

	}

}
