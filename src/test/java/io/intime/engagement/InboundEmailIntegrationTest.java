package io.intime.engagement;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbound email webhook on the real database: a wrong or missing secret is refused; a
 * sender is matched by address, else by domain, else not kept; a critical word alerts the
 * owner; the review confirms once (with a sentiment) and refuses a second time. And the
 * compose page refuses an unknown merge field by its name.
 */
@IntegrationTest
class InboundEmailIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	@Test
	void mailIsMatchedFiledForReviewAndAlertsOnCriticalWords() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		String domain = AccountFixtures.unique("acme").toLowerCase() + ".example";
		ContactView contact = context.getBean(io.intime.accounts.ContactManagement.class)
			.create(account.id(), AccountFixtures.contactForm("Pat Lane", "pat@" + domain), fixtures.executive());

		assertThat(post(null, "pat@" + domain, "Hello", "Hi")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(post("wrong", "pat@" + domain, "Hello", "Hi")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(body(post("test-inbound-secret", "nobody@" + AccountFixtures.unique("x") + ".example", "Hi", "?"))
			.get("status")
			.asString()).isEqualTo("UNMATCHED");

		JsonNode exact = body(
				post("test-inbound-secret", "Pat Lane <PAT@" + domain + ">", "Q1 plans", "We plan 5 roles."));
		assertThat(exact.get("status").asString()).isEqualTo("PENDING_REVIEW");
		assertThat(exact.get("contactId").asLong()).isEqualTo(contact.id());
		long activity = exact.get("activityId").asLong();
		assertThat(jdbc.sql("select review_status from activity where id = ?")
			.params(activity)
			.query(String.class)
			.single()).isEqualTo("PENDING");

		JsonNode byDomain = body(
				post("test-inbound-secret", "cfo@" + domain, "Urgent: we may cancel", "We are unhappy."));
		assertThat(byDomain.get("accountId").asLong()).isEqualTo(account.id());
		assertThat(byDomain.get("contactId").isNull()).isTrue();
		assertThat(byDomain.get("criticalWord").asString()).isEqualTo("urgent");
		assertThat(jdbc
			.sql("select count(*) from notification where recipient_id = ? and kind = 'engagement.critical-email'")
			.params(owner.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// the review: a sentiment is required, then it is confirmed once
		long version = jdbc.sql("select version from activity where id = ?")
			.params(activity)
			.query(Long.class)
			.single();
		assertThat(mvc.post()
			.uri("/activities/{id}/review", activity)
			.param("decision", "confirm")
			.param("version", String.valueOf(version))
			.with(as(owner))
			.exchange()).hasStatus(HttpStatus.FOUND).flash().containsKey("flashError");
		assertThat(mvc.post()
			.uri("/activities/{id}/review", activity)
			.param("decision", "confirm")
			.param("sentiment", "POSITIVE")
			.param("outcome", "Call booked")
			.param("version", String.valueOf(version))
			.with(as(owner))
			.exchange()).flash().containsKey("toast");
		assertThat(jdbc.sql("select review_status || ' ' || sentiment || ' ' || outcome from activity where id = ?")
			.params(activity)
			.query(String.class)
			.single()).isEqualTo("CONFIRMED POSITIVE Call booked");
		assertThat(mvc.post()
			.uri("/activities/{id}/review", activity)
			.param("decision", "dismiss")
			.param("version", String.valueOf(version + 1))
			.with(as(owner))
			.exchange()).flash().containsKey("flashError");
		assertThat(mvc.post()
			.uri("/activities/{id}/review", byDomain.get("activityId").asLong())
			.param("decision", "dismiss")
			.param("version", "0")
			.with(as(fixtures.user(Role.ACCOUNT_MANAGER)))
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);

		// compose: an unknown merge field is named, nothing is sent
		MvcTestResult refused = mvc.post()
			.uri("/accounts/{id}/email/new", account.id())
			.param("contact", String.valueOf(contact.id()))
			.param("subject", "Hello {{contact.firstName}}")
			.param("body", "Dear {{contact.nickname}}")
			.with(as(owner))
			.exchange();
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getResponse().getContentAsString()).contains("unknown merge field {{contact.nickname}}");
		assertThat(jdbc.sql("select count(*) from client_email where to_email = ?")
			.params("pat@" + domain)
			.query(Long.class)
			.single()).isZero();
	}

	private MvcTestResult post(String secret, String from, String subject, String text) {
		var request = mvc.post()
			.uri("/api/v1/inbound/email")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"from": "%s", "to": ["am@intime.example"], "subject": "%s", "text": "%s"}""".formatted(from,
					subject, text));
		return secret == null ? request.exchange() : request.header("X-Inbound-Secret", secret).exchange();
	}

}
