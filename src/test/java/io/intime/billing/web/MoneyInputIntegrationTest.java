package io.intime.billing.web;

import java.math.BigDecimal;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The shared money input, through the invoice form and the invoice API: amounts typed
 * with grouping separators and the field's currency symbol are taken, a symbol of another
 * currency is refused with a message naming the field.
 */
@IntegrationTest
class MoneyInputIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	AccountFixtures fixtures;

	CurrentUser finance;

	AccountDetails account;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		finance = fixtures.user(Role.FINANCE);
		account = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER), "USD");
	}

	@Test
	void theInvoiceFormTakesDollarsWithGroupingSeparators() {
		String number = AccountFixtures.unique("M");

		MvcTestResult saved = postForm(number, "$150,000", "USD");

		assertThat(saved).hasStatus3xxRedirection();
		assertThat(amountOf(number)).isEqualByComparingTo("150000");
		String other = AccountFixtures.unique("M");
		assertThat(postForm(other, "35,000.00", "USD")).hasStatus3xxRedirection();
		assertThat(amountOf(other)).isEqualByComparingTo("35000");
	}

	@Test
	void theInvoiceFormRefusesASymbolOfAnotherCurrencySayingSoBesideTheField() throws Exception {
		String number = AccountFixtures.unique("M");

		MvcTestResult refused = postForm(number, "€150,000", "USD");

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document page = Jsoup.parse(refused.getResponse().getContentAsString());
		assertThat(page.selectFirst("[data-field=amount] .field-error").text()).isEqualTo(
				"Amount is in USD, but '€150,000' is in EUR: type the amount in USD (e.g. 150,000) or change the currency");
		assertThat(page.selectFirst("[data-field=amount] input").attr("value")).as("what was typed stays")
			.isEqualTo("€150,000");
		assertThat(jdbc.sql("select count(*) from invoice where invoice_number = ?")
			.param(number)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theApiTakesTypedAmountsAndRefusesAnotherCurrencysSymbolOnTheAmount() {
		MvcTestResult created = postApi("'amount': {'amount': '$150,000', 'currency': 'USD'}");
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(body(created).get("amount").get("amount").asString()).isEqualTo("150000.00");

		MvcTestResult inAccountCurrency = postApi("'amount': {'amount': '35,000.00'}");
		assertThat(inAccountCurrency).hasStatus(HttpStatus.CREATED);
		assertThat(body(inAccountCurrency).get("amount").get("amount").asString()).isEqualTo("35000.00");

		MvcTestResult refused = postApi("'amount': {'amount': '£500', 'currency': 'USD'}");
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorMessage(refused, "amount.amount")).startsWith("amount is in USD, but '£500' is in GBP");

		MvcTestResult typo = postApi("'amount': {'amount': '12OO'}");
		assertThat(typo).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorMessage(typo, "amount.amount")).startsWith("'12OO' is not an amount");
	}

	private MvcTestResult postForm(String number, String amount, String currency) {
		return mvc.post()
			.uri("/accounts/{id}/invoices/new", account.id())
			.with(as(finance))
			.with(csrf())
			.accept(MediaType.TEXT_HTML)
			.param("number", number)
			.param("issueDate", TestClock.today().toString())
			.param("dueDate", TestClock.today().plusDays(30).toString())
			.param("amount", amount)
			.param("currency", currency)
			.param("status", "OPEN")
			.param("version", "0")
			.exchange();
	}

	private MvcTestResult postApi(String amount) {
		return mvc.post()
			.uri("/api/v1/invoices")
			.with(as(finance))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(("{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', " + amount + "}")
				.formatted(account.id(), AccountFixtures.unique("M"), TestClock.today(),
						TestClock.today().plusDays(30))))
			.exchange();
	}

	private BigDecimal amountOf(String number) {
		return jdbc.sql("select amount from invoice where invoice_number = ?")
			.param(number)
			.query(BigDecimal.class)
			.single();
	}

}
