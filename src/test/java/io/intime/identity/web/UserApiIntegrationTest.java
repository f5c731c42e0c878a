package io.intime.identity.web;

import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class UserApiIntegrationTest {

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
	void anySignedInUserListsTheUsersByRoleWithoutTheirSecrets() throws Exception {
		CurrentUser firstLawyer = fixtures.user(Role.LEGAL);
		CurrentUser secondLawyer = fixtures.user(Role.LEGAL);
		CurrentUser reader = fixtures.user(Role.RECRUITER);

		MvcTestResult result = mvc.get().uri("/api/v1/users?role=LEGAL&size=200").with(as(reader)).exchange();

		assertThat(result).hasStatusOk();
		JsonNode page = body(result);
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach(user -> {
			ids.add(user.get("id").asLong());
			assertThat(user.get("role").asString()).isEqualTo("LEGAL");
			assertThat(user.propertyNames()).containsExactlyInAnyOrder("id", "username", "fullName", "email", "title",
					"role", "timeZone", "enabled");
		});
		assertThat(ids).contains(firstLawyer.id(), secondLawyer.id()).doesNotContain(reader.id());
		assertThat(page.get("total").asLong()).isEqualTo(ids.size());
		assertThat(result.getResponse().getContentAsString()).doesNotContainIgnoringCase("password");
	}

	@Test
	void usersArePaged() {
		CurrentUser reader = fixtures.user(Role.ACCOUNT_MANAGER);
		fixtures.user(Role.ACCOUNT_MANAGER);
		JsonNode first = body(mvc.get().uri("/api/v1/users?size=1").with(as(reader)).exchange());
		JsonNode second = body(mvc.get().uri("/api/v1/users?size=1&page=1").with(as(reader)).exchange());
		assertThat(first.get("items")).hasSize(1);
		assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(second.get("items").get(0).get("id").asLong())
			.isNotEqualTo(first.get("items").get(0).get("id").asLong());
		JsonNode beyond = body(mvc.get().uri("/api/v1/users?size=200&page=100000").with(as(reader)).exchange());
		assertThat(beyond.get("items")).isEmpty();
		assertThat(beyond.get("total").asLong()).isEqualTo(first.get("total").asLong());
	}

	@Test
	void readsOneUserAndAnswers404ForAnUnknownOne() {
		CurrentUser reader = fixtures.user(Role.FINANCE);
		CurrentUser colleague = fixtures.user(Role.SALES_DIRECTOR);
		JsonNode user = body(mvc.get().uri("/api/v1/users/{id}", colleague.id()).with(as(reader)).exchange());
		assertThat(user.get("username").asString()).isEqualTo(colleague.username());
		assertThat(user.get("fullName").asString()).isEqualTo(colleague.fullName());
		assertThat(mvc.get().uri("/api/v1/users/999999999").with(as(reader))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void badParametersAreRefusedNamingTheParameter() {
		CurrentUser reader = fixtures.user(Role.FINANCE);
		MvcTestResult role = mvc.get().uri("/api/v1/users?role=KING").with(as(reader)).exchange();
		assertThat(role).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(role)).containsExactly("role");
		assertThat(errorFields(mvc.get().uri("/api/v1/users?size=0").with(as(reader)).exchange()))
			.containsExactly("size");
		assertThat(errorFields(mvc.get().uri("/api/v1/users?page=-1").with(as(reader)).exchange()))
			.containsExactly("page");
	}

}
