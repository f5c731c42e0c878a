package io.intime.health.web;

import java.time.LocalDate;

import io.intime.TestClock;
import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.jsoup.Jsoup;
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
 * The account timeline and the health page cite invoices and opportunities only to
 * readers whom billing's and revenue's rules let see them: a recruiter on the account's
 * team reads the account's health, but not its invoice numbers, amounts or opportunity
 * values; its account manager reads them all.
 */
@IntegrationTest
class CitedDetailsIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void aRecruiterReadsTheHealthAndTimelineWithoutTheInvoicesAndOpportunitiesItMayNotSee() throws Exception {
		AccountFixtures fixtures = new AccountFixtures(context);
		CurrentUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		CurrentUser finance = fixtures.user(Role.FINANCE);
		AccountDetails account = fixtures.account(manager);
		fixtures.onTeam(account, recruiter);
		String invoice = AccountFixtures.unique("INV");
		LocalDate today = TestClock.today();
		assertThat(post(finance, "/api/v1/invoices",
				"""
						{'accountId': %d, 'number': '%s', 'issueDate': '%s', 'dueDate': '%s', 'amount': {'amount': '85420.00'}}"""
					.formatted(account.id(), invoice, today.minusDays(77), today.minusDays(47))))
			.hasStatus(HttpStatus.CREATED);
		String opportunity = AccountFixtures.unique("Opp");
		assertThat(post(manager, "/api/v1/opportunities",
				"{'accountId': %d, 'title': '%s', 'value': {'amount': '250000'}}".formatted(account.id(), opportunity)))
			.hasStatus(HttpStatus.CREATED);
		assertThat(post(manager, "/api/v1/accounts/" + account.id() + "/health/recompute", null)).hasStatusOk();

		// The account manager may see invoices and opportunities: every detail is cited.
		String ownersTimeline = get(manager, "/api/v1/accounts/" + account.id() + "/timeline");
		assertThat(ownersTimeline).contains("Invoice " + invoice + " overdue").contains("85,420").contains(opportunity);
		JsonNode ownersHealth = body(
				mvc.get().uri("/api/v1/accounts/{id}/health", account.id()).with(as(manager)).exchange());
		assertThat(explanation(ownersHealth, "payment")).endsWith(invoice + " is 47 days overdue");
		assertThat(explanation(ownersHealth, "expansion")).contains("$250K").contains(opportunity);
		String ownersPage = Jsoup.parse(get(manager, "/accounts/" + account.id() + "/health")).body().text();
		assertThat(ownersPage).contains("Invoice " + invoice + " is 47 days overdue");

		// The recruiter sees the health, but none of billing's or revenue's records.
		String recruitersTimeline = get(recruiter, "/api/v1/accounts/" + account.id() + "/timeline");
		assertThat(recruitersTimeline).doesNotContain(invoice)
			.doesNotContain("85,420")
			.doesNotContain(opportunity)
			.doesNotContain("\"kind\":\"invoice.")
			.doesNotContain("\"kind\":\"opportunity.");
		JsonNode recruitersHealth = body(
				mvc.get().uri("/api/v1/accounts/{id}/health", account.id()).with(as(recruiter)).exchange());
		assertThat(recruitersHealth.get("score").asInt()).isEqualTo(ownersHealth.get("score").asInt());
		assertThat(explanation(recruitersHealth, "payment")).endsWith("an invoice is 47 days overdue")
			.doesNotContain(invoice);
		assertThat(explanation(recruitersHealth, "expansion")).isEqualTo("1 open expansion opportunity");
		String recruitersPage = Jsoup.parse(get(recruiter, "/accounts/" + account.id() + "/health")).body().text();
		assertThat(recruitersPage).contains("is 47 days overdue")
			.doesNotContain(invoice)
			.doesNotContain(opportunity)
			.doesNotContain("85,420");
	}

	private static String explanation(JsonNode health, String key) {
		for (JsonNode component : health.get("components")) {
			if (component.get("key").asString().equals(key)) {
				return component.get("explanation").asString();
			}
		}
		throw new AssertionError("no component " + key + " in " + health);
	}

	private String get(CurrentUser user, String uri) throws Exception {
		MvcTestResult result = mvc.get().uri(uri).with(as(user)).exchange();
		assertThat(result).as(uri).hasStatusOk();
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private MvcTestResult post(CurrentUser user, String uri, String body) {
		var request = mvc.post().uri(uri).with(as(user));
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(json(body));
		}
		return request.exchange();
	}

}
