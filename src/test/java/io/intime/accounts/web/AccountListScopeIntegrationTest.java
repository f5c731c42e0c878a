package io.intime.accounts.web;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContractManagement;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.intime.accounts.web.AccountFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where the accounts list starts: an account manager on "My accounts", with "All
 * accounts" one click away and kept for the rest of the session; everyone else on every
 * account they may see.
 */
@IntegrationTest
class AccountListScopeIntegrationTest {

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

	AccountFixtures fixtures;

	String word;

	CurrentUser manager;

	CurrentUser colleague;

	@BeforeEach
	void twoPortfolios() {
		fixtures = new AccountFixtures(users, accounts, contacts, contracts);
		word = AccountFixtures.unique("Scope");
		manager = fixtures.user(Role.ACCOUNT_MANAGER);
		colleague = fixtures.user(Role.ACCOUNT_MANAGER);
		fixtures.account(word + " Mine").ownedBy(manager).create();
		fixtures.account(word + " Theirs").ownedBy(colleague).create();
	}

	@Test
	void accountManagerLandsOnTheirOwnAccounts() throws Exception {
		Document page = page(get("/accounts"), manager, new MockHttpSession());

		assertThat(page.select("tr.account-row a.account-link").eachText()).containsExactly(word + " Mine");
		assertThat(page.selectFirst("#scope-mine").attr("aria-current")).isEqualTo("page");
		assertThat(page.selectFirst("#scope-all").hasAttr("aria-current")).isFalse();
		assertThat(page.selectFirst("#filter-owner option[selected]").val()).isEqualTo(String.valueOf(manager.id()));
		assertThat(page.select(".clear-filters")).as("their own accounts are where they start, not a filter").isEmpty();
		// Sorting and paging keep to the portfolio.
		assertThat(page.selectFirst("th a").attr("href")).contains("owner=" + manager.id());
	}

	@Test
	void allAccountsIsOneClickAwayAndStaysChosenWhenComingBackThroughTheMenu() throws Exception {
		MockHttpSession session = new MockHttpSession();
		Document mine = page(get("/accounts"), manager, session);
		String allLink = mine.selectFirst("#scope-all").attr("href");
		assertThat(allLink).isEqualTo("/accounts?scope=all");

		Document all = page(get(allLink), manager, session);
		assertThat(all.selectFirst("#scope-all").attr("aria-current")).isEqualTo("page");
		assertThat(all.select("#filter-owner option[selected]")).isEmpty();
		Document search = page(get("/accounts").param("q", word), manager, session);
		assertThat(search.select("tr.account-row a.account-link").eachText()).containsExactly(word + " Mine",
				word + " Theirs");

		Document back = page(get("/accounts"), manager, session);
		assertThat(back.selectFirst("#scope-all").attr("aria-current")).isEqualTo("page");
		assertThat(back.select("tr.account-row a.account-link").eachText()).hasSizeGreaterThan(1);

		// The owner filter set to oneself (as the search box sends it) is "My accounts"
		// again.
		page(get("/accounts").param("q", "").param("owner", String.valueOf(manager.id())).header("HX-Request", "true"),
				manager, session);
		Document again = page(get("/accounts"), manager, session);
		assertThat(again.select("tr.account-row a.account-link").eachText()).containsExactly(word + " Mine");
	}

	@Test
	void aLinkWithFiltersIsNotNarrowedToTheirAccounts() throws Exception {
		Document page = page(get("/accounts").param("q", word), manager, new MockHttpSession());

		assertThat(page.select("tr.account-row a.account-link").eachText()).containsExactly(word + " Mine",
				word + " Theirs");
		assertThat(page.selectFirst("#scope-all").attr("aria-current")).isEqualTo("page");
	}

	@Test
	void otherRolesLandOnEveryAccountWithoutTheSwitch() throws Exception {
		Document page = page(get("/accounts").param("q", word), fixtures.executive(), new MockHttpSession());
		assertThat(page.select("tr.account-row")).hasSize(2);

		Document landing = page(get("/accounts"), fixtures.executive(), new MockHttpSession());
		assertThat(landing.select("#scope-mine, #scope-all")).isEmpty();
		assertThat(landing.select("#filter-owner option[selected]")).isEmpty();
		assertThat(landing.select(".clear-filters")).isEmpty();
	}

	private Document page(MockHttpServletRequestBuilder request, CurrentUser user, MockHttpSession session)
			throws Exception {
		String body = mvc.perform(request.session(session).with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(body);
	}

}
