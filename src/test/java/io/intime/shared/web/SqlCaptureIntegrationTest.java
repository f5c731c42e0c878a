package io.intime.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.intime.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The benchmarks' SQL floor: an admin captures the statements that requests execute, with
 * their parameters, and gets them back with the database's JDBC URL; nobody else may.
 */
@IntegrationTest
class SqlCaptureIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void anAdminCapturesTheStatementsOfTheRequestsInBetweenButNotItsOwn() throws Exception {
		mvc.perform(post(SqlCapture.PATH).with(user("root").roles("ADMIN")).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(get("/test/request-metrics").param("statements", "3").with(user("probe")))
			.andExpect(status().isOk());
		mvc.perform(get(SqlCapture.PATH).with(user("root").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.jdbcUrl").value(org.hamcrest.Matchers.startsWith("jdbc:postgresql:")))
			.andExpect(jsonPath("$.truncated").value(false))
			// The probe's three statements, beside those of the session that MockMvc's
			// signed-in user gets (sessions are rows in PostgreSQL).
			.andExpect(jsonPath("$.statements[?(@.sql == 'select 1')]").value(org.hamcrest.Matchers.hasSize(3)))
			.andExpect(jsonPath("$.statements[?(@.sql == 'select 1')].parameterSets[0].length()")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(0))));
		// Closed: the next requests are not kept.
		mvc.perform(get("/test/request-metrics").param("statements", "2").with(user("probe")))
			.andExpect(status().isOk());
		mvc.perform(get(SqlCapture.PATH).with(user("root").roles("ADMIN")))
			.andExpect(jsonPath("$.statements.length()").value(0));
	}

	@Test
	void onlyAdminsCapture() throws Exception {
		mvc.perform(post(SqlCapture.PATH).with(user("am").roles("ACCOUNT_MANAGER")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get(SqlCapture.PATH).with(user("am").roles("ACCOUNT_MANAGER"))).andExpect(status().isForbidden());
		mvc.perform(get(SqlCapture.PATH)).andExpect(status().isUnauthorized());
	}

	@Test
	void valuesAreTypedSoThatAClientCanBindThemAgain() {
		assertThat(SqlCapture.value(42L)).containsEntry("type", "long").containsEntry("value", "42");
		assertThat(SqlCapture.value("a")).containsEntry("type", "string").containsEntry("value", "a");
		assertThat(SqlCapture.value(new BigDecimal("1.50"))).containsEntry("type", "bigdecimal")
			.containsEntry("value", "1.50");
		assertThat(SqlCapture.value(LocalDate.of(2026, 12, 2))).containsEntry("type", "localdate")
			.containsEntry("value", "2026-12-02");
		assertThat(SqlCapture.value(java.sql.Timestamp.from(java.time.Instant.parse("2026-12-02T10:00:00Z"))))
			.containsEntry("type", "timestamp")
			.containsEntry("value", "2026-12-02T10:00:00Z");
		assertThat(SqlCapture.value(null)).containsEntry("type", "null");
		assertThat(SqlCapture.value(new Object())).containsEntry("type", "unsupported");
	}

}
