package io.intime.revenue.web;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ServiceLineForm;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.revenue.ArrLedger;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import static io.intime.Api.errorFields;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention KPIs, the movements behind them, a churn's category and the exchange
 * rates over REST and in the pages and exports, for a portfolio made here: a client since
 * two years ($100K), a euro client (€50K) and a client lost 30 days ago ($40K).
 */
@IntegrationTest
class RevenueReportApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	ContractManagement contracts;

	@Autowired
	ArrLedger ledger;

	AccountFixtures fixtures;

	CurrentUser am;

	CurrentUser director;

	CurrentUser finance;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		director = fixtures.user(Role.SALES_DIRECTOR);
		finance = fixtures.user(Role.FINANCE);
		AccountDetails steady = fixtures.account(am);
		AccountDetails euro = fixtures.account(am, "EUR");
		AccountDetails lost = fixtures.account(am);
		contract(steady, today.minusYears(2), today.plusMonths(6), ContractStatus.ACTIVE, "USD", "100000");
		contract(euro, today.minusYears(2), today.plusMonths(3), ContractStatus.ACTIVE, "EUR", "50000");
		contract(lost, today.minusYears(2), today.minusDays(31), ContractStatus.EXPIRED, "USD", "40000");
		ledger.reconcile(List.of(steady.id(), euro.id(), lost.id()), "test");
	}

	@Test
	void kpisOfAPortfolioWithTheirMovementsAndTheirCategory() {
		JsonNode kpis = body(mvc.get()
			.uri("/api/v1/revenue/kpis?ownerId={am}&from={from}&to={to}", am.id(), today.minusYears(1), today)
			.with(as(director))
			.exchange());
		assertThat(kpis.get("startingClients").asInt()).isEqualTo(3);
		assertThat(kpis.get("churnedClients").asInt()).isEqualTo(1);
		assertThat(kpis.get("logoChurnRate").decimalValue()).isEqualByComparingTo("33.3");
		JsonNode constant = kpis.get("constantCurrency");
		// €50,000 at the configured 1.08: $54,000; starting ARR $194,000, churn $40,000
		assertThat(constant.get("startingArr").get("amount").asString()).isEqualTo("194000.00");
		assertThat(constant.get("churn").get("amount").asString()).isEqualTo("40000.00");
		assertThat(constant.get("nrr").decimalValue()).isEqualByComparingTo("79.4");
		assertThat(constant.get("grr").decimalValue()).isEqualByComparingTo("79.4");
		assertThat(kpis.get("reported")).isNotNull();
		assertThat(kpis.get("nps").get("responses").asInt()).isZero();
		assertThat(kpis.get("nps").get("score").isNull()).isTrue();

		JsonNode churns = body(mvc.get()
			.uri("/api/v1/arr-movements?ownerId={am}&figure=CHURN&from={from}", am.id(), today.minusYears(1))
			.with(as(director))
			.exchange());
		assertThat(churns.get("total").asInt()).isEqualTo(1);
		JsonNode churn = churns.get("items").get(0);
		assertThat(churn.get("churnCategory").asString()).isEqualTo("VOLUNTARY");
		assertThat(churn.get("occurredOn").asString()).isEqualTo(today.minusDays(30).toString());

		long id = churn.get("id").asLong();
		long version = churn.get("version").asLong();
		MvcTestResult classified = patch(id, finance,
				"{'churnCategory': 'INVOLUNTARY', 'version': %d}".formatted(version));
		assertThat(classified).hasStatusOk();
		assertThat(body(classified).get("churnCategory").asString()).isEqualTo("INVOLUNTARY");
		assertThat(patch(id, finance, "{'churnCategory': 'STRUCTURAL', 'version': %d}".formatted(version)))
			.as("a stale version")
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(errorFields(patch(id, finance, "{'churnCategory': 'BORED', 'version': %d}".formatted(version + 1))))
			.containsExactly("churnCategory");
		assertThat(patch(id, fixtures.user(Role.RECRUITER),
				"{'churnCategory': 'STRUCTURAL', 'version': %d}".formatted(version + 1)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(patch(id, fixtures.user(Role.ACCOUNT_MANAGER),
				"{'churnCategory': 'STRUCTURAL', 'version': %d}".formatted(version + 1)))
			.as("another portfolio's churn")
			.hasStatus(HttpStatus.FORBIDDEN);
		JsonNode again = body(mvc.get()
			.uri("/api/v1/revenue/kpis?ownerId={am}&from={from}", am.id(), today.minusYears(1))
			.with(as(director))
			.exchange());
		assertThat(again.get("constantCurrency").get("churnByCategory").get("INVOLUNTARY").get("amount").asString())
			.isEqualTo("40000.00");
	}

	@Test
	void anAccountManagerSeesTheirPortfolioAndNoOtherAndBadPeriodsAreRefused() {
		JsonNode own = body(mvc.get().uri("/api/v1/revenue/kpis").with(as(am)).exchange());
		assertThat(own.get("segment").asString()).isEqualTo(am.fullName() + "'s portfolio");
		assertThat(own.get("accounts").asInt()).isEqualTo(3);
		assertThat(mvc.get().uri("/api/v1/revenue/kpis?ownerId={o}", director.id()).with(as(am)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/revenue/kpis").with(as(fixtures.user(Role.RECRUITER))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(errorFields(mvc.get()
			.uri("/api/v1/revenue/kpis?from={f}&to={t}", today, today.minusDays(1))
			.with(as(am))
			.exchange())).containsExactly("to");
		assertThat(mvc.get().uri("/api/v1/revenue/kpis?from=yesterday").with(as(am))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(mvc.get().uri("/api/v1/revenue/kpis/monthly").with(as(am)).exchange())).hasSize(12);
	}

	@Test
	void financeKeepsExchangeRatesWithVersionsAndOthersMayNot() {
		LocalDate month = LocalDate.of(2019, 3, 1);
		MvcTestResult created = put(finance,
				"{'kind': 'MONTHLY', 'periodStart': '%s', 'currency': 'GBP', 'usdRate': '1.2345'}".formatted(month));
		assertThat(created).hasStatusOk();
		assertThat(body(created).get("version").asLong()).isZero();
		assertThat(errorFields(put(finance,
				"{'kind': 'MONTHLY', 'periodStart': '%s', 'currency': 'GBP', 'usdRate': '1.3'}".formatted(month))))
			.as("a rate kept already is changed with its version")
			.containsExactly("periodStart");
		assertThat(put(finance,
				"{'kind': 'MONTHLY', 'periodStart': '%s', 'currency': 'GBP', 'usdRate': '1.3', 'version': 0}"
					.formatted(month)))
			.hasStatusOk();
		assertThat(put(finance,
				"{'kind': 'MONTHLY', 'periodStart': '%s', 'currency': 'GBP', 'usdRate': '1.4', 'version': 0}"
					.formatted(month)))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(
				errorFields(put(finance, "{'kind': 'MONTHLY', 'periodStart': '%s', 'currency': 'GBP', 'usdRate': '-1'}"
					.formatted(month.plusMonths(1)))))
			.containsExactly("usdRate");
		assertThat(
				errorFields(put(finance, "{'kind': 'MONTHLY', 'periodStart': '%s', 'currency': 'XXX', 'usdRate': '1'}"
					.formatted(month.plusMonths(1)))))
			.containsExactly("currency");
		assertThat(put(am, "{'kind': 'MONTHLY', 'periodStart': '%s', 'currency': 'GBP', 'usdRate': '1'}"
			.formatted(month.plusMonths(1)))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theReportsPageAndItsExportsCarryRealNumbersAndDates() throws Exception {
		MvcTestResult page = mvc.get().uri("/revenue/reports").with(as(am)).exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("id=\"kpi-nrr\"").contains(am.fullName() + "&#39;s portfolio");
		assertThat(mvc.get().uri("/revenue/reports").with(as(fixtures.user(Role.RECRUITER))))
			.hasStatus(HttpStatus.FORBIDDEN);

		MvcTestResult xlsx = mvc.get().uri("/revenue/reports.xlsx").with(as(am)).exchange();
		assertThat(xlsx).hasStatusOk();
		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("T12M NRR % (constant)");
			assertThat(sheet.getLastRowNum()).isEqualTo(12);
			var last = sheet.getRow(12);
			assertThat(last.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(last.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(today.withDayOfMonth(1));
			assertThat(last.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(last.getCell(9).getNumericCellValue()).as("starting ARR of the trailing year")
				.isEqualTo(194000.0);
		}
		MvcTestResult csv = mvc.get()
			.uri("/revenue/reports/movements.csv?figure=CHURN&from={f}", today.minusYears(1))
			.with(as(am))
			.exchange();
		String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text.lines().toList()).hasSize(2);
		assertThat(text.lines().toList().get(1)).startsWith(today.minusDays(30).toString()).contains(",-40000.00,USD,");
	}

	private void contract(AccountDetails account, LocalDate start, LocalDate end, ContractStatus status,
			String currency, String amount) {
		contracts.create(account.id(),
				new ContractForm(ContractType.MSA, AccountFixtures.unique("MSA"), start, end, status, "Net 30",
						currency, List.of(new ServiceLineForm("Staffing", new BigDecimal(amount)))),
				fixtures.executive());
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/arr-movements/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

	private MvcTestResult put(CurrentUser user, String body) {
		return mvc.put()
			.uri("/api/v1/fx-rates")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

}
