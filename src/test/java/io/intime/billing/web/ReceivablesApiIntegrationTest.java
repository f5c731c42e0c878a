package io.intime.billing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/v1/receivables: the aging summary of the unpaid invoices of the accounts the
 * reader may see, as of the test clock's day. Each test gives a fresh account manager
 * fresh accounts, and reads them through the owner or account filter, so that other
 * tests' invoices do not count.
 */
@IntegrationTest
class ReceivablesApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	AccountFixtures fixtures;

	CurrentUser finance;

	CurrentUser am;

	AccountDetails dollars;

	AccountDetails euros;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		finance = fixtures.user(Role.FINANCE);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		dollars = fixtures.account(am, "USD");
		euros = fixtures.account(am, "EUR");
	}

	/** One invoice of each case around the buckets' edges. */
	private void invoiceEveryCase() {
		invoice(dollars, -1, "100", "OPEN");
		invoice(dollars, -30, "200", "OVERDUE");
		invoice(dollars, -31, "300", "OPEN");
		invoice(dollars, -60, "400", "OPEN");
		invoice(dollars, -61, "500", "OPEN");
		invoice(dollars, -90, "600", "OPEN");
		invoice(dollars, -91, "700", "OVERDUE");
		invoice(dollars, -100, "800", "DISPUTED");
		invoice(dollars, 0, "900", "OPEN");
		invoice(dollars, 6, "1000", "OPEN");
		invoice(dollars, 7, "1100", "OPEN");
		invoice(dollars, -50, "1200", "PAID");
		invoice(dollars, -40, "1300", "WRITTEN_OFF");
		invoice(euros, -10, "1000", "OPEN");
	}

	@Test
	void sortsUnpaidInvoicesIntoAgingBucketsDisputedAndDueThisWeekPerCurrencyAndInDollars() {
		invoiceEveryCase();

		JsonNode summary = body(get("/api/v1/receivables?ownerId=" + am.id(), finance));

		assertThat(summary.get("asOf").asString()).isEqualTo(today.toString());
		assertThat(summary.get("reportingCurrency").asString()).isEqualTo("USD");
		List<String> aging = new ArrayList<>();
		summary.get("aging").forEach(line -> aging.add(describe(line)));
		assertThat(aging).containsExactly("DAYS_0_30 3 [1000.00 EUR, 300.00 USD] 1380.00 USD",
				"DAYS_31_60 2 [700.00 USD] 700.00 USD", "DAYS_61_90 2 [1100.00 USD] 1100.00 USD",
				"DAYS_OVER_90 1 [700.00 USD] 700.00 USD");
		assertThat(describe(summary.get("overdue"))).isEqualTo("OVERDUE 8 [1000.00 EUR, 2800.00 USD] 3880.00 USD");
		assertThat(describe(summary.get("disputed"))).isEqualTo("DISPUTED 1 [800.00 USD] 800.00 USD");
		assertThat(describe(summary.get("dueThisWeek"))).isEqualTo("DUE_THIS_WEEK 2 [1900.00 USD] 1900.00 USD");
		assertThat(describe(summary.get("unpaid"))).isEqualTo("UNPAID 12 [1000.00 EUR, 6600.00 USD] 7680.00 USD");

		JsonNode accounts = summary.get("accounts");
		assertThat(accounts.get("total").asInt()).isEqualTo(2);
		JsonNode first = accounts.get("items").get(0);
		assertThat(first.get("accountId").asLong()).as("most overdue first").isEqualTo(dollars.id());
		assertThat(first.get("ownerName").asString()).isEqualTo(am.fullName());
		assertThat(first.get("daysOver90").get("amount").asString()).isEqualTo("700.00");
		assertThat(first.get("overdue").get("amount").asString()).isEqualTo("2800.00");
		assertThat(first.get("overdueCount").asInt()).isEqualTo(7);
		JsonNode second = accounts.get("items").get(1);
		assertThat(second.get("days0To30")).hasToString("{\"amount\":\"1080.00\",\"currency\":\"USD\"}");
		assertThat(second.get("currencies").get(0).asString()).isEqualTo("EUR");
	}

	@Test
	void theAccountFilterReadsOneAccountAndTheInvoiceListTakesTheSameFilters() {
		invoiceEveryCase();

		JsonNode euro = body(get("/api/v1/receivables?accountId=" + euros.id(), finance));
		assertThat(describe(euro.get("overdue"))).isEqualTo("OVERDUE 1 [1000.00 EUR] 1080.00 USD");
		assertThat(euro.get("accounts").get("total").asInt()).isEqualTo(1);

		assertThat(body(get("/api/v1/invoices?ownerId=" + am.id() + "&size=200", finance)).get("total").asInt())
			.isEqualTo(14);
		assertThat(body(get("/api/v1/invoices?ownerId=" + am.id() + "&status=OVERDUE", finance)).get("total").asInt())
			.as("the aging buckets' invoices")
			.isEqualTo(8);
		assertThat(body(get("/api/v1/invoices?ownerId=" + am.id() + "&accountId=" + euros.id(), finance)).get("total")
			.asInt()).isEqualTo(1);
	}

	@Test
	void accountManagersReadTheirOwnAccountsAndOthersWhoMayNotSeeInvoicesAreRefused() {
		invoice(dollars, -45, "500", "OPEN");

		JsonNode mine = body(get("/api/v1/receivables", am));
		assertThat(describe(mine.get("overdue"))).isEqualTo("OVERDUE 1 [500.00 USD] 500.00 USD");

		CurrentUser otherAm = fixtures.user(Role.ACCOUNT_MANAGER);
		assertThat(get("/api/v1/receivables?accountId=" + dollars.id(), otherAm)).hasStatus(HttpStatus.FORBIDDEN);
		JsonNode theirs = body(get("/api/v1/receivables", otherAm));
		assertThat(theirs.get("overdue").get("count").asInt()).isZero();
		assertThat(body(get("/api/v1/receivables?ownerId=" + am.id(), otherAm)).get("unpaid").get("count").asInt())
			.as("another owner's accounts are not theirs to read")
			.isZero();

		for (Role role : List.of(Role.RECRUITER, Role.RECRUITING_MANAGER)) {
			assertThat(get("/api/v1/receivables", fixtures.user(role))).as("%s", role).hasStatus(HttpStatus.FORBIDDEN);
		}
		for (Role role : List.of(Role.EXECUTIVE, Role.SALES_DIRECTOR, Role.ADMIN)) {
			assertThat(body(get("/api/v1/receivables?accountId=" + dollars.id(), fixtures.user(role))).get("overdue")
				.get("count")
				.asInt()).as("%s", role).isEqualTo(1);
		}
	}

	@Test
	void readsTheSummaryInAFixedNumberOfStatementsWhateverTheNumberOfAccounts() {
		invoice(dollars, -45, "500", "OPEN");
		CurrentUser busier = fixtures.user(Role.ACCOUNT_MANAGER);
		for (int i = 0; i < 5; i++) {
			invoice(fixtures.account(busier, "USD"), -10 - i, "100", "OPEN");
		}

		long one = statements(get("/api/v1/receivables?ownerId=" + am.id(), finance));
		long five = statements(get("/api/v1/receivables?ownerId=" + busier.id(), finance));

		assertThat(five).isEqualTo(one);
	}

	@Test
	void exportsOneRowPerAccountAsCsv() throws Exception {
		invoiceEveryCase();

		MvcTestResult csv = get("/receivables/export.csv?ownerId=" + am.id(), finance);

		assertThat(csv).hasStatusOk();
		String[] lines = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8).split("\r?\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).contains("Account", "Over 90 days (USD)");
		assertThat(lines[1]).contains(dollars.name(), "700.00", "2800.00");
	}

	private static String describe(JsonNode line) {
		List<String> amounts = new ArrayList<>();
		line.get("amounts").forEach(m -> amounts.add(m.get("amount").asString() + " " + m.get("currency").asString()));
		return line.get("key").asString() + " " + line.get("count").asInt() + " " + amounts + " "
				+ line.get("reporting").get("amount").asString() + " "
				+ line.get("reporting").get("currency").asString();
	}

	private long statements(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		return Long.parseLong(result.getResponse().getHeader("X-Sql-Statements"));
	}

	/**
	 * An invoice due {@code dueInDays} from today (negative: past), issued 30 days
	 * before.
	 */
	private void invoice(AccountDetails account, int dueInDays, String amount, String status) {
		LocalDate due = today.plusDays(dueInDays);
		String extra = switch (status) {
			case "PAID" -> ", 'paidOn': '" + due + "'";
			default -> "";
		};
		MvcTestResult created = mvc.post()
			.uri("/api/v1/invoices")
			.with(as(finance))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(("{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', 'status': '%s', "
					+ "'amount': {'amount': '%s'}%s}")
				.formatted(account.id(), AccountFixtures.unique("R"), due.minusDays(30), due,
						status.equals("DISPUTED") || status.equals("WRITTEN_OFF") ? "OPEN" : status, amount, extra)))
			.exchange();
		assertThat(created).as("invoice due %s %s", due, status).hasStatus(HttpStatus.CREATED);
		if (status.equals("DISPUTED")) {
			assertThat(mvc.post()
				.uri("/api/v1/invoices/" + body(created).get("id").asLong() + "/dispute")
				.with(as(finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'version': 0, 'reason': 'Hours billed twice'}"))
				.exchange()).hasStatusOk();
		}
		if (status.equals("WRITTEN_OFF")) {
			assertThat(mvc.post()
				.uri("/api/v1/invoices/" + body(created).get("id").asLong() + "/write-off")
				.with(as(finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'version': 0}"))
				.exchange()).hasStatusOk();
		}
	}

	private MvcTestResult get(String uri, CurrentUser user) {
		return mvc.get().uri(uri).with(as(user)).exchange();
	}

}
