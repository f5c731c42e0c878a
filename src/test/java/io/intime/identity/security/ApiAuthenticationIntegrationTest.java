package io.intime.identity.security;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@IntegrationTest
class ApiAuthenticationIntegrationTest {

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
	void aRequestWithoutCredentialsIsAnUnauthorizedProblem() {
		MvcTestResult result = mvc.get().uri("/api/v1/accounts").exchange();
		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(body(result).get("status").asInt()).isEqualTo(401);
		assertThat(result.getResponse().getHeaders("WWW-Authenticate"))
			.as("no Basic challenge: browsers would keep the password")
			.noneMatch(h -> h.startsWith("Basic"))
			.anyMatch(h -> h.startsWith("Bearer"));
		assertThat(mvc.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aSignedInBrowserSessionUsesTheApiButNeedsItsCsrfTokenToChangeAnything() {
		CurrentUser executive = fixtures.executive();
		MvcTestResult login = mvc.post()
			.uri("/login")
			.param("username", executive.username())
			.param("password", AccountFixtures.PASSWORD)
			.with(csrf())
			.exchange();
		assertThat(login).hasStatus3xxRedirection();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
		String account = "{\"name\": \"%s\", \"timeZone\": \"UTC\", \"status\": \"ACTIVE\", \"billingCurrency\": \"USD\"}";

		assertThat(mvc.get().uri("/api/v1/users/{id}", executive.id()).session(session)).hasStatusOk();
		assertThat(mvc.post()
			.uri("/api/v1/accounts")
			.session(session)
			.contentType(MediaType.APPLICATION_JSON)
			.content(account.formatted(AccountFixtures.unique("Forged")))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/api/v1/accounts")
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(account.formatted(AccountFixtures.unique("Meant")))).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void httpBasicWithTheRightPasswordIsAccepted() {
		CurrentUser user = fixtures.user(Role.ACCOUNT_MANAGER);
		assertThat(mvc.get().uri("/api/v1/users/{id}", user.id()).with(as(user))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/users/{id}", user.id()).with(httpBasic(user.username(), "wrong")))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void fiveWrongPasswordsLockTheUserSoThatEvenTheRightOneFails() {
		CurrentUser user = fixtures.user(Role.ACCOUNT_MANAGER);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(mvc.get().uri("/api/v1/accounts").with(httpBasic(user.username(), "guess-" + attempt)))
				.hasStatus(HttpStatus.UNAUTHORIZED);
		}

		MvcTestResult locked = mvc.get().uri("/api/v1/accounts").with(as(user)).exchange();

		assertThat(locked).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(body(locked).get("detail").asString()).contains("locked");
		assertThat(jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'user' and entity_id = :id and action = 'LOCKED'")
			.param("id", user.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void fourWrongPasswordsDoNotLockAndASuccessClearsTheCount() {
		CurrentUser user = fixtures.user(Role.ACCOUNT_MANAGER);
		for (int round = 0; round < 2; round++) {
			for (int attempt = 1; attempt <= 4; attempt++) {
				assertThat(mvc.get().uri("/api/v1/accounts").with(httpBasic(user.username(), "guess-" + attempt)))
					.hasStatus(HttpStatus.UNAUTHORIZED);
			}
			assertThat(mvc.get().uri("/api/v1/accounts?size=1").with(as(user))).hasStatusOk();
		}
	}

	@Test
	void healthIsUpWithoutSigningIn() {
		MvcTestResult health = mvc.get().uri("/actuator/health").exchange();
		assertThat(health).hasStatusOk();
		assertThat(body(health).get("status").asString()).isEqualTo("UP");
	}

}
