package io.intime.shared.web;

import io.intime.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OpenApiIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void describesTheApiWithoutSigningIn() {
		MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		JsonNode docs = body(result);
		assertThat(docs.get("info").get("title").asString()).isEqualTo("InTime Accounts API");
		assertThat(docs.get("info").get("version").asString()).isEqualTo("v1");
		assertThat(docs.get("paths").propertyNames()).contains("/api/v1/accounts", "/api/v1/accounts/{id}",
				"/api/v1/accounts/{id}/team", "/api/v1/contacts", "/api/v1/contacts/{id}", "/api/v1/contracts",
				"/api/v1/contracts/{id}", "/api/v1/users", "/api/v1/users/{id}", "/api/v1/events", "/api/v1/audit",
				"/api/v1/me/tokens", "/api/v1/me/tokens/{id}");
		assertThat(docs.get("paths").get("/api/v1/accounts").propertyNames()).contains("get", "post");
		assertThat(docs.get("paths").get("/api/v1/accounts/{id}").propertyNames()).contains("get", "patch", "delete");
		assertThat(docs.get("paths").get("/api/v1/accounts").get("post").get("responses").propertyNames())
			.contains("201");
		assertThat(docs.get("paths").get("/api/v1/accounts/{id}").get("delete").get("responses").propertyNames())
			.contains("204");
	}

	@Test
	void declaresBasicAndBearerAuthentication() {
		JsonNode docs = body(mvc.get().uri("/v3/api-docs").exchange());
		JsonNode schemes = docs.get("components").get("securitySchemes");
		assertThat(schemes.get("basicAuth").get("scheme").asString()).isEqualTo("basic");
		assertThat(schemes.get("bearerAuth").get("scheme").asString()).isEqualTo("bearer");
		assertThat(docs.get("security").toString()).contains("basicAuth").contains("bearerAuth");
	}

	@Test
	void leavesTheSignedInUserOutOfTheParameters() {
		JsonNode list = body(mvc.get().uri("/v3/api-docs").exchange()).get("paths").get("/api/v1/accounts").get("get");
		assertThat(list.get("parameters").findValues("name")).extracting(JsonNode::asString)
			.contains("q", "tier", "sort", "direction", "page", "size")
			.doesNotContain("user");
	}

	@Test
	void servesSwaggerUiWithoutSigningIn() {
		assertThat(mvc.get().uri("/swagger-ui.html")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
	}

}
