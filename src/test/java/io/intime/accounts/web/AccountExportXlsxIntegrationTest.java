package io.intime.accounts.web;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ImportFixtures;
import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserFixtures;
import io.intime.identity.UserSummary;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The accounts and contacts exports as XLSX workbooks, read back with Apache POI. */
@IntegrationTest
class AccountExportXlsxIntegrationTest {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	AccountManagement accountManagement;

	@Autowired
	ContactManagement contactManagement;

	ImportFixtures fixtures;

	UserSummary executive;

	UserSummary manager;

	String prefix;

	@BeforeEach
	void setUp() {
		UserFixtures people = new UserFixtures(users);
		fixtures = new ImportFixtures(accountManagement, contactManagement);
		executive = people.user(Role.EXECUTIVE, "Erin Executive");
		manager = people.user(Role.ACCOUNT_MANAGER, "Alex Manager");
		prefix = "Xlsx" + UserFixtures.unique() + " ";
	}

	@Test
	void accountsExportAsAWorkbookWithRealNumbersDatesAndFlags() throws Exception {
		fixtures.account(new AccountForm(prefix + "Zürich AG", "Financial services", 1350, "Zürich, CH",
				"Europe/Zurich", AccountStatus.ACTIVE, Tier.STRATEGIC, true, LocalDate.of(2019, 6, 3), manager.id(),
				executive.id(), "EUR", "EMEA"), exec());

		byte[] body = mvc.perform(download("/accounts/export").param("format", "xlsx"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.endsWith(".xlsx\"")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			Sheet sheet = workbook.getSheet("Accounts");
			List<String> header = texts(sheet.getRow(0));
			assertThat(header).startsWith("key", "name", "industry", "employee_count");
			Row row = sheet.getRow(1);
			assertThat(row.getCell(header.indexOf("name")).getStringCellValue()).isEqualTo(prefix + "Zürich AG");

			Cell employees = row.getCell(header.indexOf("employee_count"));
			assertThat(employees.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(employees.getNumericCellValue()).isEqualTo(1350.0);

			Cell since = row.getCell(header.indexOf("relationship_start"));
			assertThat(since.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(since)).isTrue();
			assertThat(since.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2019, 6, 3));

			Cell arr = row.getCell(header.indexOf("arr_amount"));
			assertThat(arr.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(arr.getNumericCellValue()).isZero();

			assertThat(row.getCell(header.indexOf("strategic")).getBooleanCellValue()).isTrue();
			assertThat(row.getCell(header.indexOf("tier_override")).getStringCellValue()).isEqualTo("STRATEGIC");
		}
	}

	@Test
	void contactsExportFollowsTheAcceptHeaderAndTheExtension() throws Exception {
		var account = fixtures.account(prefix + "Contacts", manager.id(), exec());
		fixtures.contact(account.id(), "Kim Ng", "kim@xlsx.example", exec());

		byte[] negotiated = mvc.perform(download("/accounts/contacts-export").header("Accept", XLSX))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] byExtension = mvc.perform(download("/accounts/contacts-export.xlsx"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		for (byte[] body : List.of(negotiated, byExtension)) {
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
				Sheet sheet = workbook.getSheet("Contacts");
				List<String> header = texts(sheet.getRow(0));
				// contacts are exported at every account the manager sees: find Kim's row
				// by
				// her email
				Row kim = null;
				for (int r = 1; r <= sheet.getLastRowNum(); r++) {
					// (a contact without email has no cell there)
					org.apache.poi.ss.usermodel.Cell email = sheet.getRow(r).getCell(header.indexOf("email"));
					if (email != null && "kim@xlsx.example".equals(email.getStringCellValue())) {
						kim = sheet.getRow(r);
					}
				}
				assertThat(kim).as("Kim's row").isNotNull();
				assertThat(kim.getCell(header.indexOf("name")).getStringCellValue()).isEqualTo("Kim Ng");
				assertThat(kim.getCell(header.indexOf("active")).getCellType()).isEqualTo(CellType.BOOLEAN);
				assertThat(kim.getCell(header.indexOf("active")).getBooleanCellValue()).isTrue();
			}
		}
	}

	@Test
	void withoutAFormatTheExportStaysCsvAndAnUnknownFormatIsRefused() throws Exception {
		mvc.perform(download("/accounts/export"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));
		mvc.perform(download("/accounts/export").param("format", "pdf")).andExpect(status().isBadRequest());
	}

	@Test
	void theImportPageOffersBothFormats() throws Exception {
		Document page = Jsoup
			.parse(mvc.perform(get("/import").with(httpBasic(executive.username(), UserFixtures.PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());

		assertThat(page.selectFirst("#export-accounts").attr("href")).isEqualTo("/accounts/export.csv");
		assertThat(page.selectFirst("#export-accounts-xlsx").attr("href")).isEqualTo("/accounts/export.xlsx");
		assertThat(page.selectFirst("#export-contacts-xlsx").attr("href")).isEqualTo("/accounts/contacts-export.xlsx");
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach(cell -> texts.add(cell.getStringCellValue()));
		return texts;
	}

	private CurrentUser exec() {
		return UserFixtures.current(executive);
	}

	private MockHttpServletRequestBuilder download(String path) {
		return get(path).with(httpBasic(manager.username(), UserFixtures.PASSWORD));
	}

}
