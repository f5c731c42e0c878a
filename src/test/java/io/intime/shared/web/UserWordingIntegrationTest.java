package io.intime.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every message a person reads speaks their language: the problems the API answers to
 * nearly empty bodies of every create endpoint, the messages beside the fields of the
 * pages' forms, and the pages themselves, never show the validation library's defaults
 * ("must not be blank", "size must be between…"), a constant's name where a word belongs,
 * or the name of a spec.
 */
@IntegrationTest
class UserWordingIntegrationTest {

	/** What developers write and people should never read. */
	private static final Pattern DEVELOPER_WORDING = Pattern
		.compile("must not be (blank|null|empty)|size must be|spec 0\\d|Appendix [A-Z]|\\b[A-Z]{3,}_[A-Z_]+\\b");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	AccountFixtures fixtures;

	CurrentUser executive;

	CurrentUser finance;

	AccountDetails account;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		executive = fixtures.user(Role.EXECUTIVE);
		finance = fixtures.user(Role.FINANCE);
		account = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER));
	}

	@Test
	void theApisProblemsWithNearlyEmptyBodiesSpeakPlainly() {
		Map<String, CurrentUser> creators = Map.of("contacts", executive, "contracts", executive, "jobs", executive,
				"invoices", finance, "escalations", executive, "opportunities", executive, "activities", executive,
				"nps-responses", executive);
		List<String> messages = new ArrayList<>();
		creators.forEach((resource, user) -> {
			MvcTestResult result = mvc.post()
				.uri("/api/v1/" + resource)
				.with(as(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'accountId': %d}".formatted(account.id())))
				.exchange();
			assertThat(result.getResponse().getStatus()).as(resource).isEqualTo(400);
			JsonNode problem = body(result);
			problem.get("errors")
				.forEach(error -> messages
					.add(resource + " " + error.get("field").asString() + ": " + error.get("message").asString()));
		});
		MvcTestResult account = mvc.post()
			.uri("/api/v1/accounts")
			.with(as(executive))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'name': ''}"))
			.exchange();
		body(account).get("errors").forEach(error -> messages.add("accounts " + error.get("message").asString()));

		assertThat(messages).as("the API answered with field messages").hasSizeGreaterThan(10);
		assertThat(messages).noneMatch(message -> DEVELOPER_WORDING.matcher(message).find());
		assertThat(messages).anyMatch(message -> message.equals("contacts name: is required"));
	}

	@Test
	void anInvoiceMarkedOverdueTooEarlyIsToldInWords() {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/invoices")
			.with(as(finance))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(("{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', 'status': 'OVERDUE', "
					+ "'amount': {'amount': '10'}}")
				.formatted(account.id(), AccountFixtures.unique("W"), TestClock.today(),
						TestClock.today().plusDays(10))))
			.exchange();

		assertThat(io.intime.Api.errorMessage(result, "status")).startsWith("can be Overdue only after the due date");
	}

	@Test
	void formsAndTabsSpeakPlainly() throws Exception {
		MvcTestResult refused = mvc.post()
			.uri("/accounts/{id}/opportunities/new", account.id())
			.with(as(executive))
			.with(csrf())
			.accept(MediaType.TEXT_HTML)
			.param("title", "")
			.param("stage", "IDENTIFIED")
			.param("value", "")
			.param("currency", "USD")
			.param("version", "0")
			.exchange();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		List<String> fieldErrors = Jsoup.parse(refused.getResponse().getContentAsString())
			.select(".field-error")
			.eachText();
		assertThat(fieldErrors).isNotEmpty().noneMatch(message -> DEVELOPER_WORDING.matcher(message).find());

		for (String tab : List.of("escalations", "invoices", "opportunities", "activities", "jobs", "health")) {
			MvcTestResult page = mvc.get()
				.uri("/accounts/{id}/{tab}", account.id(), tab)
				.with(as(executive))
				.accept(MediaType.TEXT_HTML)
				.exchange();
			assertThat(page).as(tab).hasStatusOk();
			String text = Jsoup.parse(page.getResponse().getContentAsString()).body().text();
			assertThat(DEVELOPER_WORDING.matcher(text).find()).as("%s reads: %s", tab, text).isFalse();
		}
	}

}
