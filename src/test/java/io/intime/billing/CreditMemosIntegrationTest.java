package io.intime.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.web.MoneyInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credit memos on real PostgreSQL: numbered per year, never more than the invoice,
 * lowering what is owed (credits and adjustments) or paying back (refunds of paid
 * invoices), audited and published, issued once per source, shown with their invoice.
 */
@IntegrationTest
@RecordApplicationEvents
class CreditMemosIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	CreditMemos memos;

	@Autowired
	ApplicationEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	AccountFixtures fixtures;

	CurrentUser finance;

	CurrentUser am;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		finance = fixtures.user(Role.FINANCE);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
	}

	@Test
	void aCreditLowersWhatIsOwedAndIsNumberedAuditedAndPublished() {
		AccountDetails account = fixtures.account(am);
		InvoiceView invoice = invoice(account, "12000.00", null);

		CreditMemoView credit = memos.issue(invoice.id(), CreditMemoKind.CREDIT, Money.of("2400.00", "USD"),
				"Duplicate charge for week 42", null, finance);
		CreditMemoView adjustment = memos.issue(invoice.id(), CreditMemoKind.ADJUSTMENT, Money.of("600", "USD"),
				"Rate card price for the QA roles", null, finance);

		int year = TestClock.now().atZone(java.time.ZoneOffset.UTC).getYear();
		assertThat(credit.number()).matches("CM-" + year + "-\\d{4}");
		assertThat(Integer.parseInt(adjustment.number().substring(8)))
			.isGreaterThan(Integer.parseInt(credit.number().substring(8)));
		assertThat(memos.balance(invoice.id(), am).amount()).isEqualByComparingTo("9000.00");
		assertThat(invoices.summary(account.id(), am).unpaid()).singleElement()
			.satisfies(m -> assertThat(m.amount()).isEqualByComparingTo("9000.00"));
		assertThat(memos.forInvoice(invoice.id(), am)).extracting(CreditMemoView::number)
			.containsExactly(credit.number(), adjustment.number());
		assertThat(events.stream(CreditMemoIssued.class)).hasSize(2)
			.first()
			.satisfies(e -> assertThat(e.balance()).isEqualByComparingTo("9600.00"));
		assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'credit_memo' and entity_id = :id")
			.param("id", credit.id())
			.query(Long.class)
			.single()).isPositive();

		assertThat(mvc.get().uri("/accounts/{a}/invoices", account.id()).with(as(am))).bodyText()
			.contains(credit.number(), "Credit of $2,400.00", "Duplicate charge for week 42", "$9,000.00 owed");
		JsonNode api = body(mvc.get().uri("/api/v1/invoices/{id}/credit-memos", invoice.id()).with(as(am)).exchange());
		assertThat(api.get("items")).hasSize(2);
		assertThat(api.get("balance").get("amount").asString()).isEqualTo("9000.00");
	}

	@Test
	void refusesMoreThanTheInvoiceARefundOfAnUnpaidInvoiceAndAnyoneButFinance() {
		AccountDetails account = fixtures.account(am);
		InvoiceView unpaid = invoice(account, "1000.00", null);
		memos.issue(unpaid.id(), CreditMemoKind.CREDIT, Money.of("800", "USD"), "SLA breach in May", null, finance);

		assertThatThrownBy(
				() -> memos.issue(unpaid.id(), CreditMemoKind.CREDIT, Money.of("300", "USD"), "More", null, finance))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("amount")
			.hasMessageContaining("$200");
		assertThatThrownBy(
				() -> memos.issue(unpaid.id(), CreditMemoKind.REFUND, Money.of("100", "USD"), "Refund", null, finance))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("kind");
		assertThatThrownBy(
				() -> memos.issue(unpaid.id(), CreditMemoKind.CREDIT, Money.of("100", "EUR"), "Credit", null, finance))
			.hasMessageContaining("currency");
		assertThatThrownBy(
				() -> memos.issue(unpaid.id(), CreditMemoKind.CREDIT, Money.of("100", "USD"), " ", null, finance))
			.hasMessageContaining("reason");
		assertThatThrownBy(
				() -> memos.issue(unpaid.id(), CreditMemoKind.CREDIT, Money.of("100", "USD"), "Credit", null, am))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> invoices.delete(unpaid.id(), finance)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("credit memos");

		InvoiceView paid = invoice(account, "500.00", today.minusDays(2));
		CreditMemoView refund = memos.issue(paid.id(), CreditMemoKind.REFUND, Money.of("500", "USD"),
				"Unused licenses after the downgrade", null, finance);
		assertThat(refund.kind()).isEqualTo(CreditMemoKind.REFUND);
		assertThat(memos.balance(paid.id(), finance).amount()).isEqualByComparingTo("0");
	}

	@Test
	void aSecondIssueFromTheSameSourceReturnsTheFirstMemo() {
		AccountDetails account = fixtures.account(am);
		InvoiceView invoice = invoice(account, "3000.00", null);
		String source = AccountFixtures.unique("workflow-run");

		CreditMemoView first = memos.issue(invoice.id(), CreditMemoKind.ADJUSTMENT, Money.of("250", "USD"),
				"Pricing error", source, finance);
		CreditMemoView again = memos.issue(invoice.id(), CreditMemoKind.ADJUSTMENT, Money.of("250", "USD"),
				"Pricing error", source, finance);

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(memos.forInvoice(invoice.id(), finance)).hasSize(1);
		assertThat(memos.balance(invoice.id(), finance).amount()).isEqualByComparingTo(new BigDecimal("2750"));
	}

	private InvoiceView invoice(AccountDetails account, String amount, LocalDate paidOn) {
		return invoices.create(account.id(),
				new InvoiceForm(AccountFixtures.unique("INV"), today.minusDays(20), today.plusDays(10),
						new MoneyInput(new BigDecimal(amount), "USD"),
						paidOn == null ? InvoiceStatus.OPEN : InvoiceStatus.PAID, paidOn, null),
				finance);
	}

}
