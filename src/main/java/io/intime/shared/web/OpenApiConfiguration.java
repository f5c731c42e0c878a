package io.intime.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the REST API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): what it is, and the two ways a script signs in.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BASIC = "basicAuth";
	static final String BEARER = "bearerAuth";

	@Bean
	OpenAPI inTimeOpenApi() {
		return new OpenAPI().info(new Info().title("InTime Accounts API").version("v1").description("""
				Account management for B2B staffing firms: accounts, contacts, contracts, users, the domain \
				event log and the audit trail. Lists are paged (`?page=0&size=50`, answering \
				`{"items", "total", "page", "size"}`); create is POST (201 with a Location), change is PATCH \
				as a JSON merge patch carrying the `version` read (a stale one is a 409), remove is DELETE. \
				Errors are `application/problem+json`; input errors are 400s whose `errors` name each wrong \
				field. Amounts are `{"amount": "500000.00", "currency": "USD"}`, instants ISO-8601 UTC, \
				dates ISO-8601."""))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("Username and password; 5 wrong passwords lock the user for a while"))
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("itk_…")
							.description("A personal API token, created with POST /api/v1/me/tokens")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
