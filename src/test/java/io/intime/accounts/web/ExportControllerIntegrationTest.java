package io.intime.accounts.web;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ImportFixtures;
import io.intime.accounts.Tier;
import io.intime.accounts.internal.Contacts;
import io.intime.accounts.io.AccountImport;
import io.intime.accounts.io.ContactImport;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserFixtures;
import io.intime.identity.UserSummary;
import io.intime.identity.security.ApiTokenService;
import io.intime.shared.io.ImportPreview;
import io.intime.shared.io.ImportResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportControllerIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ContactManagement contactManagement;

	@Autowired
	AccountImport accountImport;

	@Autowired
	ContactImport contactImport;

	@Autowired
	ApiTokenService tokens;

	ImportFixtures fixtures;

	UserSummary executive;

	UserSummary manager;

	UserSummary otherManager;

	String prefix;

	@BeforeEach
	void setUp() {
		UserFixtures people = new UserFixtures(users);
		fixtures = new ImportFixtures(accountManagement, contactManagement);
		executive = people.user(Role.EXECUTIVE, "Erin Executive");
		manager = people.user(Role.ACCOUNT_MANAGER, "Alex Manager");
		otherManager = people.user(Role.ACCOUNT_MANAGER, "Blair Other");
		prefix = "Exp" + UserFixtures.unique() + " ";
	}

	@Test
	void accountManagerExportsOnlyTheAccountsTheyOwnAsAnExcelFriendlyDownload() throws Exception {
		AccountDetails mine = fixtures.account(prefix + "Mine", manager.id(), exec());
		fixtures.account(prefix + "Theirs", otherManager.id(), exec());
		fixtures.account(prefix + "Nobodys", null, exec());

		MvcResult result = mvc.perform(download("/accounts/export.csv", manager))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"accounts-" + TestClock.today(ZoneId.of("America/New_York")) + ".csv\""))
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andReturn();

		byte[] body = result.getResponse().getContentAsByteArray();
		assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		List<CSVRecord> rows = parse(body);
		assertThat(rows).extracting(row -> row.get("name")).containsExactly(prefix + "Mine");
		assertThat(rows.get(0).get("key")).isEqualTo(mine.key());
		assertThat(rows.get(0).get("owner")).isEqualTo(manager.username());
		assertThat(rows.get(0).get("owner_name")).isEqualTo("Alex Manager");
		assertThat(rows.get(0).get("arr_amount")).isEqualTo("0.00");
		assertThat(rows.get(0).get("tier")).isEqualTo("STANDARD");
	}

	@Test
	void contactsExportHoldsTheContactsOfEveryAccountTheUserSees() throws Exception {
		AccountDetails mine = fixtures.account(prefix + "Mine", manager.id(), exec());
		AccountDetails theirs = fixtures.account(prefix + "Theirs", otherManager.id(), exec());
		fixtures.contact(mine.id(), "Kim Mine", "kim@mine.example", exec());
		fixtures.contact(theirs.id(), "Lee Theirs", "lee@theirs.example", exec());

		MvcResult result = mvc.perform(download("/accounts/contacts-export.csv", manager))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.startsWith("attachment; filename=\"contacts-")))
			.andReturn();

		// Spec 03 gives account managers "Contacts: export ✅" at every account they see,
		// not only their own.
		List<CSVRecord> rows = parse(result.getResponse().getContentAsByteArray()).stream()
			.filter(row -> row.get("account_name").startsWith(prefix))
			.toList();
		assertThat(rows).extracting(row -> row.get("name")).containsExactly("Kim Mine", "Lee Theirs");
		assertThat(rows.get(0).get("account")).isEqualTo(mine.key());
		assertThat(rows.get(1).get("account")).isEqualTo(theirs.key());
		assertThat(rows.get(0).get("phone")).isEqualTo("+1 512 555 0100");
	}

	@Test
	void exportedAccountsImportAgainWithTheSameValues() throws Exception {
		AccountDetails rich = fixtures.account(new AccountForm(prefix + "Zürich \"Alpha\", AG", "Financial services",
				1350, "Zürich, CH", "Europe/Zurich", AccountStatus.ACTIVE, Tier.STRATEGIC, true,
				LocalDate.of(2019, 6, 3), manager.id(), executive.id(), "EUR", "EMEA"), exec());
		AccountDetails formula = fixtures.account(new AccountForm(prefix + "Formula", "=HYPERLINK(\"http://x\")", null,
				null, "UTC", AccountStatus.PROSPECT, null, false, null, manager.id(), null, "USD", null), exec());

		byte[] exported = mvc.perform(download("/accounts/export.csv", manager))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(exported, StandardCharsets.UTF_8)).contains("'=HYPERLINK");

		ImportPreview preview = accountImport.preview(exported, exec());
		assertThat(preview.problems()).isEmpty();
		assertThat(preview.rowsWithErrors()).isZero();
		ImportResult result = accountImport.importAll(exported, exec());
		assertThat(result.succeeded()).isTrue();
		assertThat(result.created()).hasSize(2);

		Map<String, AccountDetails> imported = result.created()
			.stream()
			.map(created -> accountManagement.get(created.id(), exec()))
			.collect(Collectors.toMap(AccountDetails::name, account -> account));
		assertSameFields(imported.get(rich.name()), rich);
		assertSameFields(imported.get(formula.name()), formula);
	}

	@Test
	void exportedContactsImportAgainAfterTheyWereRemoved() throws Exception {
		AccountDetails mine = fixtures.account(prefix + "Contacts", manager.id(), exec());
		ContactView kim = fixtures.contact(mine.id(), "Kim Ng", "kim@contacts.example", exec());
		byte[] everyAccount = mvc.perform(download("/accounts/contacts-export.csv", manager))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		// The export holds the contacts of every account the manager sees; this one's are
		// imported again.
		String[] lines = new String(everyAccount, java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
		byte[] exported = (lines[0] + "\r\n"
				+ java.util.Arrays.stream(lines)
					.filter(line -> line.startsWith(mine.key() + ","))
					.collect(Collectors.joining("\r\n"))
				+ "\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(contactImport.preview(exported, UserFixtures.current(manager)).rows().get(0).errorFor("email"))
			.as("while Kim is there, a second Kim is a duplicate")
			.contains("already has the email");
		contactManagement.delete(kim.id(), exec());

		ImportResult result = contactImport.importAll(exported, UserFixtures.current(manager));
		assertThat(result.succeeded()).isTrue();
		ContactView again = contactManagement.forAccount(mine.id(), exec()).get(0);
		assertThat(again).usingRecursiveComparison().ignoringFields("id", "stamp").isEqualTo(kim);
	}

	@Test
	void exportsWorkWithAnApiToken() throws Exception {
		fixtures.account(prefix + "Token", manager.id(), exec());
		String secret = tokens.create(UserFixtures.current(manager), "export script").secret();

		MvcResult result = mvc.perform(get("/accounts/export.csv").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(parse(result.getResponse().getContentAsByteArray())).extracting(row -> row.get("name"))
			.containsExactly(prefix + "Token");
	}

	private static void assertSameFields(AccountDetails copy, AccountDetails original) {
		assertThat(copy).usingRecursiveComparison().ignoringFields("id", "key", "stamp").isEqualTo(original);
	}

	private CurrentUser exec() {
		return UserFixtures.current(executive);
	}

	private static MockHttpServletRequestBuilder download(String path, UserSummary user) {
		return get(path).with(httpBasic(user.username(), UserFixtures.PASSWORD));
	}

	private static List<CSVRecord> parse(byte[] body) throws java.io.IOException {
		String text = new String(body, StandardCharsets.UTF_8).substring(1);
		return CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))
			.getRecords();
	}

}
