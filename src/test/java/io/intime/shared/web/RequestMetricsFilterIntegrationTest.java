package io.intime.shared.web;

import javax.sql.DataSource;

import io.intime.IntegrationTest;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code intime.diagnostics.request-metrics=true} every response carries the server
 * time and the number of SQL statements the request executed (the shared
 * {@link IntegrationTest} context has them on; the probe endpoint is in
 * {@link io.intime.TestProbes}).
 */
@IntegrationTest
class RequestMetricsFilterIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Test
	void countsTheStatementsOfEachRequest() throws Exception {
		assertThat(dataSource).isInstanceOf(ProxyDataSource.class);
		int session = sessionStatements();
		for (int statements : new int[] { 1, 3, 7 }) {
			mvc.perform(
					get("/test/request-metrics").param("statements", String.valueOf(statements)).with(user("probe")))
				.andExpect(status().isOk())
				.andExpect(header().string(RequestMetricsFilter.SQL_STATEMENTS_HEADER,
						String.valueOf(session + statements)));
		}
	}

	@Test
	void reportsTheServerTime() throws Exception {
		MvcResult result = mvc
			.perform(get("/test/request-metrics").param("statements", "1").param("sleepMs", "30").with(user("probe")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(Long.parseLong(result.getResponse().getHeader(RequestMetricsFilter.SERVER_TIME_HEADER)))
			.isGreaterThanOrEqualTo(30);
		assertThat(result.getResponse().getContentAsString()).isEqualTo("1");
	}

	@Test
	void stampsHealthChecksErrorsAndRedirectsToo() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(header().exists(RequestMetricsFilter.SERVER_TIME_HEADER))
			.andExpect(header().exists(RequestMetricsFilter.SQL_STATEMENTS_HEADER));
		mvc.perform(get("/no-such-page").with(user("probe")))
			.andExpect(status().isNotFound())
			.andExpect(
					header().string(RequestMetricsFilter.SQL_STATEMENTS_HEADER, String.valueOf(sessionStatements())));
		mvc.perform(get("/test/request-metrics").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().exists(RequestMetricsFilter.SERVER_TIME_HEADER));
		mvc.perform(get("/api/v1/accounts"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(RequestMetricsFilter.SQL_STATEMENTS_HEADER, "0"));
	}

	/**
	 * The statements of a request that runs none itself: those of the session MockMvc's
	 * signed-in user gets (sessions are rows in PostgreSQL; a real client signed in with
	 * Basic or a token gets none), at most a read and a write of the session and its
	 * attributes.
	 */
	private int sessionStatements() throws Exception {
		int statements = Integer
			.parseInt(mvc.perform(get("/test/request-metrics").param("statements", "0").with(user("probe")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getHeader(RequestMetricsFilter.SQL_STATEMENTS_HEADER));
		assertThat(statements).isBetween(0, 4);
		return statements;
	}

}
