package io.intime.accounts.web;

import java.nio.charset.StandardCharsets;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContractManagement;
import io.intime.shared.Editable;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

import static io.intime.accounts.web.AccountFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the shared layout and form fragments give every page: a skip link, the modules'
 * styles, errors tied to inputs.
 */
@IntegrationTest
class PageAccessibilityIntegrationTest {

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

	@BeforeEach
	void fixtures() {
		fixtures = new AccountFixtures(users, accounts, contacts, contracts);
	}

	@Test
	void aFieldWithAnErrorNamesItsMessageAndOthersDoNot() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(AccountFixtures.unique("Aria")).ownedBy(owner).create();
		Editable<AccountForm> editable = accounts.editable(account.id(), owner);

		Document page = Jsoup.parse(mvc
			.perform(post("/accounts/{id}/edit", account.id()).with(as(owner))
				.params(AccountFormParams.of(editable.form(), editable.version()).with("employeeCount", "abc").toMap()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString());

		Element input = page.selectFirst("[data-field=employeeCount] input");
		Element message = page.selectFirst("[data-field=employeeCount] .field-error");
		assertThat(input.attr("aria-invalid")).isEqualTo("true");
		assertThat(message.id()).isNotEmpty();
		assertThat(input.attr("aria-describedby")).isEqualTo(message.id());
		assertThat(page.getElementById(input.attr("aria-describedby")).text()).isEqualTo("'abc' is not a whole number");
		Element name = page.selectFirst("[data-field=name] input");
		assertThat(name.hasAttr("aria-invalid")).isFalse();
		assertThat(name.hasAttr("aria-describedby")).isFalse();
	}

	@Test
	void everyPageStartsWithASkipLinkToItsContentAndLinksEachModulesStylesheet() throws Exception {
		CurrentUser someone = fixtures.user(Role.ACCOUNT_MANAGER);

		Document page = Jsoup.parse(mvc.perform(get("/accounts").with(as(someone)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		Element skip = page.body().selectFirst("a");
		assertThat(skip.text()).isEqualTo("Skip to content");
		assertThat(page.getElementById(skip.attr("href").substring(1))).isNotNull();
		assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).contains("/css/app.css", "/css/staffing.css",
				"/css/billing.css", "/css/engagement.css", "/css/escalations.css", "/css/revenue.css");
	}

	@Test
	void theLayoutNamesNoModule() throws Exception {
		String layout = new ClassPathResource("templates/layout.html").getContentAsString(StandardCharsets.UTF_8);

		assertThat(layout).doesNotContain("accounts", "staffing", "billing", "engagement", "escalations", "revenue",
				"health", "/alerts", "/import");
	}

}
