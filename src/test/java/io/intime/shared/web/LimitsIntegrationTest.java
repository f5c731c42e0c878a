package io.intime.shared.web;

import java.util.Collections;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists and texts have a maximum size, and so has a request body; the OpenAPI document
 * states them.
 */
@IntegrationTest
class LimitsIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void aContractWithFiftyThousandServiceLinesIsACompact400NamingTheList() throws Exception {
		AccountFixtures fixtures = new AccountFixtures(context);
		CurrentUser executive = fixtures.executive();
		String lines = String.join(",", Collections.nCopies(50_000, "{'name': 'L', 'annualValue': 1}"));
		MvcTestResult result = post("/api/v1/contracts", executive, json("""
				{'accountId': %d, 'type': 'SOW', 'number': '%s', 'startDate': '2026-01-01', 'endDate': '2026-12-31',
				 'status': 'DRAFT', 'paymentTerms': 'Net 30', 'currency': 'USD', 'serviceLines': [%s]}"""
			.formatted(fixtures.account(null).id(), AccountFixtures.unique("SOW"), lines)));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(result)).containsExactly("serviceLines");
		assertThat(result.getResponse().getContentAsByteArray().length).isLessThan(2_000);
	}

	@Test
	void aTenThousandCharacterModelNameIsA400NamingIt() {
		CurrentUser admin = new AccountFixtures(context).user(Role.ADMIN);
		JsonNode current = body(mvc.get().uri("/api/v1/health-model").with(as(admin)).exchange());
		ObjectNode model = (ObjectNode) current;
		model.put("basedOnVersion", current.get("version").asInt());
		model.remove(java.util.List.of("version", "createdAt", "createdBy", "note"));
		model.put("name", "N".repeat(10_000));
		MvcTestResult result = mvc.put()
			.uri("/api/v1/health-model")
			.with(as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(model.toString())
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(result)).containsExactly("name");
	}

	@Test
	void aBodyLargerThanTheLimitIsRefusedUnread() {
		CurrentUser executive = new AccountFixtures(context).executive();
		String huge = json("{'name': '%s'}").formatted("x".repeat(3 * 1024 * 1024));
		MvcTestResult result = post("/api/v1/accounts", executive, huge);

		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(body(result).get("detail").asString()).contains("2 MB");
	}

	@Test
	void theOpenApiDocumentStatesTheLimits() {
		JsonNode schemas = body(mvc.get().uri("/v3/api-docs").exchange()).get("components").get("schemas");
		assertThat(schemas.get("ContractForm").get("properties").get("serviceLines").get("maxItems").asInt())
			.isEqualTo(100);
		assertThat(schemas.get("AccountForm").get("properties").get("name").get("maxLength").asInt()).isEqualTo(200);
		assertThat(schemas.get("HealthModelForm").get("properties").get("name").get("maxLength").asInt())
			.isEqualTo(200);
		assertThat(schemas.get("HealthModelForm").get("properties").get("components").get("maxItems").asInt())
			.isEqualTo(20);
		assertThat(schemas.get("ActivityForm").get("properties").get("contactIds").get("maxItems").asInt())
			.isEqualTo(100);
	}

	private MvcTestResult post(String path, CurrentUser user, String body) {
		return mvc.post().uri(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

}
