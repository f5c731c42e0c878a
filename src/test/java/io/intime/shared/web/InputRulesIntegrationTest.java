package io.intime.shared.web;

import java.time.LocalDate;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.staffing.JobView;
import io.intime.staffing.StaffingFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.errorFields;
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Input that PostgreSQL cannot store (a NUL in text, a date at the edge of Java's range),
 * a null inside a list and a form field the form does not have are refused where they
 * enter, as a 400 (or, on a page form, the form again) naming the field, never a 500.
 */
@IntegrationTest
class InputRulesIntegrationTest {

	/** A NUL character as a JSON string escape. */
	static final String NUL = "\\u0000";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	AccountFixtures fixtures;

	CurrentUser executive;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		executive = fixtures.executive();
	}

	@Test
	void aNulInTheTextOfAJsonBodyIsA400NamingTheField() {
		MvcTestResult account = post("/api/v1/accounts", executive, json("""
				{'name': 'Nul%s Corp', 'timeZone': 'UTC', 'status': 'ACTIVE', 'billingCurrency': 'USD'}"""
			.formatted(NUL)));
		assertThat(account).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(account)).containsExactly("name");
		assertThat(errorMessage(account, "name")).isEqualTo("must not contain the NUL character (\\u0000)");

		AccountDetails customer = fixtures.account(null);
		String[][] cases = {
				{ "/api/v1/contacts", "{'accountId': %d, 'name': 'Ana%s', 'email': 'ana@example.com'}", "name" },
				{ "/api/v1/activities", "{'accountId': %d, 'type': 'CALL', 'subject': 'Call%s'}", "subject" },
				{ "/api/v1/escalations", "{'accountId': %d, 'title': 'Down%s', 'severity': 'HIGH'}", "title" },
				{ "/api/v1/jobs", "{'accountId': %d, 'title': 'Engineer%s', 'status': 'OPEN'}", "title" },
				{ "/api/v1/opportunities", "{'accountId': %d, 'name': 'Upsell%s'}", "name" },
				{ "/api/v1/nps-responses", "{'accountId': %d, 'score': 9, 'comment': 'Great%s'}", "comment" },
				{ "/api/v1/contracts", "{'accountId': %d, 'serviceLines': [{'name': 'IT%s'}]}",
						"serviceLines[0].name" } };
		for (String[] c : cases) {
			MvcTestResult result = post(c[0], executive, json(c[1].formatted(customer.id(), NUL)));
			assertThat(result).as(c[0]).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(errorMessage(result, c[2])).as(c[0]).isEqualTo("must not contain the NUL character (\\u0000)");
		}
	}

	@Test
	void aNulInARequestParameterIsA400NamingIt() {
		MvcTestResult search = mvc.get().uri("/api/v1/accounts").param("q", "a\u0000b").with(as(executive)).exchange();
		assertThat(search).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(search)).containsExactly("q");
	}

	@Test
	void datesAtTheEdgeOfJavasRangeAreA400NamingTheField() {
		StaffingFixtures staffing = new StaffingFixtures(context);
		AccountDetails customer = fixtures.account(null);
		JobView job = staffing.openJob(customer);
		MvcTestResult placement = post("/api/v1/placements", executive,
				json("{'jobId': %d, 'candidateName': 'Ana Ruiz', 'type': 'CONTRACT', 'startDate': '+999999999-12-31'}"
					.formatted(job.id())));
		assertThat(placement).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(placement)).containsExactly("startDate");
		assertThat(errorMessage(placement, "startDate")).isEqualTo("must lie between the years 0001 and 9999");

		MvcTestResult events = mvc.get()
			.uri("/api/v1/events?since=-999999999-01-01T00:00:00Z")
			.with(as(executive))
			.exchange();
		assertThat(events).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(events)).containsExactly("since");

		MvcTestResult timeline = mvc.get()
			.uri("/api/v1/accounts/{id}/timeline?since=-999999999-01-01T00:00:00Z", customer.id())
			.with(as(executive))
			.exchange();
		assertThat(timeline).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(timeline)).containsExactly("since");

		assertThat(mvc.get()
			.uri("/api/v1/accounts/{id}/timeline?since=0001-01-01T00:00:00Z", customer.id())
			.with(as(executive))
			.exchange()).as("the first instant of year 1 is fine").hasStatusOk();
	}

	@Test
	void aNullInsideAListIsA400NamingItsIndex() {
		CurrentUser admin = fixtures.user(Role.ADMIN);
		MvcTestResult result = mvc.put()
			.uri("/api/v1/health-model")
			.with(as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(
					"{'basedOnVersion': 1, 'name': 'Rubric', 'greenFrom': 80, 'yellowFrom': 50, 'components': [null]}"))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(result)).containsExactly("components[0]");
		assertThat(errorMessage(result, "components[0]")).isEqualTo("is required");
	}

	@Test
	void aPageFormWithANulOrAFieldItDoesNotHaveIsShownAgainWithTheFieldNamed() throws Exception {
		CurrentUser finance = fixtures.user(Role.FINANCE);
		AccountDetails customer = fixtures.account(null);
		String number = AccountFixtures.unique("INV");

		MvcTestResult nul = invoiceForm(customer, finance, "disputeReason", "Rate\u0000");
		assertThat(nul).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document form = Jsoup.parse(nul.getResponse().getContentAsString());
		assertThat(form.selectFirst("[data-field=disputeReason]").hasClass("has-error")).isTrue();

		MvcTestResult unknown = mvc.post()
			.uri("/accounts/{id}/invoices/new", customer.id())
			.with(as(finance))
			.with(csrf())
			.param("number", number)
			.param("issueDate", "2026-03-10")
			.param("dueDate", "2026-04-09")
			.param("amount.amount", "")
			.param("status", "OPEN")
			.param("version", "0")
			.exchange();
		assertThat(unknown).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(Jsoup.parse(unknown.getResponse().getContentAsString()).select(".form-summary li").text())
			.as("the field is named in the form's summary")
			.containsIgnoringCase("amount.amount");

		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		assertThat(mvc.post()
			.uri("/accounts/{id}/invoices/new", customer.id())
			.with(as(manager))
			.with(csrf())
			.param("number", number)
			.param("amount.amount", "")
			.param("version", "0")
			.exchange()).as("who may not create invoices at all is told so first").hasStatus(HttpStatus.FORBIDDEN);
	}

	private MvcTestResult invoiceForm(AccountDetails customer, CurrentUser finance, String field, String value) {
		return mvc.post()
			.uri("/accounts/{id}/invoices/new", customer.id())
			.with(as(finance))
			.with(csrf())
			.param("number", AccountFixtures.unique("INV"))
			.param("issueDate", LocalDate.of(2026, 3, 10).toString())
			.param("dueDate", "2026-04-09")
			.param("amount", "1200")
			.param("currency", "USD")
			.param("status", "DISPUTED")
			.param(field, value)
			.param("version", "0")
			.exchange();
	}

	private MvcTestResult post(String path, CurrentUser user, String body) {
		return mvc.post().uri(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

}
