package io.intime.engagement.web;

import io.intime.engagement.NpsResponseRecorded;
import java.time.LocalDate;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContactView;
import io.intime.accounts.StakeholderRole;
import io.intime.engagement.EngagementFixtures;
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

/** /api/v1/nps-responses: recording, validation, conflicts, who may, events. */
@IntegrationTest
@RecordApplicationEvents
class NpsApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	EngagementFixtures fixtures;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new EngagementFixtures(context);
	}

	@Test
	void anAccountManagerRecordsADetractorsResponseAndTheFactChangeIsAnnounced() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		ContactView jane = fixtures.contact(account, StakeholderRole.CHAMPION);

		MvcTestResult created = post(manager, json("""
				{'accountId': %d, 'contactId': %d, 'score': 3, 'comment': 'Not meeting expectations',
				 'respondedOn': '%s'}""".formatted(account.id(), jane.id(), today.minusDays(3))));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode response = body(created);
		long id = response.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/nps-responses/" + id);
		assertThat(response.get("category").asString()).isEqualTo("DETRACTOR");
		assertThat(response.get("surveyType").asString()).as("the default").isEqualTo("TRANSACTIONAL");
		assertThat(response.get("contact").get("name").asString()).isEqualTo(jane.name());
		assertThat(response.get("respondedOn").asString()).isEqualTo(today.minusDays(3).toString());
		assertThat(events.stream(NpsResponseRecorded.class)).singleElement().satisfies(e -> {
			assertThat(e.accountId()).isEqualTo(account.id());
			assertThat(e.actor()).isEqualTo(manager.actor());
		});
		assertThat(jdbc
			.sql("select (payload->>'score')::int from domain_event where type = 'nps.received' and account_id = :a")
			.param("a", account.id())
			.query(Integer.class)
			.single()).isEqualTo(3);

		JsonNode list = body(mvc.get()
			.uri("/api/v1/nps-responses?accountId={a}", account.id())
			.with(as(fixtures.accounts().user(Role.FINANCE)))
			.exchange());
		assertThat(list.get("total").asLong()).isEqualTo(1);
		assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(id);
	}

	@Test
	void aScoreOutsideZeroToTenAndAFutureDateAreRefusedNamingTheField() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);

		MvcTestResult eleven = post(manager,
				json("{'accountId': %d, 'score': 11, 'respondedOn': '%s'}".formatted(account.id(), today)));
		assertThat(eleven).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorMessage(eleven, "score")).isEqualTo("must be between 0 and 10");
		assertThat(errorFields(post(manager, json(
				"{'accountId': %d, 'score': 8, 'respondedOn': '%s'}".formatted(account.id(), today.plusDays(10))))))
			.containsExactly("respondedOn");
		assertThat(errorFields(post(manager,
				json("{'accountId': %d, 'score': 8.5, 'respondedOn': '%s'}".formatted(account.id(), today)))))
			.containsExactly("score");
		assertThat(errorFields(post(manager, json("{'accountId': %d}".formatted(account.id())))))
			.containsExactly("respondedOn", "score");
		assertThat(errorFields(
				post(manager, json("{'accountId': %d, 'score': 8, 'respondedOn': '%s', 'contactId': 999999999}"
					.formatted(account.id(), today)))))
			.containsExactly("contactId");
	}

	@Test
	void recruitersAndFinanceReadResponsesButDoNotRecordThemAndOnlyExecutivesDelete() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		CurrentUser recruiter = fixtures.accounts().user(Role.RECRUITER);
		fixtures.accounts().onTeam(account, recruiter);
		String body = json("{'accountId': %d, 'score': 9, 'respondedOn': '%s'}".formatted(account.id(), today));

		assertThat(post(recruiter, body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(fixtures.accounts().user(Role.FINANCE), body)).hasStatus(HttpStatus.FORBIDDEN);
		long id = body(post(manager, body)).get("id").asLong();
		assertThat(mvc.get().uri("/api/v1/nps-responses/{id}", id).with(as(recruiter))).hasStatusOk();
		assertThat(mvc.delete().uri("/api/v1/nps-responses/{id}", id).with(as(manager)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.delete().uri("/api/v1/nps-responses/{id}", id).with(as(fixtures.accounts().executive())))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and actor_name = :u")
			.param("u", recruiter.username())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aStaleCorrectionIsAConflictAndTheOtherCorrectionSurvives() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		JsonNode response = body(post(manager,
				json("{'accountId': %d, 'score': 6, 'respondedOn': '%s'}".formatted(account.id(), today))));
		long id = response.get("id").asLong();

		assertThat(patch(id, manager, json("{'version': 0, 'score': 7}"))).hasStatusOk();
		assertThat(patch(id, manager, json("{'version': 0, 'comment': 'late'}"))).hasStatus(HttpStatus.CONFLICT);
		JsonNode now = body(mvc.get().uri("/api/v1/nps-responses/{id}", id).with(as(manager)).exchange());
		assertThat(now.get("score").asInt()).isEqualTo(7);
		assertThat(now.get("category").asString()).isEqualTo("PASSIVE");
		assertThat(now.get("comment").isNull()).isTrue();
	}

	private MvcTestResult post(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/nps-responses")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/nps-responses/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
