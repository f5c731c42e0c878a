package io.intime.accounts.web;

import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContractManagement;
import io.intime.shared.Editable;
import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.shared.web.PageFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
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

/**
 * The accounts list, Account 360 and the account form, through HTTP as a browser uses
 * them.
 */
@IntegrationTest
class AccountPagesIntegrationTest {

	@Autowired
	ApplicationContext context;

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

	// ------------------------------------------------------------ list

	@Test
	void listShowsMatchingRowsAndFiltersByTierAndName() throws Exception {
		String word = AccountFixtures.unique("Zephyr");
		CurrentUser am = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails alpha = fixtures.account(word + " Alpha").tier(Tier.STRATEGIC).strategic().ownedBy(am).create();
		fixtures.account(word + " Beta").tier(Tier.GROWTH).create();
		fixtures.account(AccountFixtures.unique("Unrelated")).tier(Tier.STRATEGIC).create();

		Document byName = page(mvc.perform(get("/accounts").param("q", word.toLowerCase()).with(as(am)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(byName.select("tr.account-row a.account-link").eachText()).containsExactly(word + " Alpha",
				word + " Beta");
		assertThat(byName.selectFirst("#account-search").attr("value")).isEqualTo(word.toLowerCase());
		assertThat(byName.selectFirst("#account-count").text()).isEqualTo("2 accounts");

		Document byTier = page(mvc.perform(get("/accounts").param("q", word).param("tier", "STRATEGIC").with(as(am)))
			.andExpect(status().isOk())
			.andReturn());
		List<Element> rows = byTier.select("tr.account-row");
		assertThat(rows).hasSize(1);
		Element row = rows.get(0);
		assertThat(row.selectFirst("a.account-link").attr("href")).isEqualTo("/accounts/" + alpha.id());
		assertThat(row.selectFirst(".account-key").text()).isEqualTo(alpha.key());
		assertThat(row.select(".badge.STRATEGIC").text()).isEqualTo("Strategic");
		assertThat(row.select(".strategic-star")).hasSize(1);
		assertThat(row.selectFirst(".owner").text()).contains(am.fullName());
		assertThat(byTier.selectFirst("#filter-tier option[selected]").attr("value")).isEqualTo("STRATEGIC");
	}

	@Test
	void htmxSearchGetsOnlyTheResults() throws Exception {
		String word = AccountFixtures.unique("Quokka");
		fixtures.account(word + " Holdings").create();
		CurrentUser director = fixtures.user(Role.SALES_DIRECTOR);

		String body = mvc.perform(get("/accounts").param("q", word).header("HX-Request", "true").with(as(director)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document fragment = Jsoup.parseBodyFragment(body);
		assertThat(body).doesNotContain("<html").doesNotContain("class=\"sidebar\"");
		assertThat(fragment.select("tr.account-row a.account-link").eachText()).containsExactly(word + " Holdings");
	}

	@Test
	void listWithoutMatchesShowsAFriendlyEmptyState() throws Exception {
		Document document = page(mvc
			.perform(get("/accounts").param("q", AccountFixtures.unique("Nothing"))
				.with(as(fixtures.user(Role.FINANCE))))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(document.select("tr.account-row")).isEmpty();
		assertThat(document.selectFirst(".list-empty h2").text()).isEqualTo("No accounts match");
		assertThat(document.selectFirst(".list-empty a.button").attr("href")).isEqualTo("/accounts");
	}

	@Test
	void onlyCreatorsAreOfferedNewAccountAndOnlyImportersImport() throws Exception {
		Document forAm = page(mvc.perform(get("/accounts").with(as(fixtures.user(Role.ACCOUNT_MANAGER)))).andReturn());
		assertThat(forAm.select("#new-account")).isEmpty();
		assertThat(forAm.select("#import-accounts")).hasSize(1);
		assertThat(forAm.selectFirst("#export-accounts").attr("href")).isEqualTo("/accounts/export.csv");

		Document forRecruiter = page(mvc.perform(get("/accounts").with(as(fixtures.user(Role.RECRUITER)))).andReturn());
		assertThat(forRecruiter.select("#new-account, #import-accounts")).isEmpty();

		Document forExecutive = page(mvc.perform(get("/accounts").with(as(fixtures.executive()))).andReturn());
		assertThat(forExecutive.selectFirst("#new-account").attr("href")).isEqualTo("/accounts/new");

		mvc.perform(get("/accounts/new").with(as(fixtures.user(Role.ACCOUNT_MANAGER))))
			.andExpect(status().isForbidden());
	}

	@Test
	void homeRedirectsToTheAccountsList() throws Exception {
		mvc.perform(get("/").with(as(fixtures.user(Role.FINANCE)))).andExpect(redirectedUrl("/accounts"));
	}

	// ------------------------------------------------------------ Account 360

	@Test
	void executiveOpeningAStrategicAccountIsRecorded() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("Strategic"))
			.tier(Tier.STRATEGIC)
			.strategic()
			.create();
		CurrentUser ceo = fixtures.user(Role.EXECUTIVE);

		Document document = page(
				mvc.perform(get("/accounts/{id}", account.id()).with(as(ceo))).andExpect(status().isOk()).andReturn());

		assertThat(document.selectFirst("#account-name").text()).isEqualTo(account.name());
		assertThat(document.selectFirst(".account-hero .hero-meta").text().split("Strategic", -1))
			.as("said once, not as a star, a tier and a flag")
			.hasSize(2);
		assertThat(document.selectFirst(".account-hero .badge.STRATEGIC").text()).isEqualTo("★ Strategic account");
		assertThat(document.selectFirst("#edit-account").attr("href")).isEqualTo("/accounts/" + account.id() + "/edit");
		assertThat(document.select("#delete-account")).hasSize(1);
		mvc.perform(get("/accounts/{id}", account.id()).with(as(ceo))).andExpect(status().isOk());
		assertThat(jdbc.sql("""
				select count(*) from domain_event where type = 'strategic_account.reviewed' and account_id = :id
				and actor_id = :ceo and (payload ->> 'reviewed_by')::bigint = :ceo""")
			.param("id", account.id())
			.param("ceo", ceo.id())
			.query(Long.class)
			.single()).as("the first opening of the day is the review; the second is not recorded again").isEqualTo(1);
	}

	@Test
	void accountManagerSeesNoEditOnAnotherManagersAccount() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(AccountFixtures.unique("Owned")).ownedBy(owner).create();

		Document forOwner = page(mvc.perform(get("/accounts/{id}", account.id()).with(as(owner))).andReturn());
		assertThat(forOwner.select("#edit-account")).hasSize(1);
		assertThat(forOwner.select("#delete-account")).isEmpty();

		Document forOther = page(
				mvc.perform(get("/accounts/{id}", account.id()).with(as(fixtures.user(Role.ACCOUNT_MANAGER))))
					.andExpect(status().isOk())
					.andReturn());
		assertThat(forOther.select("#edit-account")).isEmpty();
	}

	@Test
	void recruiterOpeningAnAccountOffTheirTeamIsForbiddenAndRecorded() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("OffTeam")).create();
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);

		mvc.perform(get("/accounts/{id}", account.id()).with(as(recruiter))).andExpect(status().isForbidden());

		assertThat(deniedEntries(recruiter, "GET /accounts/" + account.id())).isEqualTo(1);
	}

