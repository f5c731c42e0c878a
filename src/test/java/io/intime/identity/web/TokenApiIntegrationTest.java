package io.intime.identity.web;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TokenApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	@Test
	void aTokenIsShownOnceWorksAsBearerAndStopsWorkingWhenRevoked() throws Exception {
		CurrentUser user = fixtures.user(Role.ACCOUNT_MANAGER);

		MvcTestResult created = create(user, json("{'name': 'Nightly CRM sync'}"));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode issued = body(created);
		long id = issued.get("token").get("id").asLong();
		String secret = issued.get("secret").asString();
		assertThat(secret).startsWith("itk_");
		assertThat(issued.get("token").get("prefix").asString()).isEqualTo(secret.substring(0, 10));
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/me/tokens/" + id);

		MvcTestResult listed = mvc.get().uri("/api/v1/me/tokens").with(as(user)).exchange();
		assertThat(body(listed).get("total").asLong()).isEqualTo(1);
		assertThat(body(listed).get("items").get(0).get("name").asString()).isEqualTo("Nightly CRM sync");
		assertThat(listed.getResponse().getContentAsString()).doesNotContain(secret);

		MvcTestResult withToken = mvc.get()
			.uri("/api/v1/users/{id}", user.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
			.exchange();
		assertThat(withToken).hasStatusOk();
		assertThat(body(withToken).get("username").asString()).isEqualTo(user.username());
		JsonNode used = body(mvc.get()
			.uri("/api/v1/me/tokens/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
			.exchange());
		assertThat(used.get("lastUsedAt").isNull()).isFalse();
		assertThat(mvc.post()
			.uri("/api/v1/accounts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'name': 'Via token'}"))).as("a token acts with its user's permissions, without CSRF")
			.hasStatus(HttpStatus.FORBIDDEN);

		assertThat(mvc.delete().uri("/api/v1/me/tokens/{id}", id).with(as(user))).hasStatus(HttpStatus.NO_CONTENT);

		MvcTestResult revoked = mvc.get()
			.uri("/api/v1/users/{id}", user.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
			.exchange();
		assertThat(revoked).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(
				body(mvc.get().uri("/api/v1/me/tokens/{id}", id).with(as(user)).exchange()).get("revokedAt").isNull())
			.isFalse();
	}

	@Test
	void aUserNeitherSeesNorRevokesSomeoneElsesToken() {
		CurrentUser owner = fixtures.user(Role.FINANCE);
		CurrentUser other = fixtures.user(Role.ADMIN);
		JsonNode issued = body(create(owner, json("{'name': 'Reports'}")));
		long id = issued.get("token").get("id").asLong();

		assertThat(mvc.get().uri("/api/v1/me/tokens/{id}", id).with(as(other))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.delete().uri("/api/v1/me/tokens/{id}", id).with(as(other))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(body(mvc.get().uri("/api/v1/me/tokens").with(as(other)).exchange()).get("total").asLong()).isZero();
		assertThat(mvc.get()
			.uri("/api/v1/me/tokens")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.get("secret").asString())).hasStatusOk();
	}

	@Test
	void anUnknownBearerTokenIsUnauthorized() {
		assertThat(mvc.get().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, "Bearer itk_not-a-real-token"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, "Bearer something-else"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aTokenNeedsAName() {
		CurrentUser user = fixtures.user(Role.LEGAL);
		assertThat(errorFields(create(user, json("{'name': '  '}")))).containsExactly("name");
		assertThat(errorFields(create(user, json("{}")))).containsExactly("name");
		assertThat(errorFields(create(user, json("{'name': 'x', 'expires': '2027-01-01'}"))))
			.containsExactly("expires");
		assertThat(errorFields(create(user, "not json"))).containsExactly("body");
		assertThat(body(mvc.get().uri("/api/v1/me/tokens").with(as(user)).exchange()).get("total").asLong()).isZero();
	}

	private MvcTestResult create(CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/me/tokens")
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
