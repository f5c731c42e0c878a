package io.intime.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.DuplicateException;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.web.MoneyInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link InvoiceManagement#createAll}: an account's invoices imported at once, all or
 * none.
 */
@IntegrationTest
@RecordApplicationEvents
class InvoiceManagementIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	ApplicationEvents events;

	AccountFixtures fixtures;

	CurrentUser finance;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		finance = fixtures.user(Role.FINANCE);
	}

	@Test
	void importsAnAccountsInvoicesAtOnceAndPublishesEachAsCreatedByFinance() {
		AccountDetails account = fixtures.account(null, "GBP");
		events.clear();
		List<InvoiceView> created = invoices.createAll(account.id(),
				List.of(form(AccountFixtures.unique("B"), 60, InvoiceStatus.PAID, 25),
						form(AccountFixtures.unique("B"), 30, null, null)),
				finance);

		assertThat(created).hasSize(2);
		assertThat(created).extracting(i -> i.amount().currency()).containsOnly("GBP");
		assertThat(created.get(0).daysToPay()).isEqualTo(35);
		assertThat(invoices.forAccount(account.id(), finance)).hasSize(2);
		assertThat(events.stream(AccountFactChanged.class)).hasSize(2)
			.allMatch(e -> e instanceof InvoiceCreated invoice && invoice.accountId() == account.id()
					&& invoice.actor().equals(finance.actor()));
	}

	@Test
	void refusesTheWholeBatchNamingTheInvoiceAndField() {
		AccountDetails account = fixtures.account(null);
		String taken = AccountFixtures.unique("B");
		invoices.create(account.id(), form(taken, 10, null, null), finance);
		String repeated = AccountFixtures.unique("B");

		assertThatThrownBy(() -> invoices.createAll(account.id(),
				List.of(form(AccountFixtures.unique("B"), 10, null, null), form(repeated, 10, null, null),
						form(repeated.toLowerCase(), 10, null, null)),
				finance))
			.isInstanceOf(InvalidInputException.class)
			.extracting(e -> ((InvalidInputException) e).errors())
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly(new FieldError("[2].number", "Invoice " + repeated.toLowerCase() + " appears twice"));
		assertThatThrownBy(() -> invoices.createAll(account.id(),
				List.of(form(AccountFixtures.unique("B"), 10, null, null), form(taken, 10, null, null)), finance))
			.isInstanceOf(DuplicateException.class)
			.extracting(e -> ((InvalidInputException) e).errors().get(0).field())
			.isEqualTo("[1].number");
		assertThatThrownBy(() -> invoices.createAll(account.id(),
				List.of(form(AccountFixtures.unique("B"), 10, InvoiceStatus.PAID, null)), finance))
			.extracting(e -> ((InvalidInputException) e).errors().get(0).field())
			.isEqualTo("[0].paidOn");
		assertThatThrownBy(() -> invoices.createAll(account.id(),
				List.of(form(AccountFixtures.unique("B"), 10, null, null)), fixtures.executive()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(invoices.forAccount(account.id(), finance)).hasSize(1);
	}

	private InvoiceForm form(String number, int issuedAgo, InvoiceStatus status, Integer paidAgo) {
		return new InvoiceForm(number, today.minusDays(issuedAgo), today.minusDays(issuedAgo).plusDays(30),
				new MoneyInput(new BigDecimal("2500.00"), null), status,
				paidAgo == null ? null : today.minusDays(paidAgo), null);
	}

}