	@Test
	void recruiterOnTheTeamOpensTheAccount() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("OnTeam")).create();
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		accounts.addTeamMember(account.id(), recruiter.id(), "RECRUITER", fixtures.executive());

		Document document = page(mvc.perform(get("/accounts/{id}", account.id()).with(as(recruiter)))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(document.select("#account-team .person-name").eachText()).contains(recruiter.fullName());
		assertThat(document.select("#edit-account")).isEmpty();
	}

	@Test
	void unknownAccountIsNotFound() throws Exception {
		mvc.perform(get("/accounts/{id}", Long.MAX_VALUE).with(as(fixtures.user(Role.FINANCE))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/accounts/not-a-number").with(as(fixtures.user(Role.FINANCE))))
			.andExpect(status().isNotFound());
	}

	@Test
	void overviewShowsRelationshipAndActiveContractFigures() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(AccountFixtures.unique("Figures")).ownedBy(owner).create();
		fixtures.contract(account, AccountFixtures.unique("MSA-"), io.intime.accounts.ContractStatus.ACTIVE, "300000",
				"100000");
		fixtures.contract(account, AccountFixtures.unique("SOW-"), io.intime.accounts.ContractStatus.DRAFT, "90000");

		Document document = page(mvc.perform(get("/accounts/{id}", account.id()).with(as(owner))).andReturn());

		assertThat(document.selectFirst("#stat-arr").text()).isEqualTo("$400,000");
		assertThat(document.selectFirst("#stat-tcv").text()).isEqualTo("$400,000");
		assertThat(document.selectFirst("#stat-active-contracts").text()).isEqualTo("1");
		assertThat(document.selectFirst("#relationship").text()).endsWith("(46 months)");
		assertThat(document.selectFirst("#days-to-end").text()).matches("\\d+ days left");
		assertThat(document.selectFirst("#account-tier").text()).isEqualTo("Growth");
	}

	@Test
	void historyShowsAccountAndContactChangesNewestFirst() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("Hist")).employees(100).create();
		fixtures.contact(account, "Hana Ito", AccountFixtures.unique("hana") + "@client.test");
		Editable<AccountForm> editable = accounts.editable(account.id(), fixtures.executive());
		AccountForm form = editable.form();
		accounts.update(account.id(),
				new AccountForm(form.name(), form.industry(), 120, form.hqLocation(), form.timeZone(), form.status(),
						form.tierOverride(), form.strategic(), form.relationshipStart(), form.ownerId(),
						form.executiveSponsorId(), form.billingCurrency(), form.region()),
				editable.version(), fixtures.executive());

		Document document = page(mvc
			.perform(get("/accounts/{id}", account.id()).param("tab", "history")
				.with(as(fixtures.user(Role.SALES_DIRECTOR))))
			.andExpect(status().isOk())
			.andReturn());

		List<Element> items = document.select("li.history-item");
		assertThat(items).hasSizeGreaterThanOrEqualTo(3);
		Element newest = items.get(0);
		assertThat(newest.selectFirst(".history-actor").text()).isEqualTo(fixtures.executive().fullName());
		assertThat(newest.selectFirst(".history-subject").text()).isEqualTo("the account");
		assertThat(newest.select(".change").eachText()).containsExactly("Employees: 100 → 120");
		assertThat(newest.selectFirst(".history-when").text()).matches(".*\\d{2}:\\d{2} E[SD]T");
		assertThat(items.get(1).selectFirst(".history-subject").text()).isEqualTo("contact Hana Ito");
		assertThat(items.get(1).attr("data-entity")).isEqualTo("contact");
	}

	@Test
	void historyPagesBySaveSoThatNoSaveIsSplitAndShowsValuesAsWords() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("Pages")).employees(100).create();
		fixtures.contact(account, "Ines Low", AccountFixtures.unique("ines") + "@client.test");
		fixtures.contract(account, AccountFixtures.unique("SOW-"), io.intime.accounts.ContractStatus.ACTIVE, "42000");
		CurrentUser director = fixtures.user(Role.SALES_DIRECTOR);
		int before = page(
				mvc.perform(get("/accounts/{id}", account.id()).param("tab", "history").with(as(director))).andReturn())
			.select("li.history-item")
			.size();
		// 50 later saves of one field each push the contact's creation to the second
		// page.
		for (int employees = 101; employees <= 150; employees++) {
			Editable<AccountForm> editable = accounts.editable(account.id(), fixtures.executive());
			AccountForm form = editable.form();
			accounts.update(account.id(),
					new AccountForm(form.name(), form.industry(), employees, form.hqLocation(), form.timeZone(),
							form.status(), form.tierOverride(), form.strategic(), form.relationshipStart(),
							form.ownerId(), form.executiveSponsorId(), form.billingCurrency(), form.region()),
					editable.version(), fixtures.executive());
		}

		Document first = page(
				mvc.perform(get("/accounts/{id}", account.id()).param("tab", "history").with(as(director)))
					.andExpect(status().isOk())
					.andReturn());
		assertThat(before).isGreaterThanOrEqualTo(3); // the account, the contact, the
														// contract
		assertThat(first.selectFirst(".pager").text()).startsWith("1–50 of " + (before + 50) + " changes");
		assertThat(first.select("li.history-item")).hasSize(50)
			.allSatisfy(item -> assertThat(item.select(".change")).hasSize(1));

		Document second = page(mvc
			.perform(get("/accounts/{id}", account.id()).param("tab", "history").param("page", "1").with(as(director)))
			.andExpect(status().isOk())
			.andReturn());
		List<Element> items = second.select("li.history-item");
		assertThat(items).hasSize(before);
		Element contact = items.stream()
			.filter(item -> item.selectFirst(".history-subject").text().equals("contact Ines Low"))
			.findFirst()
			.orElseThrow();
		// the whole creation in one item, every field in words
		assertThat(contact.select(".change").eachText()).contains("Influence: High", "Stakeholder role: Champion",
				"Active: Yes");
		Element contract = items.stream()
			.filter(item -> "contract".equals(item.attr("data-entity")))
			.findFirst()
			.orElseThrow();
		assertThat(contract.select(".change").eachText()).contains("Service lines: Service line 1: 42,000",
				"Status: Active");
		assertThat(second.text()).doesNotContain("[Service line").doesNotContain("HIGH");
	}

	@Test
	void historyValuesReadAsWords() {
		PageFormat format = context.getBean(PageFormat.class);
		assertThat(AccountHistory.value("influence", "LOW", Map.of(), format)).isEqualTo("Low");
		assertThat(AccountHistory.value("currency", "USD", Map.of(), format)).isEqualTo("USD");
		assertThat(AccountHistory.value("paymentTerms", "NET_30", Map.of(), format)).isEqualTo("Net 30");
		assertThat(AccountHistory.value("arr", "322000.00", Map.of(), format)).isEqualTo("322,000");
		assertThat(AccountHistory.value("serviceLines", "[Software Engineer search 42000.00, QA, manual 1000]",
				Map.of(), format))
			.isEqualTo("Software Engineer search: 42,000; QA, manual: 1,000");
		assertThat(AccountHistory.value("relationshipStart", "2023-01-05", Map.of(), format)).isEqualTo("Jan 5, 2023");
	}

	// ------------------------------------------------------------ account form

	@Test
	void negativeEmployeesShowTheMessageBesideTheFieldAndKeepTheInput() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(AccountFixtures.unique("Neg")).ownedBy(owner).create();
		Editable<AccountForm> editable = accounts.editable(account.id(), owner);

		Document document = page(mvc
			.perform(post("/accounts/{id}/edit", account.id()).with(as(owner))
				.params(AccountFormParams.of(editable.form(), editable.version())
					.with("employeeCount", "-5")
					.with("hqLocation", "Austin, TX")
					.toMap()))
			.andExpect(status().isUnprocessableContent())
			.andReturn());

		Element field = document.selectFirst("[data-field=employeeCount]");
		assertThat(field.hasClass("has-error")).isTrue();
		assertThat(field.selectFirst(".field-error").text()).isEqualTo("must be 0 or more");
		assertThat(field.selectFirst("input").attr("value")).isEqualTo("-5");
		assertThat(document.selectFirst("[data-field=hqLocation] input").attr("value")).isEqualTo("Austin, TX");
		assertThat(document.select(".field-error")).hasSize(1);
		assertThat(jdbc.sql("select hq_location from account where id = :id")
			.param("id", account.id())
			.query(String.class)
			.single()).isEqualTo("San Francisco, CA");
	}

	@Test
	void employeesThatAreNotANumberShowTheMessageBesideTheField() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(AccountFixtures.unique("Abc")).ownedBy(owner).create();
		Editable<AccountForm> editable = accounts.editable(account.id(), owner);

		Document document = page(mvc
			.perform(post("/accounts/{id}/edit", account.id()).with(as(owner))
				.params(AccountFormParams.of(editable.form(), editable.version())
					.with("employeeCount", "abc")
					.with("name", account.name() + " Renamed")
					.toMap()))
			.andExpect(status().isUnprocessableContent())
			.andReturn());

		Element field = document.selectFirst("[data-field=employeeCount]");
		assertThat(field.selectFirst(".field-error").text()).isEqualTo("'abc' is not a whole number");
		assertThat(field.selectFirst("input").attr("value")).isEqualTo("abc");
		assertThat(document.selectFirst("[data-field=name] input").attr("value"))
			.isEqualTo(account.name() + " Renamed");
		assertThat(document.selectFirst("#save-account")).isNotNull();
	}

	@Test
	void savingAValidEditRedirectsToTheAccountWithAToast() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(AccountFixtures.unique("Valid")).ownedBy(owner).create();
		Editable<AccountForm> editable = accounts.editable(account.id(), owner);

		mvc.perform(post("/accounts/{id}/edit", account.id()).with(as(owner))
			.params(AccountFormParams.of(editable.form(), editable.version()).with("employeeCount", "1350").toMap()))
			.andExpect(redirectedUrl("/accounts/" + account.id()))
			.andExpect(flash().attribute("toast", "Saved " + account.name()));

		assertThat(jdbc.sql("select employee_count from account where id = :id")
			.param("id", account.id())
			.query(Integer.class)
			.single()).isEqualTo(1350);
	}

	@Test
	void accountManagerCannotChangeOwnershipFieldsShownReadOnly() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(AccountFixtures.unique("ReadOnly")).ownedBy(owner).create();

		Document form = page(mvc.perform(get("/accounts/{id}/edit", account.id()).with(as(owner)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(form.select("[data-field=ownerId] select")).isEmpty();
		assertThat(form.selectFirst("[data-field=ownerId] input[type=hidden]").attr("value"))
			.isEqualTo(String.valueOf(owner.id()));
		assertThat(form.selectFirst("#ownerId-readonly").text()).isEqualTo(owner.fullName());
		assertThat(form.select("[data-field=strategic] input[type=checkbox]")).isEmpty();

		Editable<AccountForm> editable = accounts.editable(account.id(), owner);
		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		mvc.perform(post("/accounts/{id}/edit", account.id()).with(as(owner))
			.params(AccountFormParams.of(editable.form(), editable.version())
				.with("ownerId", String.valueOf(other.id()))
				.toMap()))
			.andExpect(status().isForbidden());
		assertThat(accounts.get(account.id(), owner).ownerId()).isEqualTo(owner.id());
	}

	@Test
	void accountManagerPostingAnEditOfSomeoneElsesAccountIsForbiddenAndRecorded() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser intruder = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(AccountFixtures.unique("NotYours")).ownedBy(owner).create();
		Editable<AccountForm> editable = accounts.editable(account.id(), owner);

		mvc.perform(post("/accounts/{id}/edit", account.id()).with(as(intruder))
			.params(AccountFormParams.of(editable.form(), editable.version()).with("name", "Hijacked").toMap()))
			.andExpect(status().isForbidden());

		assertThat(deniedEntries(intruder, "POST /accounts/" + account.id() + "/edit")).isEqualTo(1);
		assertThat(accounts.get(account.id(), owner).name()).isEqualTo(account.name());
		mvc.perform(get("/accounts/{id}/edit", account.id()).with(as(intruder))).andExpect(status().isForbidden());
	}

	@Test
	void staleVersionShowsTheirChangeBesideMineAndKeepsTheirsUntilISaveAgain() throws Exception {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(AccountFixtures.unique("Stale"))
			.ownedBy(owner)
			.employees(100)
			.create();
		Editable<AccountForm> mine = accounts.editable(account.id(), owner);
		AccountForm base = mine.form();
		// Someone else saves first.
		accounts.update(account.id(),
				new AccountForm(base.name(), base.industry(), 111, base.hqLocation(), base.timeZone(), base.status(),
						base.tierOverride(), base.strategic(), base.relationshipStart(), base.ownerId(),
						base.executiveSponsorId(), base.billingCurrency(), base.region()),
				mine.version(), fixtures.executive());

		Document document = page(mvc
			.perform(post("/accounts/{id}/edit", account.id()).with(as(owner))
				.params(AccountFormParams.of(base, mine.version()).with("employeeCount", "222").toMap()))
			.andExpect(status().isConflict())
			.andReturn());

		Element alert = document.selectFirst(".alert.alert-error.conflict");
		assertThat(alert).isNotNull();
		Element row = alert.selectFirst("tr[data-conflict-field=employeeCount]");
		assertThat(row.selectFirst(".theirs").text()).isEqualTo("111");
		assertThat(row.selectFirst(".yours").text()).isEqualTo("222");
		assertThat(document.selectFirst("[data-field=employeeCount] input").attr("value")).isEqualTo("222");
		long newVersion = Long.parseLong(document.selectFirst("input[name=version]").attr("value"));
		assertThat(newVersion).isEqualTo(mine.version() + 1);
		assertThat(employees(account)).isEqualTo(111);

		// Saving again, knowing, replaces theirs.
		mvc.perform(post("/accounts/{id}/edit", account.id()).with(as(owner))
			.params(AccountFormParams.of(base, newVersion).with("employeeCount", "222").toMap()))
			.andExpect(redirectedUrl("/accounts/" + account.id()));
		assertThat(employees(account)).isEqualTo(222);
	}

	@Test
	void executiveCreatesAnAccountThroughTheForm() throws Exception {
		String name = AccountFixtures.unique("Created");
		CurrentUser ceo = fixtures.executive();
		AccountForm form = new AccountForm(name, "Retail", 40, "Boston, MA", "America/New_York",
				io.intime.accounts.AccountStatus.PROSPECT, Tier.GROWTH, true, null, null, ceo.id(), "EUR", "EMEA");

		MvcResult result = mvc
			.perform(post("/accounts/new").with(as(ceo)).params(AccountFormParams.of(form, 0).toMap()))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		Long id = jdbc.sql("select id from account where name = :n").param("n", name).query(Long.class).single();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/accounts/" + id);
		AccountDetails created = accounts.get(id, ceo);
		assertThat(created.tier()).isEqualTo(Tier.GROWTH);
		assertThat(created.strategic()).isTrue();
		assertThat(created.executiveSponsorId()).isEqualTo(ceo.id());
		assertThat(created.billingCurrency()).isEqualTo("EUR");
	}

	@Test
	void newAccountWithoutANameIsRefusedBesideTheField() throws Exception {
		AccountForm form = new AccountForm("", "Retail", 10, null, "Mars/Olympus",
				io.intime.accounts.AccountStatus.PROSPECT, null, false, null, null, null, "USD", null);

		Document document = page(mvc
			.perform(post("/accounts/new").with(as(fixtures.user(Role.SALES_DIRECTOR)))
				.params(AccountFormParams.of(form, 0).toMap()))
			.andExpect(status().isUnprocessableContent())
			.andReturn());

		assertThat(document.selectFirst("[data-field=name] .field-error").text()).isEqualTo("is required");
		assertThat(document.selectFirst("[data-field=timeZone] .field-error").text()).contains("not a known time zone");
		assertThat(document.selectFirst("[data-field=timeZone] input").attr("value")).isEqualTo("Mars/Olympus");
	}

	@Test
	void deletingAnAccountAsExecutiveArchivesItAndAccountManagerMayNot() throws Exception {
		AccountDetails account = fixtures.account(AccountFixtures.unique("Doomed")).create();

		mvc.perform(post("/accounts/{id}/delete", account.id()).with(as(fixtures.user(Role.ACCOUNT_MANAGER))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/accounts/{id}/delete", account.id()).with(as(fixtures.executive())))
			.andExpect(redirectedUrl("/accounts"));

		assertThat(jdbc.sql("select count(*) from account where id = :id and archived_at is not null")
			.param("id", account.id())
			.query(Long.class)
			.single()).isOne();
	}

	private int employees(AccountDetails account) {
		return jdbc.sql("select employee_count from account where id = :id")
			.param("id", account.id())
			.query(Integer.class)
			.single();
	}

	private long deniedEntries(CurrentUser user, String request) {
		return jdbc.sql("select count(*) from audit_entry where action = 'DENIED' and actor_id = :u and detail like :d")
			.param("u", user.id())
			.param("d", request + " —%")
			.query(Long.class)
			.single();
	}

}
