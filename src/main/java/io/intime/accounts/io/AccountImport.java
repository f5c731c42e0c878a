package io.intime.accounts.io;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.Tier;
import io.intime.accounts.internal.AccountRules;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.io.CsvFile;
import io.intime.shared.io.CsvImport;
import io.intime.shared.io.CsvValues;
import io.intime.shared.io.ImportColumn;
import io.intime.shared.io.ImportPreview;
import io.intime.shared.io.ImportResult;
import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Creates accounts from a CSV file, all or none: see {@link #preview} and
 * {@link #importAll}. Each row goes through {@link AccountManagement}, so a row obeys the
 * same rules as the "New account" form, and each created account is audited and published
 * as account.created.
 */
@Service
public class AccountImport extends CsvImport<CurrentUser, AccountForm> {

	static final List<String> COLUMNS = List.of("name", "industry", "employee_count", "hq_location", "time_zone",
			"status", "billing_currency", "region", "relationship_start", "owner", "executive_sponsor", "strategic",
			"tier_override");
	static final Set<String> EXPORT_ONLY = Set.of("key", "tier", "arr_amount", "arr_currency", "owner_name");

	private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(Map.entry("name", "name"),
			Map.entry("industry", "industry"), Map.entry("employeeCount", "employee_count"),
			Map.entry("hqLocation", "hq_location"), Map.entry("timeZone", "time_zone"), Map.entry("status", "status"),
			Map.entry("tierOverride", "tier_override"), Map.entry("strategic", "strategic"),
			Map.entry("relationshipStart", "relationship_start"), Map.entry("ownerId", "owner"),
			Map.entry("executiveSponsorId", "executive_sponsor"), Map.entry("billingCurrency", "billing_currency"),
			Map.entry("region", "region"));

	private final AccountManagement accounts;

	private final AccountRules rules;

	private final UserDirectory users;

	private final JdbcClient jdbc;

	AccountImport(AccountManagement accounts, AccountRules rules, UserDirectory users, JdbcClient jdbc,
			PlatformTransactionManager transactions, EntityManager entityManager) {
		super(transactions, entityManager);
		this.accounts = accounts;
		this.rules = rules;
		this.users = users;
		this.jdbc = jdbc;
	}

	/** Whether the user may import accounts at all: those who may create accounts. */
	public boolean allowed(CurrentUser user) {
		return rules.canCreateAccounts(user);
	}

	/**
	 * Reads a CSV file of accounts and checks every row as
	 * {@link AccountManagement#create} would, without saving anything.
	 * @param csv the file's bytes (UTF-8 with or without BOM, UTF-16 or Windows-1252),
	 * not null
	 * @param user who imports; the checks are theirs (only executives set strategic and
	 * tiers)
	 * @return every row with its values and errors; never null
	 */
	public ImportPreview preview(byte[] csv, CurrentUser user) {
		return previewFile(csv, user);
	}

	/**
	 * Creates one account per row, all in one transaction: the file is read and checked
	 * again, and when any row is wrong or the database refuses anything, nothing is
	 * saved. Each account is audited and published as account.created.
	 * @param csv the file's bytes, not null
	 * @return the created accounts, or none with the preview saying why; never null
	 */
	public ImportResult importAll(byte[] csv, CurrentUser user) {
		return importFile(csv, user);
	}

	/** The columns, for the page that explains the format. */
	public List<ImportColumn> describeColumns() {
		return List.of(new ImportColumn("name", true, "The client's name"),
				new ImportColumn("industry", false, "e.g. Technology"),
				new ImportColumn("employee_count", false, "A whole number, 0 or more"),
				new ImportColumn("hq_location", false, "e.g. Austin, TX"),
				new ImportColumn("time_zone", true, "An IANA time zone, e.g. America/Chicago"),
				new ImportColumn("status", false, "PROSPECT (default), ACTIVE, PAUSED or CHURNED"),
				new ImportColumn("billing_currency", false, "ISO 4217 code; USD when empty"),
				new ImportColumn("region", false, "e.g. North America"),
				new ImportColumn("relationship_start", false, "A date: YYYY-MM-DD"),
				new ImportColumn("owner", false, "The account manager's username"),
				new ImportColumn("executive_sponsor", false, "The executive sponsor's username"),
				new ImportColumn("strategic", false, "true or false (executives only)"),
				new ImportColumn("tier_override", false, "STRATEGIC, GROWTH or STANDARD (executives only)"));
	}

	/** A CSV file with the header and one example row, to fill in. */
	public byte[] template() {
		return ("\uFEFF" + String.join(",", COLUMNS) + "\r\n"
				+ "Northwind Logistics,Logistics,1200,\"Chicago, IL\",America/Chicago,PROSPECT,USD,North America,2025-03-01,,,false,\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected List<String> columns() {
		return COLUMNS;
	}

	@Override
	protected Set<String> requiredColumns() {
		return Set.of("name", "time_zone");
	}

	@Override
	protected Set<String> exportOnlyColumns() {
		return EXPORT_ONLY;
	}

	@Override
	protected String columnOf(String formField) {
		return COLUMN_OF_FIELD.getOrDefault(formField, formField);
	}

	@Override
	protected void check(AccountForm form, CurrentUser user) {
		accounts.checkCreate(form, user);
	}

	@Override
	protected ImportResult.Created create(AccountForm form, CurrentUser user) {
		AccountDetails account = accounts.create(form, user);
		return new ImportResult.Created(account.id(), account.key() + " · " + account.name(),
				"/accounts/" + account.id());
	}

	@Override
	protected String deniedColumn(AccountForm form) {
		if (form.strategic()) {
			return "strategic";
		}
		return form.tierOverride() != null ? "tier_override" : "row";
	}

	@Override
	protected List<Draft<AccountForm>> read(CsvFile file, CurrentUser user) {
		Map<String, Optional<UserSummary>> people = people(file);
		Map<String, String> existing = existingNames(file);
		Map<String, Integer> firstRowOfName = new HashMap<>();
		List<Draft<AccountForm>> drafts = new ArrayList<>();
		for (CsvFile.Row row : file.rows()) {
			Draft<AccountForm> draft = new Draft<>(row);
			String name = row.get("name");
			draft.shown.put("name", name);
			draft.shown.put("industry", row.get("industry"));
			Integer employees = wholeNumber(draft, "employee_count");
			draft.shown.put("hq_location", row.get("hq_location"));
			draft.shown.put("time_zone", row.get("time_zone"));
			AccountStatus status = CsvValues.enumValue(draft, "status", AccountStatus.class, AccountStatus.PROSPECT);
			String currency = row.blank("billing_currency") ? "USD"
					: row.get("billing_currency").toUpperCase(Locale.ROOT);
			draft.shown.put("billing_currency", currency);
			draft.shown.put("region", row.get("region"));
			LocalDate since = date(draft, "relationship_start");
			Long owner = person(draft, "owner", people);
			Long sponsor = person(draft, "executive_sponsor", people);
			Boolean strategic = CsvValues.bool(draft, "strategic", false);
			Tier tier = CsvValues.enumValue(draft, "tier_override", Tier.class, null);
			draft.value = new AccountForm(name, CsvValues.orNull(row.get("industry")), employees,
					CsvValues.orNull(row.get("hq_location")), row.get("time_zone"), status, tier,
					Boolean.TRUE.equals(strategic), since, owner, sponsor, currency,
					CsvValues.orNull(row.get("region")));
			if (!name.isEmpty()) {
				String key = name.toLowerCase(Locale.ROOT);
				Integer earlier = firstRowOfName.putIfAbsent(key, row.number());
				if (earlier != null) {
					draft.notes.add("Row " + earlier + " of this file has an account with the same name");
				}
				if (existing.containsKey(key)) {
					draft.notes.add("An account named “" + name + "” exists already (" + existing.get(key)
							+ "); this row creates another one");
				}
			}
			drafts.add(draft);
		}
		return drafts;
	}

	private static Integer wholeNumber(Draft<?> draft, String column) {
		String text = draft.row.get(column);
		draft.shown.put(column, text);
		if (text.isEmpty()) {
			return null;
		}
		String digits = text.matches("\\d{1,3}(,\\d{3})+") ? text.replace(",", "") : text;
		try {
			return Integer.valueOf(digits);
		}
		catch (NumberFormatException e) {
			draft.error(column, "“" + text + "” is not a whole number");
			return null;
		}
	}

	private static LocalDate date(Draft<?> draft, String column) {
		String text = draft.row.get(column);
		draft.shown.put(column, text);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			draft.error(column, "“" + text + "” is not a date in the form YYYY-MM-DD (e.g. 2024-01-31)");
			return null;
		}
	}

	private static Long person(Draft<?> draft, String column, Map<String, Optional<UserSummary>> people) {
		String username = draft.row.get(column);
		if (username.isEmpty()) {
			draft.shown.put(column, "");
			return null;
		}
		Optional<UserSummary> person = people.get(username.toLowerCase(Locale.ROOT));
		if (person == null || person.isEmpty()) {
			draft.shown.put(column, username);
			draft.error(column, "no user with the username “" + username + "”");
			return null;
		}
		draft.shown.put(column, person.get().fullName() + " (" + person.get().username() + ")");
		return person.get().id();
	}

	/** The users the file names as owners and sponsors, by lower-case username. */
	private Map<String, Optional<UserSummary>> people(CsvFile file) {
		Set<String> usernames = new LinkedHashSet<>();
		for (CsvFile.Row row : file.rows()) {
			for (String column : List.of("owner", "executive_sponsor")) {
				if (!row.blank(column)) {
					usernames.add(row.get(column).toLowerCase(Locale.ROOT));
				}
			}
		}
		Map<String, Optional<UserSummary>> people = new HashMap<>();
		usernames.forEach(username -> people.put(username, users.findByUsername(username)));
		return people;
	}

	/** Accounts that exist with a name the file uses: lower-case name to account key. */
	private Map<String, String> existingNames(CsvFile file) {
		Set<String> names = new LinkedHashSet<>();
		file.rows().forEach(row -> {
			if (!row.blank("name")) {
				names.add(row.get("name").toLowerCase(Locale.ROOT));
			}
		});
		Map<String, String> existing = new HashMap<>();
		for (List<String> chunk : CsvFile.chunks(names, 1000)) {
			jdbc.sql("select lower(name), account_key from account where lower(name) in (:names) order by id")
				.param("names", chunk)
				.query(rs -> {
					existing.putIfAbsent(rs.getString(1), rs.getString(2));
				});
		}
		return existing;
	}

}
