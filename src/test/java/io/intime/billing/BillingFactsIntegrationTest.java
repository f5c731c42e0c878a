package io.intime.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.AccountTimeline;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.TimelineEntry;
import io.intime.shared.database.AccountScope;
import io.intime.shared.web.MoneyInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BillingFacts} as of any day over invoices made through
 * {@link InvoiceManagement}: the 365-day window, invoices paid later counting as unpaid
 * before their payment, write-offs from their own day, several accounts in one statement;
 * and the invoices on the account timeline.
 */
@IntegrationTest
class BillingFactsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	BillingFacts facts;

	@Autowired
	AccountTimeline timeline;

	AccountFixtures fixtures;

	CurrentUser finance;

	final LocalDate t = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		finance = fixtures.user(Role.FINANCE);
	}

	@Test
	void averagesDaysToPayOverTheWindowAsOfAnyDayForSeveralAccountsAtOnce() {
		AccountDetails a = fixtures.account(null);
		AccountDetails b = fixtures.account(null);
		AccountDetails none = fixtures.account(null);
		invoice(a, "I1", 100, 70, 80);
		InvoiceView i2 = invoice(a, "I2", 50, 20, null);
		invoice(a, "I3", 10, -20, null);
		invoice(a, "I4", 400, 370, 300);
		InvoiceView i5 = invoice(a, "I5", 60, 30, 5);
		InvoiceView i6 = invoice(b, "I6", 90, 60, null);
		invoices.writeOff(i6.id(), i6.stamp().version(), finance);
		AccountScope scope = AccountScope.of(List.of(a.id(), b.id(), none.id()));

		Map<Long, PaymentFacts> today = facts.payment(t, 365, scope);
		assertThat(today).containsOnlyKeys(a.id(), b.id());
		PaymentFacts aToday = today.get(a.id());
		assertThat(aToday.invoicesMeasured()).as("I1, I2 (unpaid, past due) and I5; not I3 (not due) nor I4 (too old)")
			.isEqualTo(3);
		assertThat(aToday.averageDaysToPay()).isEqualByComparingTo("41.7"); // (20 + 50 +
																			// 55) / 3
		assertThat(aToday.maxDaysOverdue()).isEqualTo(20);
		assertThat(aToday.mostOverdueNumber()).isEqualTo(i2.number());
		assertThat(aToday.mostOverdueId()).isEqualTo(i2.id());
		assertThat(aToday.writtenOff()).isFalse();

		PaymentFacts tenDaysAgo = facts.payment(t.minusDays(10), 365, scope).get(a.id());
		assertThat(tenDaysAgo.averageDaysToPay()).as("I5 was still unpaid then, 50 days old")
			.isEqualByComparingTo("36.7");
		assertThat(tenDaysAgo.maxDaysOverdue()).isEqualTo(20);
		assertThat(tenDaysAgo.mostOverdueNumber()).isEqualTo(i5.number());

		PaymentFacts earlier = facts.payment(t.minusDays(45), 365, scope).get(a.id());
		assertThat(earlier.invoicesMeasured()).as("I1 and I4, whose window it still was").isEqualTo(2);
		assertThat(earlier.averageDaysToPay()).isEqualByComparingTo("60.0");
		assertThat(earlier.maxDaysOverdue()).isZero();
		assertThat(earlier.mostOverdueNumber()).isNull();

		PaymentFacts bToday = today.get(b.id());
		assertThat(bToday.writtenOff()).isTrue();
		assertThat(bToday.maxDaysOverdue()).as("a written-off invoice is no longer overdue").isZero();
		PaymentFacts bYesterday = facts.payment(t.minusDays(1), 365, scope).get(b.id());
		assertThat(bYesterday.writtenOff()).as("written off today, not yesterday").isFalse();
		assertThat(bYesterday.maxDaysOverdue()).isEqualTo(59);

		assertThat(facts.payment(t, 365, AccountScope.of(List.of()))).isEmpty();
		assertThat(facts.payment(t, 365, AccountScope.all())).containsKeys(a.id(), b.id()).doesNotContainKey(none.id());
	}

	@Test
	void theAccountSummaryTotalsUnpaidAndOverduePerCurrency() {
		AccountDetails account = fixtures.account(null);
		invoice(account, "S1", 50, 20, null);
		invoice(account, "S2", 10, -20, null);
		invoices.create(account.id(), new InvoiceForm(AccountFixtures.unique("S3"), t.minusDays(40), t.minusDays(10),
				new MoneyInput(new BigDecimal("300"), "EUR"), InvoiceStatus.OPEN, null, null), finance);
		invoice(account, "S4", 70, 40, 30);

		InvoiceSummary summary = invoices.summary(account.id(), finance);
		assertThat(summary.unpaidCount()).isEqualTo(3);
		assertThat(summary.unpaid()).extracting(m -> m.amount() + " " + m.currency())
			.containsExactly("300.00 EUR", "2000.00 USD");
		assertThat(summary.overdueCount()).isEqualTo(2);
		assertThat(summary.overdue()).extracting(m -> m.amount() + " " + m.currency())
			.containsExactly("300.00 EUR", "1000.00 USD");
		assertThat(summary.maxDaysOverdue()).isEqualTo(20);
		assertThat(summary.averageDaysToPay()).isEqualByComparingTo("43.3"); // (50 + 40 +
																				// 40) / 3
	}

	@Test
	void invoicesArePaidAndOverdueOnTheAccountTimelineNewestFirst() {
		AccountDetails account = fixtures.account(null);
		InvoiceView paid = invoice(account, "T1", 100, 70, 66);
		InvoiceView late = invoice(account, "T2", 50, 20, null);
		InvoiceView disputed = invoice(account, "T3", 40, 10, null);
		invoices.dispute(disputed.id(), "Rate billed above the MSA", disputed.stamp().version(), finance);

		List<TimelineEntry> entries = timeline.of(account.id(), TestClock.now().minus(120, ChronoUnit.DAYS), 50,
				finance);

		assertThat(entries).extracting(TimelineEntry::title)
			.containsExactly("Invoice " + disputed.number() + " disputed", "Invoice " + late.number() + " overdue",
					"Invoice " + paid.number() + " paid (34 days)");
		assertThat(entries).extracting(TimelineEntry::tone).containsExactly("negative", "negative", "neutral");
		assertThat(entries.get(1).href()).isEqualTo("/accounts/" + account.id() + "/invoices#invoice-" + late.id());
		assertThat(entries.get(1).detail()).contains("20 days overdue");
		assertThat(entries.get(2).detail()).contains("4 days after the due date");
		assertThat(timeline.of(account.id(), TestClock.now().minus(30, ChronoUnit.DAYS), 50, finance))
			.extracting(TimelineEntry::kind)
			.containsExactly("invoice.disputed", "invoice.overdue");
	}

	/**
	 * An invoice of 1,000 USD issued {@code issuedAgo} days ago, due {@code dueAgo} days
	 * ago, paid {@code paidAgo} days ago (null: unpaid).
	 */
	private InvoiceView invoice(AccountDetails account, String name, int issuedAgo, int dueAgo, Integer paidAgo) {
		return invoices.create(account.id(),
				new InvoiceForm(AccountFixtures.unique(name), t.minusDays(issuedAgo), t.minusDays(dueAgo),
						new MoneyInput(new BigDecimal("1000"), null),
						paidAgo == null ? InvoiceStatus.OPEN : InvoiceStatus.PAID,
						paidAgo == null ? null : t.minusDays(paidAgo), null),
				finance);
	}

}
