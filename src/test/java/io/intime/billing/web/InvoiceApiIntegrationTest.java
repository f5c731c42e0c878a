package io.intime.billing.web;

import io.intime.billing.InvoicePaid;
import io.intime.billing.InvoiceCreated;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.AccountFactChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/v1/invoices: finance keeps invoices, account managers read theirs and flag
 * disputes.
 */
@IntegrationTest
@RecordApplicationEvents
class InvoiceApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

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
	void financeCreatesAnInvoiceInTheAccountsCurrencyAndItShowsHowOverdueItIs() {
		AccountDetails account = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER), "EUR");
		String number = AccountFixtures.unique("INV");

		MvcTestResult created = post(finance,
				"""
						{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', 'amount': {'amount': '85420.00'}}"""
					.formatted(account.id(), number, today.minusDays(75), today.minusDays(45)));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode invoice = body(created);
		long id = invoice.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/invoices/" + id);
		assertThat(invoice.get("amount").get("amount").asString()).isEqualTo("85420.00");
		assertThat(invoice.get("amount").get("currency").asString()).as("the account's billing currency")
			.isEqualTo("EUR");
		assertThat(invoice.get("status").asString()).isEqualTo("OPEN");
		assertThat(invoice.get("overdue").asBoolean()).isTrue();
		assertThat(invoice.get("daysOverdue").asInt()).isEqualTo(45);
		assertThat(invoice.get("daysToPay").isNull()).isTrue();
		assertThat(invoice.get("issueDate").asString()).isEqualTo(today.minusDays(75).toString());
		assertThat(invoice.get("stamp").get("createdAt").asString()).endsWith("Z");

		assertThat(events.stream(AccountFactChanged.class))
			.anyMatch(e -> e instanceof InvoiceCreated && e.accountId() == account.id());
		assertThat(jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'invoice' and entity_id = :id and action = 'CREATE'"
						+ " and field = 'amount' and new_value = '85420'")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc
			.sql("select payload->>'invoice_number' from domain_event where type = 'invoice.created'"
					+ " and (payload->>'invoice_id')::bigint = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo(number);
	}

	@Test
	void markingPaidGivesTheDaysToPayAndLogsInvoicePaid() {
		AccountDetails account = fixtures.account(null);
		JsonNode invoice = body(post(finance,
				"""
						{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', 'amount': {'amount': '1200', 'currency': 'USD'}}"""
					.formatted(account.id(), AccountFixtures.unique("INV"), today.minusDays(40), today.minusDays(10))));
		long id = invoice.get("id").asLong();
		events.clear();

		MvcTestResult paid = mvc.post()
			.uri("/api/v1/invoices/{id}/payment", id)
			.with(as(finance))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'version': %d, 'paidOn': '%s'}".formatted(version(invoice), today.minusDays(6))))
			.exchange();

		assertThat(paid).hasStatusOk();
		assertThat(body(paid).get("status").asString()).isEqualTo("PAID");
		assertThat(body(paid).get("daysToPay").asInt()).isEqualTo(34);
		assertThat(body(paid).get("daysOverdue").isNull()).isTrue();
		assertThat(events.stream(AccountFactChanged.class).filter(e -> e.accountId() == account.id())).singleElement()
			.isInstanceOf(InvoicePaid.class);
		JsonNode logged = body(mvc.get()
			.uri("/api/v1/events?type=invoice.paid&accountId={a}", account.id())
			.with(as(finance))
			.exchange()).get("items").get(0);
		assertThat(logged.get("payload").get("days_to_pay").asInt()).isEqualTo(34);
		assertThat(logged.get("payload").get("paid_on").asString()).isEqualTo(today.minusDays(6).toString());
	}

	@Test
	void badInvoiceInputIsRefusedNamingTheField() {
		AccountDetails account = fixtures.account(null);
		String valid = "'accountId': %d, 'number': '%s', 'issueDate': '2026-03-01', 'dueDate': '2026-03-31'"
			.formatted(account.id(), AccountFixtures.unique("INV"));

		assertThat(errorFields(post(finance, "{" + valid + ", 'amount': {'amount': '0'}}")))
			.containsExactly("amount.amount");
		assertThat(errorMessage(post(finance, "{" + valid + ", 'amount': {'amount': '-5'}}"), "amount.amount"))
			.isEqualTo("must be more than 0");
		assertThat(errorFields(post(finance, "{" + valid + ", 'amount': {'amount': '10', 'currency': 'XYZ'}}")))
			.containsExactly("amount.currency");
		assertThat(errorFields(post(finance, "{" + valid + ", 'amount': {'amount': 'lots'}}")))
			.containsExactly("amount.amount");
		assertThat(errorFields(post(finance, "{" + valid + ", 'amount': {'amount': '10'}, 'status': 'LOST'}")))
			.containsExactly("status");
		assertThat(errorFields(post(finance, "{" + valid + ", 'amount': {'amount': '10'}, 'status': 'PAID'}")))
			.containsExactly("paidOn");
		assertThat(errorFields(
				post(finance, "{" + valid + ", 'amount': {'amount': '10'}, 'status': 'PAID', 'paidOn': '2026-02-01'}")))
			.containsExactly("paidOn");
		assertThat(errorFields(post(finance, "{" + valid + ", 'amount': {'amount': '10'}, 'paidOn': '2026-03-05'}")))
			.containsExactly("paidOn");
		assertThat(errorFields(post(finance, "{" + valid + ", 'amount': {'amount': '10'}, 'status': 'DISPUTED'}")))
			.containsExactly("disputeReason");
		MvcTestResult early = post(finance,
				"""
						{'accountId': %d, 'number': '%s', 'issueDate': '2026-03-01', 'dueDate': '2026-02-28', 'amount': {'amount': '10'}}"""
					.formatted(account.id(), AccountFixtures.unique("INV")));
		assertThat(errorFields(early)).containsExactly("dueDate");
		assertThat(errorMessage(early, "dueDate")).isEqualTo("must be on or after the issue date (Mar 1, 2026)");
		assertThat(errorFields(post(finance, "{'accountId': %d, 'amount': {'amount': '10'}}".formatted(account.id()))))
			.contains("number", "issueDate", "dueDate");
		assertThat(errorFields(post(finance, "{" + valid + ", 'amount': {'amount': '10'}, 'daysToPay': 3}")))
			.containsExactly("daysToPay");
		assertThat(post(finance,
				"{'accountId': 999999999, 'number': 'X-1', 'issueDate': '2026-03-01', 'dueDate': '2026-03-31',"
						+ " 'amount': {'amount': '10'}}"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aTakenNumberIsAConflictNamingTheNumber() {
		AccountDetails account = fixtures.account(null);
		String number = AccountFixtures.unique("INV");
		assertThat(post(finance, invoice(account, number, "100"))).hasStatus(HttpStatus.CREATED);
		MvcTestResult again = post(finance, invoice(fixtures.account(null), number.toLowerCase(), "200"));
		assertThat(again).hasStatus(HttpStatus.CONFLICT);
		assertThat(errorFields(again)).containsExactly("number");
	}

	@Test
	void aStalePatchIsAConflictAndTheOtherChangeSurvives() {
		JsonNode invoice = body(post(finance, invoice(fixtures.account(null), AccountFixtures.unique("INV"), "500")));
		long id = invoice.get("id").asLong();
		assertThat(patch(id, finance, "{'version': %d, 'amount': {'amount': '650'}}".formatted(version(invoice))))
			.hasStatusOk();
		MvcTestResult late = patch(id, finance,
				"{'version': %d, 'dueDate': '%s'}".formatted(version(invoice), today.plusDays(60)));
		assertThat(late).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(late).get("currentVersion").asLong()).isEqualTo(version(invoice) + 1);
		JsonNode now = body(mvc.get().uri("/api/v1/invoices/{id}", id).with(as(finance)).exchange());
		assertThat(now.get("amount").get("amount").asString()).isEqualTo("650.00");
		assertThat(now.get("dueDate").asString()).isEqualTo(invoice.get("dueDate").asString());
	}

	@Test
	void anAccountManagerReadsAndDisputesTheInvoicesOfTheirAccountsButNeitherCreatesNorWritesOff() {
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails mine = fixtures.account(manager);
		AccountDetails theirs = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER));
		JsonNode invoice = body(post(finance, invoice(mine, AccountFixtures.unique("INV"), "900")));
		JsonNode other = body(post(finance, invoice(theirs, AccountFixtures.unique("INV"), "900")));
		long id = invoice.get("id").asLong();

		assertThat(post(manager, invoice(mine, AccountFixtures.unique("INV"), "100"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(ids(body(mvc.get().uri("/api/v1/invoices").with(as(manager)).exchange()))).containsExactly(id);
		assertThat(mvc.get().uri("/api/v1/invoices/{id}", other.get("id").asLong()).with(as(manager)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/invoices?accountId={a}", theirs.id()).with(as(manager)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and actor_name = :me")
			.param("me", manager.username())
			.query(Long.class)
			.single()).isEqualTo(3);

		MvcTestResult noReason = mvc.post()
			.uri("/api/v1/invoices/{id}/dispute", id)
			.with(as(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'version': %d}".formatted(version(invoice))))
			.exchange();
		assertThat(errorFields(noReason)).containsExactly("reason");
		MvcTestResult disputed = mvc.post()
			.uri("/api/v1/invoices/{id}/dispute", id)
			.with(as(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'version': %d, 'reason': 'Week 42 billed twice'}".formatted(version(invoice))))
			.exchange();
		assertThat(disputed).hasStatusOk();
		assertThat(body(disputed).get("status").asString()).isEqualTo("DISPUTED");
		assertThat(body(disputed).get("disputeReason").asString()).isEqualTo("Week 42 billed twice");
		assertThat(body(disputed).get("disputedOn").asString()).isEqualTo(today.toString());

		assertThat(mvc.post()
			.uri("/api/v1/invoices/{id}/write-off", id)
			.with(as(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'version': %d}".formatted(version(body(disputed)))))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/v1/invoices/{id}", id).with(as(manager))).hasStatus(HttpStatus.FORBIDDEN);

		MvcTestResult writtenOff = mvc.post()
			.uri("/api/v1/invoices/{id}/write-off", id)
			.with(as(finance))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'version': %d}".formatted(version(body(disputed)))))
			.exchange();
		assertThat(body(writtenOff).get("status").asString()).isEqualTo("WRITTEN_OFF");
		assertThat(body(writtenOff).get("writtenOffOn").asString()).isEqualTo(today.toString());
		assertThat(mvc.delete().uri("/api/v1/invoices/{id}", id).with(as(finance))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/invoices/{id}", id).with(as(finance))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void recruitersSeeNoInvoicesAndExecutivesSeeAllButChangeNone() {
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		CurrentUser executive = fixtures.executive();
		AccountDetails account = fixtures.account(null);
		fixtures.onTeam(account, recruiter);
		assertThat(mvc.get().uri("/api/v1/invoices?accountId={a}", account.id()).with(as(recruiter)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/invoices").with(as(recruiter))).hasStatus(HttpStatus.FORBIDDEN);
		JsonNode invoice = body(post(finance, invoice(account, AccountFixtures.unique("INV"), "10")));
		assertThat(mvc.get().uri("/api/v1/invoices/{id}", invoice.get("id").asLong()).with(as(executive)))
			.hasStatusOk();
		assertThat(patch(invoice.get("id").asLong(), executive, "{'version': 0, 'amount': {'amount': '11'}}"))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theListFiltersByAccountAndStatusAndIsPaged() {
		AccountDetails account = fixtures.account(null);
		long overdue = body(post(finance,
				"""
						{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', 'amount': {'amount': '100'}}"""
					.formatted(account.id(), AccountFixtures.unique("INV"), today.minusDays(60), today.minusDays(30))))
			.get("id")
			.asLong();
		long open = body(post(finance,
				"""
						{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', 'amount': {'amount': '100'}}"""
					.formatted(account.id(), AccountFixtures.unique("INV"), today.minusDays(5), today.plusDays(25))))
			.get("id")
			.asLong();
		long paid = body(post(finance, """
				{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', 'amount': {'amount': '100'},
				 'status': 'PAID', 'paidOn': '%s'}""".formatted(account.id(), AccountFixtures.unique("INV"),
				today.minusDays(90), today.minusDays(60), today.minusDays(70))))
			.get("id")
			.asLong();

		JsonNode all = body(mvc.get().uri("/api/v1/invoices?accountId={a}", account.id()).with(as(finance)).exchange());
		assertThat(all.get("total").asLong()).isEqualTo(3);
		assertThat(ids(all)).as("newest issued first").containsExactly(open, overdue, paid);
		assertThat(ids(body(mvc.get()
			.uri("/api/v1/invoices?accountId={a}&status=OVERDUE", account.id())
			.with(as(finance))
			.exchange()))).containsExactly(overdue);
		assertThat(ids(body(mvc.get()
			.uri("/api/v1/invoices?accountId={a}&status=OPEN", account.id())
			.with(as(finance))
			.exchange()))).containsExactly(open);
		assertThat(ids(body(mvc.get()
			.uri("/api/v1/invoices?accountId={a}&status=PAID", account.id())
			.with(as(finance))
			.exchange()))).containsExactly(paid);
		JsonNode page = body(mvc.get()
			.uri("/api/v1/invoices?accountId={a}&size=2&page=1", account.id())
			.with(as(finance))
			.exchange());
		assertThat(ids(page)).containsExactly(paid);
		assertThat(page.get("size").asInt()).isEqualTo(2);
		assertThat(errorFields(mvc.get().uri("/api/v1/invoices?status=LATE").with(as(finance)).exchange()))
			.containsExactly("status");
	}

	private String invoice(AccountDetails account, String number, String amount) {
		return """
				{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', 'amount': {'amount': '%s'}}"""
			.formatted(account.id(), number, today.minusDays(10), today.plusDays(20), amount);
	}

	private MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/invoices")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/invoices/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

	private static long version(JsonNode record) {
		return record.get("stamp").get("version").asLong();
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

}
