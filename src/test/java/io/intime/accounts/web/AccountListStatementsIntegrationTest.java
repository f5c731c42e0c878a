package io.intime.accounts.web;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContractManagement;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.shared.web.RequestMetricsFilter;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.intime.accounts.web.AccountFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The accounts list must stay fast with 10,000 accounts: a page of 50 rows runs the same
 * statements as a page of one (the search, its owners, the owner filter), never one per
 * row. Counts every JDBC statement the request executes, Hibernate's and JdbcClient's
 * alike, as the request metrics of the shared context report them
 * ({@code X-Sql-Statements}).
 */
@IntegrationTest
class AccountListStatementsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ContactManagement contacts;

	@Autowired
	ContractManagement contracts;

	@Test
	void aFullPageRunsNoMoreStatementsThanAPageOfOne() throws Exception {
		AccountFixtures fixtures = new AccountFixtures(users, accounts, contacts, contracts);
		String word = AccountFixtures.unique("Volume");
		CurrentUser[] owners = { fixtures.user(Role.ACCOUNT_MANAGER), fixtures.user(Role.ACCOUNT_MANAGER),
				fixtures.user(Role.ACCOUNT_MANAGER), fixtures.user(Role.ACCOUNT_MANAGER) };
		for (int i = 1; i <= 60; i++) {
			fixtures.account(String.format("%s %03d", word, i)).ownedBy(owners[i % owners.length]).create();
		}
		CurrentUser viewer = fixtures.user(Role.SALES_DIRECTOR);
		// Warm-up: the first request of a user may do one-off work (e.g. caches).
		count(get("/accounts").param("q", word).with(as(viewer)), 50);

		int fullPage = count(get("/accounts").param("q", word).param("sort", "arr").with(as(viewer)), 50);
		int onePage = count(get("/accounts").param("q", word + " 007").with(as(viewer)), 1);
		int htmxPage = count(get("/accounts").param("q", word).header("HX-Request", "true").with(as(viewer)), 50);

		assertThat(fullPage).isEqualTo(onePage);
		// Sign-in by HTTP Basic (2) + search (3: page, total, owners' names) + owner
		// filter (1) + the session that the page's CSRF token starts, stored in
		// PostgreSQL (2: the session and its attributes). A browser's signed-in page has
		// no sign-in statements but reads and touches its session instead (bench/
		// measures that). The htmx fragment skips the filter.
		assertThat(fullPage).isLessThanOrEqualTo(8);
		assertThat(htmxPage).isEqualTo(fullPage - 1);
	}

	@Test
	void pagesThroughFiftyAtATime() throws Exception {
		AccountFixtures fixtures = new AccountFixtures(users, accounts, contacts, contracts);
		String word = AccountFixtures.unique("Paged");
		for (int i = 1; i <= 53; i++) {
			fixtures.account(String.format("%s %03d", word, i)).create();
		}
		CurrentUser viewer = fixtures.user(Role.EXECUTIVE);

		var first = Jsoup.parse(mvc.perform(get("/accounts").param("q", word).with(as(viewer)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(first.selectFirst("#pager-range").text()).isEqualTo("1–50 of 53 · page 1 of 2");
		assertThat(first.select("#page-prev")).isEmpty();
		String next = first.selectFirst("#page-next").attr("href");
		assertThat(next).contains("q=" + word).contains("page=1");

		var second = Jsoup
			.parse(mvc.perform(get(next).with(as(viewer))).andReturn().getResponse().getContentAsString());
		assertThat(second.select("tr.account-row a.account-link").eachText()).containsExactly(word + " 051",
				word + " 052", word + " 053");
		assertThat(second.selectFirst("#account-count").text()).isEqualTo("51–53 of 53 accounts");

		var byArr = Jsoup.parse(mvc
			.perform(get("/accounts").param("q", word).param("sort", "arr").param("dir", "desc").with(as(viewer)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(byArr.selectFirst("th[aria-sort=descending] a").text()).startsWith("ARR");
		assertThat(byArr.selectFirst("th[aria-sort=descending] a").attr("href")).contains("sort=arr")
			.doesNotContain("dir=desc");
	}

	private int count(MockHttpServletRequestBuilder request, int expectedRows) throws Exception {
		var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(Jsoup.parse(response.getContentAsString()).select("tr.account-row")).hasSize(expectedRows);
		return Integer.parseInt(response.getHeader(RequestMetricsFilter.SQL_STATEMENTS_HEADER));
	}

}
