package io.intime.accounts.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ImportFixtures;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserFixtures;
import io.intime.identity.UserSummary;
import io.intime.shared.io.ImportPreview;
import io.intime.shared.io.ImportRow;
import io.intime.shared.web.RenderedPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ImportPagesIntegrationTest {

	static final String ACCOUNT_HEADER = "name,industry,employee_count,hq_location,time_zone,status,billing_currency,region,relationship_start,owner,executive_sponsor,strategic,tier_override\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ContactManagement contactManagement;

	@Autowired
	JdbcClient jdbc;

	UserFixtures people;

	ImportFixtures fixtures;

	UserSummary executive;

	UserSummary accountManager;

	String prefix;

	@BeforeEach
	void setUp() {
		people = new UserFixtures(users);
		fixtures = new ImportFixtures(accountManagement, contactManagement);
		executive = people.user(Role.EXECUTIVE, "Erin Executive");
		accountManager = people.user(Role.ACCOUNT_MANAGER, "Alex Manager");
		prefix = "Imp" + UserFixtures.unique() + " ";
	}

	@Test
	void previewShowsEveryRowWithItsErrorsAndImportsNothing() throws Exception {
		String csv = ACCOUNT_HEADER + prefix
				+ "Good,Technology,1200,\"Austin, TX\",America/Chicago,ACTIVE,USD,North America,2024-01-15,"
				+ accountManager.username() + ",,false,\n" + prefix + "Bad Count,Retail,lots,,America/Chicago,,,,,,,,\n"
				+ prefix + "Bad Owner,Retail,10,,America/Chicago,,,,,nobody-" + prefix.trim() + ",,,\n" + prefix
				+ "Bad Status,Retail,10,,America/Chicago,SLEEPING,,,,,,,\n";

		MvcResult result = mvc.perform(upload("accounts", csv).with(as(executive)))
			.andExpect(status().isOk())
			.andReturn();

		ImportPreview preview = (ImportPreview) result.getModelAndView().getModel().get("preview");
		assertThat(preview.total()).isEqualTo(4);
		assertThat(preview.rowsWithErrors()).isEqualTo(3);
		assertThat(preview.rows()).extracting(ImportRow::number).containsExactly(2, 3, 4, 5);
		assertThat(preview.rows().get(0).errors()).isEmpty();
		assertThat(preview.rows().get(0).values())
			.containsEntry("owner", "Alex Manager (" + accountManager.username() + ")")
			.containsEntry("hq_location", "Austin, TX");
		assertThat(preview.rows().get(1).errorFor("employee_count")).isEqualTo("“lots” is not a whole number");
		assertThat(preview.rows().get(2).errorFor("owner")).contains("no user with the username");
		assertThat(preview.rows().get(3).errorFor("status"))
			.contains("“SLEEPING” is not one of PROSPECT, ACTIVE, PAUSED, CHURNED");

		String html = result.getResponse().getContentAsString();
		RenderedPage page = new RenderedPage(html);
		assertThat(RenderedPage.text(page.byId("import-summary"))).isEqualTo("accounts · 4 rows, 3 with errors");
		assertThat(RenderedPage.text(page.byId("row-2"))).contains(prefix + "Good", "Technology", "1200", "Austin, TX",
				"Alex Manager (" + accountManager.username() + ")");
		assertThat(page.byId("row-3")).contains("cell-bad");
		assertThat(RenderedPage.text(page.byId("row-3"))).contains(prefix + "Bad Count", "Retail",
				"lots “lots” is not a whole number");
		assertThat(page.byId("confirm-import")).isEmpty();
		assertThat(accountsNamed(prefix)).isZero();
	}

	@Test
	void validFileImportsEveryRowInOneGoWithAuditAndEvents() throws Exception {
		String csv = ACCOUNT_HEADER + prefix
				+ "One,Technology,1200,\"Austin, TX\",America/Chicago,ACTIVE,USD,North America,2024-01-15,"
				+ accountManager.username() + "," + executive.username() + ",true,STRATEGIC\n" + prefix
				+ "Two,,,,Europe/London,,eur,EMEA,,,,,\n" + prefix
				+ "Three,Health care,\"2,500\",,Asia/Tokyo,paused,JPY,APAC,,,,no,\n";
		MockHttpSession session = new MockHttpSession();
		long before = accountsNamed(prefix);

		MvcResult previewed = mvc.perform(upload("accounts", csv).session(session).with(as(executive)))
			.andExpect(status().isOk())
			.andReturn();
		String uploadId = (String) previewed.getModelAndView().getModel().get("uploadId");
		assertThat(new RenderedPage(previewed.getResponse().getContentAsString()).byId("confirm-import"))
			.contains("Import 3 accounts");
		assertThat(accountsNamed(prefix)).isEqualTo(before);

		mvc.perform(post("/import/confirm").session(session)
			.param("kind", "accounts")
			.param("upload", uploadId)
			.with(as(executive)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/import?kind=accounts"));

		assertThat(accountsNamed(prefix)).isEqualTo(before + 3);
		assertThat(jdbc
			.sql("""
					select count(*) from audit_entry e join account a on a.id = e.entity_id
					where e.entity_type = 'account' and e.action = 'CREATE' and e.field = 'name' and a.name like :p and e.actor_id = :me""")
			.param("p", prefix + "%")
			.param("me", executive.id())
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("""
				select count(*) from domain_event d join account a on a.id = d.account_id
				where d.type = 'account.created' and a.name like :p""")
			.param("p", prefix + "%")
			.query(Long.class)
			.single()).isEqualTo(3);
		var three = jdbc.sql("select employee_count, status, billing_currency, strategic from account where name = :n")
			.param("n", prefix + "Three")
			.query()
			.singleRow();
		assertThat(three).containsEntry("employee_count", 2500)
			.containsEntry("status", "PAUSED")
			.containsEntry("billing_currency", "JPY")
			.containsEntry("strategic", false);
		assertThat(jdbc.sql("select billing_currency from account where name = :n")
			.param("n", prefix + "Two")
			.query(String.class)
			.single()).isEqualTo("EUR");

		mvc.perform(post("/import/confirm").session(session)
			.param("kind", "accounts")
			.param("upload", uploadId)
			.with(as(executive))).andExpect(status().isOk());
		assertThat(accountsNamed(prefix)).as("a second click imports nothing twice").isEqualTo(before + 3);
	}

	@Test
	void confirmReadsTheFileAgainAndImportsNothingWhenARowWentWrongSincePreview() throws Exception {
		AccountDetails account = fixtures.account(prefix + "Contacts Co", accountManager.id(),
				UserFixtures.current(executive));
		String csv = "account,name,email\n" + account.key() + ",Pat One,pat.one@contacts.example\n" + account.name()
				+ ",Sam Two,sam.two@contacts.example\n";
		MockHttpSession session = new MockHttpSession();
		MvcResult previewed = mvc.perform(upload("contacts", csv).session(session).with(as(accountManager)))
			.andExpect(status().isOk())
			.andReturn();
		String uploadId = (String) previewed.getModelAndView().getModel().get("uploadId");
		assertThat(uploadId).isNotNull();

		fixtures.contact(account.id(), "Sam Already", "sam.two@contacts.example", UserFixtures.current(executive));
		MvcResult confirmed = mvc
			.perform(post("/import/confirm").session(session)
				.param("kind", "contacts")
				.param("upload", uploadId)
				.with(as(accountManager)))
			.andExpect(status().isOk())
			.andReturn();

		ImportPreview preview = (ImportPreview) confirmed.getModelAndView().getModel().get("preview");
		assertThat(preview.rows().get(1).errorFor("email")).contains("already has the email sam.two@contacts.example");
		assertThat(new RenderedPage(confirmed.getResponse().getContentAsString()).byId("import-failure"))
			.contains("Nothing was imported");
		assertThat(contactNames(account.id())).containsExactly("Sam Already");
	}

	@Test
	void contactsImportFlagsDuplicateEmailsInTheFileAndAtTheAccount() throws Exception {
		AccountDetails account = fixtures.account(prefix + "Dupes Inc", accountManager.id(),
				UserFixtures.current(executive));
		fixtures.contact(account.id(), "Existing Person", "existing@dupes.example", UserFixtures.current(executive));
		String csv = "Account,Name,Email,Stakeholder Role,Influence,Active\n" + account.key()
				+ ",New Person,new@dupes.example,champion,high,true\n" + account.key()
				+ ",Second Existing,EXISTING@dupes.example,,,\n" + account.key() + ",Same Again,New@Dupes.example,,,\n"
				+ "ACC-NOPE,Nobody,nobody@dupes.example,,,\n";

		MvcResult result = mvc.perform(upload("contacts", csv).with(as(accountManager)))
			.andExpect(status().isOk())
			.andReturn();

		ImportPreview preview = (ImportPreview) result.getModelAndView().getModel().get("preview");
		assertThat(preview.rowsWithErrors()).isEqualTo(3);
		assertThat(preview.rows().get(0).errors()).isEmpty();
		assertThat(preview.rows().get(0).values()).containsEntry("account", account.key() + " · " + account.name())
			.containsEntry("stakeholder_role", "CHAMPION");
		assertThat(preview.rows().get(1).errorFor("email"))
			.contains("Existing Person at " + account.name() + " already has the email");
		assertThat(preview.rows().get(2).errorFor("email"))
			.contains("row 2 of this file has a contact with this email");
		assertThat(preview.rows().get(3).errorFor("account")).contains("no account with the key or name “ACC-NOPE”");
		assertThat(contactNames(account.id())).containsExactly("Existing Person");
	}

	@Test
	void accountManagerChoosingAccountsGetsAClearMessageOnThePageAndTheDenialIsAudited() throws Exception {
		String csv = ACCOUNT_HEADER + prefix + "Mine,,,,UTC,,,,,,,,\n";

		String html = mvc.perform(upload("accounts", csv).with(as(accountManager)))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(RenderedPage.text(new RenderedPage(html).byId("import-problem")))
			.contains("Only executives, sales directors and admins create accounts", "You can import contacts");
		assertThat(new RenderedPage(html).byId("upload-form")).contains("value=\"contacts\"");
		assertThat(accountsNamed(prefix)).isZero();
		assertThat(jdbc.sql(
				"select count(*) from audit_entry where action = 'DENIED' and actor_id = :id and detail like 'POST /import/preview%'")
			.param("id", accountManager.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void salesDirectorMayNotFlagAccountsStrategicInAnImport() throws Exception {
		UserSummary director = people.user(Role.SALES_DIRECTOR);
		String csv = ACCOUNT_HEADER + prefix + "Flagged,,,,UTC,,,,,,,true,\n";

		MvcResult result = mvc.perform(upload("accounts", csv).with(as(director)))
			.andExpect(status().isOk())
			.andReturn();

		ImportPreview preview = (ImportPreview) result.getModelAndView().getModel().get("preview");
		assertThat(preview.rows().get(0).errorFor("strategic"))
			.isEqualTo("Only executives set an account's tier or flag it as strategic");
	}

	@Test
	void largePreviewShowsTheFirstThousandValidRowsAndEveryErrorButCountsAllRows() throws Exception {
		StringBuilder csv = new StringBuilder("name,time_zone\n");
		for (int i = 1; i <= 1_005; i++) {
			csv.append(prefix).append("Bulk ").append(i).append(",UTC\n");
		}
		csv.append(prefix).append("Late Error,Nowhere/Town\n");

		MvcResult result = mvc.perform(upload("accounts", csv.toString()).with(as(executive)))
			.andExpect(status().isOk())
			.andReturn();

		var model = result.getModelAndView().getModel();
		assertThat(((ImportPreview) model.get("preview")).total()).isEqualTo(1_006);
		@SuppressWarnings("unchecked")
		List<ImportRow> shown = (List<ImportRow>) model.get("shownRows");
		assertThat(shown).hasSize(1_001);
		assertThat(shown.get(shown.size() - 1).number()).isEqualTo(1_007);
		assertThat(RenderedPage.text(new RenderedPage(result.getResponse().getContentAsString()).byId("hidden-rows")))
			.contains("The other 5 rows were checked too.");
	}

	@Test
	void fileWithoutTheRequiredColumnsIsRefusedAsAWhole() throws Exception {
		MvcResult result = mvc.perform(upload("accounts", "company,zone\nAcme,UTC\n").with(as(executive)))
			.andExpect(status().isOk())
			.andReturn();

		String problems = RenderedPage
			.text(new RenderedPage(result.getResponse().getContentAsString()).byId("file-problems"));
		assertThat(problems).contains("This file cannot be imported", "no “name”, “time_zone” column");
	}

	@Test
	void fileOverFiveMegabytesIsRefusedWithAClearMessage() throws Exception {
		byte[] large = new byte[ImportPreview.MAX_BYTES + 1];
		java.util.Arrays.fill(large, (byte) 'a');

		String html = mvc
			.perform(multipart("/import/preview").file(new MockMultipartFile("file", "big.csv", "text/csv", large))
				.param("kind", "accounts")
				.with(as(executive)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(RenderedPage.text(new RenderedPage(html).byId("import-problem")))
			.contains("“big.csv” is larger than 5 MB");
	}

	@Test
	void uploadFromASignedInBrowserNeedsTheCsrfToken() throws Exception {
		MvcResult login = mvc.perform(formLogin("/login").user(executive.username()).password(UserFixtures.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

		mvc.perform(upload("accounts", ACCOUNT_HEADER + prefix + "Forged,,,,UTC,,,,,,,,\n").session(session))
			.andExpect(status().isForbidden());
		mvc.perform(post("/import/confirm").session(session).param("kind", "accounts").param("upload", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void templatesDownloadWithTheImportsColumns() throws Exception {
		MvcResult result = mvc.perform(get("/import/template/accounts.csv").with(as(executive)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"accounts.csv\""))
			.andReturn();
		String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF" + ACCOUNT_HEADER.trim() + "\r\n");
		mvc.perform(get("/import/template/invoices.csv").with(as(executive))).andExpect(status().isNotFound());
	}

	@Test
	void importPageOffersOnlyWhatTheRoleMayImport() throws Exception {
		String html = mvc.perform(get("/import").with(as(accountManager)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		RenderedPage page = new RenderedPage(html);
		assertThat(page.element("value=\"accounts\"")).contains("disabled");
		assertThat(page.element("value=\"contacts\"")).contains("checked").doesNotContain("disabled");
		assertThat(html).contains("href=\"/import\"").contains(">Import<");
	}

	private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(String kind,
			String csv) {
		return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) multipart(
				"/import/preview")
			.file(new MockMultipartFile("file", kind + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("kind", kind);
	}

	private static RequestPostProcessor as(UserSummary user) {
		// with a CSRF token, as a browser's form carries one (page posts need it; the API
		// ignores it)
		RequestPostProcessor basic = httpBasic(user.username(), UserFixtures.PASSWORD);
		return request -> csrf().postProcessRequest(basic.postProcessRequest(request));
	}

	private long accountsNamed(String namePrefix) {
		return jdbc.sql("select count(*) from account where name like :p")
			.param("p", namePrefix + "%")
			.query(Long.class)
			.single();
	}

	private List<String> contactNames(long accountId) {
		return jdbc.sql("select name from contact where account_id = :a order by name")
			.param("a", accountId)
			.query(String.class)
			.list();
	}

}
