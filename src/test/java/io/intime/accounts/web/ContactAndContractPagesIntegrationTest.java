package io.intime.accounts.web;

import java.math.BigDecimal;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.intime.accounts.web.AccountFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Contacts and Contracts tabs of Account 360 and their forms. */
@IntegrationTest
class ContactAndContractPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

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

	Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	// ------------------------------------------------------------ contacts

	@Test
	void duplicateContactEmailIsShownBesideTheEmailWithALinkToTheExistingContact() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("Dup")).create();
		String email = AccountFixtures.unique("jane") + "@client.test";
		ContactView existing = fixtures.contact(account, "Jane Doe", email);
		CurrentUser am = fixtures.user(Role.ACCOUNT_MANAGER);

		Document document = page(mvc
			.perform(post("/accounts/{id}/contacts/new", account.id()).with(as(am))
				.param("name", "Janet Doe")
				.param("email", email.toUpperCase())
				.param("stakeholderRole", "CHAMPION")
				.param("influence", "HIGH")
				.param("active", "true")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());

		Element field = document.selectFirst("[data-field=email]");
		assertThat(field.hasClass("has-error")).isTrue();
		assertThat(field.selectFirst(".field-error").text()).contains("already has the email");
		Element link = field.selectFirst(".field-error a.existing-link");
		assertThat(link.attr("href")).isEqualTo("/accounts/" + account.id() + "/contacts/" + existing.id() + "/edit");
		assertThat(link.text()).contains("Jane Doe");
		assertThat(document.selectFirst("[data-field=name] input").attr("value")).isEqualTo("Janet Doe");
		assertThat(contacts.forAccount(account.id(), am)).hasSize(1);
	}

	@Test
	void accountManagerAddsAContactAndSeesItOnTheContactsTab() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("Contacts")).create();
		CurrentUser am = fixtures.user(Role.ACCOUNT_MANAGER);
		fixtures.contact(account, "Zed Former", AccountFixtures.unique("zed") + "@client.test");
		ContactView former = contacts.forAccount(account.id(), am).get(0);
		mvc.perform(post("/accounts/{id}/contacts/{cid}/edit", account.id(), former.id()).with(as(am))
			.param("name", "Zed Former")
			.param("email", former.email())
			.param("stakeholderRole", "CHAMPION")
			.param("influence", "HIGH")
			.param("version", String.valueOf(former.stamp().version())))
			.andExpect(redirectedUrl("/accounts/" + account.id() + "?tab=contacts"));

		mvc.perform(post("/accounts/{id}/contacts/new", account.id()).with(as(am))
			.param("name", "Amy Active")
			.param("title", "CFO")
			.param("email", "amy@client.test")
			.param("timeZone", "Europe/London")
			.param("stakeholderRole", "ECONOMIC_BUYER")
			.param("influence", "HIGH")
			.param("active", "true")
			.param("version", "0"))
			.andExpect(redirectedUrl("/accounts/" + account.id() + "?tab=contacts"))
			.andExpect(flash().attribute("toast", "Added Amy Active"));

		Document tab = page(mvc.perform(get("/accounts/{id}", account.id()).param("tab", "contacts").with(as(am)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(tab.select("tr.contact-row .contact-name").eachText()).containsExactly("Amy Active", "Zed Former");
		assertThat(tab.select("tr.contact-row").get(1).select(".left-badge").text()).isEqualTo("Left");
		assertThat(tab.select("tr.contact-row").get(0).select(".left-badge")).isEmpty();
		assertThat(tab.select("#add-contact")).hasSize(1);
	}

	@Test
	void financeSeesContactsButMayNotEditThem() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("FinView")).create();
		ContactView contact = fixtures.contact(account, "Fay Finance", AccountFixtures.unique("fay") + "@client.test");
		CurrentUser finance = fixtures.user(Role.FINANCE);

		Document tab = page(mvc.perform(get("/accounts/{id}", account.id()).param("tab", "contacts").with(as(finance)))
			.andReturn());
		assertThat(tab.select("tr.contact-row .contact-name").eachText()).containsExactly("Fay Finance");
		assertThat(tab.select("#add-contact, tr.contact-row a.button")).isEmpty();

		mvc.perform(post("/accounts/{id}/contacts/{cid}/edit", account.id(), contact.id()).with(as(finance))
			.param("name", "Changed")
			.param("stakeholderRole", "CHAMPION")
			.param("influence", "HIGH")
			.param("version", "0")).andExpect(status().isForbidden());
	}

	// ------------------------------------------------------------ contracts

	@Test
	void contractServiceLineErrorsAreShownBesideTheirFields() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("Lines")).create();
		String number = AccountFixtures.unique("MSA-");

		Document negative = page(mvc
			.perform(contractForm(post("/accounts/{id}/contracts/new", account.id()), number)
				.param("serviceLines[0].name", "Engineering staffing")
				.param("serviceLines[0].annualValue", "250000")
				.param("serviceLines[1].name", "Payroll services")
				.param("serviceLines[1].annualValue", "-1")
				.with(as(fixtures.executive())))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		Element line = negative.selectFirst("[data-field='serviceLines[1].annualValue']");
		assertThat(line.hasClass("has-error")).isTrue();
		assertThat(line.selectFirst(".field-error").text()).isEqualTo("must be 0 or more");
		assertThat(line.selectFirst("input").attr("name")).isEqualTo("serviceLines[1].annualValue");
		assertThat(negative.select("[data-field='serviceLines[0].annualValue'] .field-error")).isEmpty();
		assertThat(negative.selectFirst("[data-field='serviceLines[0].name'] input").attr("value"))
			.isEqualTo("Engineering staffing");

		Document notANumber = page(mvc
			.perform(contractForm(post("/accounts/{id}/contracts/new", account.id()), number)
				.param("serviceLines[0].name", "Engineering staffing")
				.param("serviceLines[0].annualValue", "lots")
				.with(as(fixtures.executive())))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(notANumber.selectFirst("[data-field='serviceLines[0].annualValue'] .field-error").text())
			.startsWith("'lots' is not an amount");
		assertThat(notANumber.selectFirst("[data-field='serviceLines[0].annualValue'] input").attr("value"))
			.isEqualTo("lots");
	}

	@Test
	void executiveAddsAContractWhichBecomesTheAccountsArr() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("Arr")).create();
		String number = AccountFixtures.unique("MSA-");

		mvc.perform(contractForm(post("/accounts/{id}/contracts/new", account.id()), number)
			.param("serviceLines[0].name", "Engineering staffing")
			.param("serviceLines[0].annualValue", "250000")
			.param("serviceLines[1].name", "")
			.param("serviceLines[1].annualValue", "")
			.param("serviceLines[2].name", "RPO")
			.param("serviceLines[2].annualValue", "50000.50")
			.with(as(fixtures.executive()))).andExpect(redirectedUrl("/accounts/" + account.id() + "?tab=contracts"));

		assertThat(accounts.get(account.id(), fixtures.executive()).arr().amount())
			.isEqualByComparingTo(new BigDecimal("300000.50"));
		Document tab = page(mvc
			.perform(get("/accounts/{id}", account.id()).param("tab", "contracts").with(as(fixtures.executive())))
			.andReturn());
		Element card = tab.selectFirst("article.contract-card");
		assertThat(card.selectFirst(".contract-number").text()).isEqualTo(number);
		assertThat(card.select(".lines-table tbody tr")).hasSize(2);
		assertThat(card.selectFirst(".contract-status").text()).isEqualTo("Active");
	}

	@Test
	void duplicateContractNumberLinksToTheExistingContract() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("DupNo")).create();
		ContractView existing = fixtures.contract(account, AccountFixtures.unique("SOW-"), ContractStatus.DRAFT,
				"1000");

		Document document = page(mvc
			.perform(contractForm(post("/accounts/{id}/contracts/new", account.id()), existing.number())
				.param("serviceLines[0].name", "Audit")
				.param("serviceLines[0].annualValue", "100")
				.with(as(fixtures.executive())))
			.andExpect(status().isUnprocessableContent())
			.andReturn());

		assertThat(document.selectFirst("[data-field=number] .field-error a.existing-link").attr("href"))
			.isEqualTo("/accounts/" + account.id() + "?tab=contracts#contract-" + existing.id());
	}

	@Test
	void accountManagerOnTheirOwnAccountOnlyChangesAContractsStatus() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(AccountFixtures.unique("OwnK")).ownedBy(owner).create();
		ContractView contract = fixtures.contract(account, AccountFixtures.unique("MSA-"), ContractStatus.ACTIVE,
				"200000");

		Document tab = page(mvc.perform(get("/accounts/{id}", account.id()).param("tab", "contracts").with(as(owner)))
			.andExpect(status().isOk())
			.andReturn());
		Element card = tab.selectFirst("#contract-" + contract.id());
		// only the moves of an active contract's life; executing (Active) is not the AM's
		assertThat(card.select("form.status-form select[name=to] option").eachText()).containsExactly("Expired",
				"Renewed", "Terminated");
		assertThat(card.select("a[href$=/edit]")).isEmpty();
		assertThat(tab.select("#add-contract")).isEmpty();
		mvc.perform(get("/accounts/{id}/contracts/{cid}/edit", account.id(), contract.id()).with(as(owner)))
			.andExpect(status().isForbidden());

		mvc.perform(post("/accounts/{id}/contracts/{cid}/status", account.id(), contract.id()).with(as(owner))
			.param("status", "EXPIRED")
			.param("version", String.valueOf(contract.stamp().version())))
			.andExpect(redirectedUrl("/accounts/" + account.id() + "?tab=contracts#contract-" + contract.id()));
		assertThat(contracts.get(contract.id(), owner).status()).isEqualTo(ContractStatus.EXPIRED);
		assertThat(accounts.get(account.id(), owner).arr().amount()).isZero();

		// The same, stale: refused with a message, nothing changes.
		mvc.perform(post("/accounts/{id}/contracts/{cid}/status", account.id(), contract.id()).with(as(owner))
			.param("status", "TERMINATED")
			.param("version", String.valueOf(contract.stamp().version())))
			.andExpect(flash().attributeExists("flashError"));
		assertThat(contracts.get(contract.id(), owner).status()).isEqualTo(ContractStatus.EXPIRED);
	}

	@Test
	void contractsOfAnotherManagersAccountAreRestrictedWithANote() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("Restricted"))
			.ownedBy(fixtures.user(Role.ACCOUNT_MANAGER))
			.create();
		ContractView contract = fixtures.contract(account, AccountFixtures.unique("MSA-"), ContractStatus.ACTIVE,
				"1000");
		CurrentUser otherAm = fixtures.user(Role.ACCOUNT_MANAGER);

		Document tab = page(mvc.perform(get("/accounts/{id}", account.id()).param("tab", "contracts").with(as(otherAm)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(tab.select("#contracts-restricted")).hasSize(1);
		assertThat(tab.select("article.contract-card")).isEmpty();
		assertThat(tab.selectFirst("#contracts-restricted").text())
			.contains("account manager, executives, sales directors, finance and legal");

		mvc.perform(post("/accounts/{id}/contracts/{cid}/status", account.id(), contract.id()).with(as(otherAm))
			.param("status", "TERMINATED")
			.param("version", "0")).andExpect(status().isForbidden());
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder contractForm(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String number) {
		return request.param("type", "MSA")
			.param("number", number)
			.param("startDate", "2026-01-01")
			.param("endDate", "2026-12-31")
			.param("status", "ACTIVE")
			.param("paymentTerms", "Net 30")
			.param("currency", "USD")
			.param("version", "0");
	}

}
