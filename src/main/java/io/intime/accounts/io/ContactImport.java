package io.intime.accounts.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;
import io.intime.accounts.internal.AccountRules;
import io.intime.accounts.internal.FormValidation;
import io.intime.identity.CurrentUser;
import io.intime.shared.FieldError;
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
 * Creates contacts at existing accounts from a CSV file, all or none: see
 * {@link #preview} and {@link #importAll}. Each row goes through
 * {@link ContactManagement}, so it obeys the same rules as the "Add contact" form; a
 * second contact with the same email at the same account, in the file or already saved,
 * is an error on its row.
 */
@Service
public class ContactImport extends CsvImport<CurrentUser, ContactImport.NewContact> {

	static final List<String> COLUMNS = List.of("account", "name", "title", "email", "phone", "time_zone",
			"stakeholder_role", "influence", "active");
	static final Set<String> EXPORT_ONLY = Set.of("account_name");

	private static final Map<String, String> COLUMN_OF_FIELD = Map.of("timeZone", "time_zone", "stakeholderRole",
			"stakeholder_role");

	/** A row's contact and the account it joins. */
	record NewContact(long accountId, ContactForm form) {
	}

	/** An account a row may name, by key or by exact name. */
	private record AccountRef(long id, String key, String name) {
	}

	private final ContactManagement contacts;

	private final AccountRules rules;

	private final FormValidation validation;

	private final JdbcClient jdbc;

	ContactImport(ContactManagement contacts, AccountRules rules, FormValidation validation, JdbcClient jdbc,
			PlatformTransactionManager transactions, EntityManager entityManager) {
		super(transactions, entityManager);
		this.contacts = contacts;
		this.rules = rules;
		this.validation = validation;
		this.jdbc = jdbc;
	}

	/** Whether the user may import contacts at all: those who may add contacts. */
	public boolean allowed(CurrentUser user) {
		return rules.canEditContacts(user);
	}

	/**
	 * Reads a CSV file of contacts and checks every row as
	 * {@link ContactManagement#create} would, without saving anything.
	 * @param csv the file's bytes (UTF-8 with or without BOM, UTF-16 or Windows-1252),
	 * not null
	 * @return every row with its values and errors; never null
	 */
	public ImportPreview preview(byte[] csv, CurrentUser user) {
		return previewFile(csv, user);
	}

	/**
	 * Creates one contact per row, all in one transaction: the file is read and checked
	 * again, and when any row is wrong or the database refuses anything, nothing is
	 * saved. Each contact is audited and published as contact.created.
	 * @param csv the file's bytes, not null
	 * @return the created contacts, or none with the preview saying why; never null
	 */
	public ImportResult importAll(byte[] csv, CurrentUser user) {
		return importFile(csv, user);
	}

	/** The columns, for the page that explains the format. */
	public List<ImportColumn> describeColumns() {
		return List.of(new ImportColumn("account", true, "The account's key (ACC-001) or its exact name"),
				new ImportColumn("name", true, "The person's name"),
				new ImportColumn("title", false, "e.g. VP Engineering"),
				new ImportColumn("email", false, "Unique per account"),
				new ImportColumn("phone", false, "Digits, spaces and + ( ) - ."),
				new ImportColumn("time_zone", false, "An IANA time zone, e.g. Europe/London"),
				new ImportColumn("stakeholder_role", false,
						"EXECUTIVE, ECONOMIC_BUYER, CHAMPION, HIRING_MANAGER, FINANCE or OTHER (default)"),
				new ImportColumn("influence", false, "HIGH, MEDIUM (default) or LOW"),
				new ImportColumn("active", false, "true (default) or false when the person has left"));
	}

	/** A CSV file with the header and one example row, to fill in. */
	public byte[] template() {
		return ("\uFEFF" + String.join(",", COLUMNS) + "\r\n"
				+ "ACC-001,Dana Whitfield,VP Talent,dana.whitfield@northwind.example,+1 312 555 0142,America/Chicago,CHAMPION,HIGH,true\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected List<String> columns() {
		return COLUMNS;
	}

	@Override
	protected Set<String> requiredColumns() {
		return Set.of("account", "name");
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
	protected void check(NewContact contact, CurrentUser user) {
		contacts.checkCreate(contact.accountId(), contact.form(), user);
	}

	@Override
	protected ImportResult.Created create(NewContact contact, CurrentUser user) {
		ContactView view = contacts.create(contact.accountId(), contact.form(), user);
		return new ImportResult.Created(view.id(), view.name() + " · " + view.accountName(),
				"/accounts/" + view.accountId() + "/contacts/" + view.id() + "/edit");
	}

	@Override
	protected String deniedColumn(NewContact contact) {
		return "account";
	}

	@Override
	protected List<Draft<NewContact>> read(CsvFile file, CurrentUser user) {
		Map<String, List<AccountRef>> byKey = new HashMap<>();
		Map<String, List<AccountRef>> byName = new HashMap<>();
		accounts(file, byKey, byName);
		Map<String, Integer> firstRowOfEmail = new HashMap<>();
		List<Draft<NewContact>> drafts = new ArrayList<>();
		for (CsvFile.Row row : file.rows()) {
			Draft<NewContact> draft = new Draft<>(row);
			AccountRef account = account(draft, byKey, byName);
			draft.shown.put("name", row.get("name"));
			draft.shown.put("title", row.get("title"));
			draft.shown.put("email", row.get("email"));
			draft.shown.put("phone", row.get("phone"));
			draft.shown.put("time_zone", row.get("time_zone"));
			StakeholderRole role = CsvValues.enumValue(draft, "stakeholder_role", StakeholderRole.class,
					StakeholderRole.OTHER);
			Influence influence = CsvValues.enumValue(draft, "influence", Influence.class, Influence.MEDIUM);
			Boolean active = CsvValues.bool(draft, "active", true);
			ContactForm form = new ContactForm(row.get("name"), CsvValues.orNull(row.get("title")),
					CsvValues.orNull(row.get("email")), CsvValues.orNull(row.get("phone")),
					CsvValues.orNull(row.get("time_zone")), role, influence, !Boolean.FALSE.equals(active));
			if (account == null) {
				// The facade checks a contact only at an account; check the fields alone
				// so that
				// the row shows all its errors at once.
				List<FieldError> errors = validation.violations(form);
				FormValidation.checkTimeZone("timeZone", form.timeZone(), errors, false);
				errors.forEach(error -> {
					String column = columnOf(error.field());
					if (!draft.hasError(column)) {
						draft.error(column, error.message());
					}
				});
			}
			else {
				draft.value = new NewContact(account.id(), form);
				if (!row.blank("email")) {
					String key = account.id() + " " + row.get("email").toLowerCase(Locale.ROOT);
					Integer earlier = firstRowOfEmail.putIfAbsent(key, row.number());
					if (earlier != null) {
						draft.error("email", "row " + earlier + " of this file has a contact with this email at "
								+ account.name() + " already");
					}
				}
			}
			drafts.add(draft);
		}
		return drafts;
	}

	private static AccountRef account(Draft<NewContact> draft, Map<String, List<AccountRef>> byKey,
			Map<String, List<AccountRef>> byName) {
		String text = draft.row.get("account");
		draft.shown.put("account", text);
		if (text.isEmpty()) {
			draft.error("account", "is required: give the account's key (ACC-001) or its exact name");
			return null;
		}
		String key = text.toLowerCase(Locale.ROOT);
		List<AccountRef> found = byKey.getOrDefault(key, byName.getOrDefault(key, List.of()));
		if (found.isEmpty()) {
			draft.error("account", "no account with the key or name “" + text + "”");
			return null;
		}
		if (found.size() > 1) {
			draft.error("account", found.size() + " accounts are named “" + text + "” ("
					+ String.join(", ", found.stream().map(AccountRef::key).toList()) + "); use the account key");
			return null;
		}
		AccountRef account = found.get(0);
		draft.shown.put("account", account.key() + " · " + account.name());
		return account;
	}

	/**
	 * The live accounts the file names (archived ones are left out), by lower-case key
	 * and by lower-case name, in a few queries.
	 */
	private void accounts(CsvFile file, Map<String, List<AccountRef>> byKey, Map<String, List<AccountRef>> byName) {
		Set<String> wanted = new LinkedHashSet<>();
		file.rows().forEach(row -> {
			if (!row.blank("account")) {
				wanted.add(row.get("account").toLowerCase(Locale.ROOT));
			}
		});
		for (List<String> chunk : CsvFile.chunks(wanted, 1000)) {
			jdbc.sql(
					"""
							select id, account_key, name from account
							where (lower(account_key) in (:wanted) or lower(name) in (:wanted)) and archived_at is null order by id""")
				.param("wanted", chunk)
				.query(rs -> {
					AccountRef ref = new AccountRef(rs.getLong(1), rs.getString(2), rs.getString(3));
					String key = ref.key().toLowerCase(Locale.ROOT);
					String name = ref.name().toLowerCase(Locale.ROOT);
					if (chunk.contains(key)) {
						byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(ref);
					}
					if (chunk.contains(name)) {
						byName.computeIfAbsent(name, k -> new ArrayList<>()).add(ref);
					}
				});
		}
	}

}
