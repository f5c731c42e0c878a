package io.intime.billing.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.billing.InvoiceForm;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceStatus;
import io.intime.billing.InvoiceView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.web.MoneyInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.intime.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Invoices tab of Account 360 and finance's invoice form. */
@IntegrationTest
class InvoicePagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	InvoiceManagement invoices;

	AccountFixtures fixtures;

	CurrentUser finance;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		finance = fixtures.user(Role.FINANCE);
	}

	@Test
	void theTabShowsTotalsAndEachInvoiceAnchoredWithOverdueOnesHighlighted() throws Exception {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(manager);
		InvoiceView late = invoice(account, 75, 45, null);
		InvoiceView paid = invoice(account, 60, 30, 20);

		Document tab = page(mvc.perform(get("/accounts/{id}/invoices", account.id()).with(as(manager)))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(tab.selectFirst("#tab-invoices").hasClass("active")).isTrue();
		assertThat(tab.selectFirst("#invoice-" + late.id()).hasClass("overdue")).isTrue();
		assertThat(tab.selectFirst("#invoice-" + late.id() + " .invoice-status").text()).isEqualTo("Overdue 45 days");
		assertThat(tab.selectFirst("#invoice-" + paid.id()).hasClass("overdue")).isFalse();
		assertThat(tab.selectFirst("#invoice-" + paid.id() + " .days-cell").text()).isEqualTo("40 to pay");
		assertThat(tab.selectFirst("#total-overdue").text()).isEqualTo("$1,000.00");
		assertThat(tab.selectFirst("#average-days-to-pay").text()).isEqualTo("57.5 days"); // (75
																							// +
																							// 40)
																							// /
																							// 2
		assertThat(tab.select("#new-invoice")).as("the manager does not create invoices").isEmpty();
		assertThat(tab.select("#invoice-" + late.id() + " .dispute-form")).hasSize(1);

		Document financeTab = page(
				mvc.perform(get("/accounts/{id}/invoices", account.id()).with(as(finance))).andReturn());
		assertThat(financeTab.select("#new-invoice")).hasSize(1);
		assertThat(page(
				mvc.perform(get("/accounts/{id}/invoices?status=PAID", account.id()).with(as(finance))).andReturn())
			.select("tr.invoice-row")).extracting(row -> row.id()).containsExactly("invoice-" + paid.id());
	}

	@Test
	void recruitersDoNotGetTheTab() throws Exception {
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		AccountDetails account = fixtures.account(null);
		fixtures.onTeam(account, recruiter);
		assertThat(page(mvc.perform(get("/accounts/{id}", account.id()).with(as(recruiter))).andReturn())
			.select("#tab-invoices")).isEmpty();
		mvc.perform(get("/accounts/{id}/invoices", account.id()).with(as(recruiter))).andExpect(status().isForbidden());
	}

	@Test
	void aWrongFieldIsShownBesideItAndTheInputIsKept() throws Exception {
		AccountDetails account = fixtures.account(null);
		String number = AccountFixtures.unique("INV");
		Document form = page(mvc
			.perform(post("/accounts/{id}/invoices/new", account.id()).with(as(finance))
				.param("number", number)
				.param("issueDate", "2026-03-10")
				.param("dueDate", "2026-03-01")
				.param("amount", "1200")
				.param("currency", "")
				.param("status", "OPEN")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(form.selectFirst("[data-field=dueDate]").hasClass("has-error")).isTrue();
		assertThat(form.selectFirst("[data-field=dueDate] .field-error").text())
			.isEqualTo("must be on or after the issue date (Mar 10, 2026)");
		assertThat(form.selectFirst("[data-field=number] input").attr("value")).isEqualTo(number);
		assertThat(form.selectFirst("[data-field=amount] input").attr("value")).isEqualTo("1200");

		Document typo = page(mvc
			.perform(post("/accounts/{id}/invoices/new", account.id()).with(as(finance))
				.param("number", number)
				.param("issueDate", "2026-03-10")
				.param("dueDate", "2026-04-09")
				.param("amount", "12OO")
				.param("status", "OPEN")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(typo.selectFirst("[data-field=amount] .field-error").text())
			.isEqualTo("'12OO' is not an amount (e.g. 85420 or 85420.50)");

		mvc.perform(post("/accounts/{id}/invoices/new", account.id()).with(as(finance))
			.param("number", number)
			.param("issueDate", "2026-03-10")
			.param("dueDate", "2026-04-09")
			.param("amount", "1200")
			.param("status", "OPEN")
			.param("version", "0")).andExpect(status().is3xxRedirection());
		assertThat(invoices.forAccount(account.id(), finance)).extracting(InvoiceView::number).containsExactly(number);
	}

	@Test
	void aStaleEditShowsBothChangesAndKeepsTheOtherPersonsChange() throws Exception {
		AccountDetails account = fixtures.account(null);
		InvoiceView invoice = invoice(account, 10, -20, null);
		InvoiceForm form = invoices.editable(invoice.id(), finance).form();
		invoices.update(invoice.id(),
				new InvoiceForm(form.number(), form.issueDate(), form.dueDate(),
						new MoneyInput(new BigDecimal("1500"), "USD"), form.status(), null, null),
				invoice.stamp().version(), finance);

		Document conflict = page(mvc
			.perform(post("/accounts/{id}/invoices/{iid}/edit", account.id(), invoice.id()).with(as(finance))
				.param("number", form.number())
				.param("issueDate", form.issueDate().toString())
				.param("dueDate", form.dueDate().plusDays(15).toString())
				.param("amount", "1000")
				.param("currency", "USD")
				.param("status", "OPEN")
				.param("version", String.valueOf(invoice.stamp().version())))
			.andExpect(status().isConflict())
			.andReturn());

		assertThat(conflict.selectFirst(".conflict").text())
			.contains("Someone else changed this while you were editing");
		assertThat(conflict.selectFirst("[data-conflict-field=amount] .theirs").text()).isEqualTo("1500");
		assertThat(conflict.selectFirst("[data-conflict-field=amount] .yours").text()).isEqualTo("1000");
		assertThat(conflict.selectFirst("[data-field=dueDate] input").attr("value"))
			.isEqualTo(form.dueDate().plusDays(15).toString());
		assertThat(invoices.get(invoice.id(), finance).amount().amount()).isEqualByComparingTo("1500");
		assertThat(conflict.selectFirst("input[name=version]").attr("value"))
			.isEqualTo(String.valueOf(invoice.stamp().version() + 1));
	}

	@Test
	void aDisputeWithoutReasonIsRefusedBesideTheReasonThenFlagged() throws Exception {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(manager);
		InvoiceView invoice = invoice(account, 10, -20, null);

		Document refused = page(mvc
			.perform(post("/accounts/{id}/invoices/{iid}/dispute", account.id(), invoice.id()).with(as(manager))
				.param("disputeReason", " ")
				.param("version", String.valueOf(invoice.stamp().version())))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(refused.selectFirst("#invoice-" + invoice.id() + " details.action-pop[open] .dispute-form"))
			.isNotNull();
		assertThat(refused.selectFirst("#invoice-" + invoice.id() + " [data-field=disputeReason] .field-error").text())
			.isEqualTo("is required: say what the client disputes");

		mvc.perform(post("/accounts/{id}/invoices/{iid}/dispute", account.id(), invoice.id()).with(as(manager))
			.param("disputeReason", "Rate above the MSA")
			.param("version", String.valueOf(invoice.stamp().version())))
			.andExpect(redirectedUrl("/accounts/" + account.id() + "/invoices#invoice-" + invoice.id()));
		assertThat(invoices.get(invoice.id(), manager).status()).isEqualTo(InvoiceStatus.DISPUTED);

		mvc.perform(post("/accounts/{id}/invoices/{iid}/write-off", account.id(), invoice.id()).with(as(manager))
			.param("version", "1")).andExpect(status().isForbidden());
	}

	private InvoiceView invoice(AccountDetails account, int issuedAgo, int dueAgo, Integer paidAgo) {
		return invoices.create(account.id(),
				new InvoiceForm(AccountFixtures.unique("INV"), today.minusDays(issuedAgo), today.minusDays(dueAgo),
						new MoneyInput(new BigDecimal("1000"), null),
						paidAgo == null ? InvoiceStatus.OPEN : InvoiceStatus.PAID,
						paidAgo == null ? null : today.minusDays(paidAgo), null),
				finance);
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
