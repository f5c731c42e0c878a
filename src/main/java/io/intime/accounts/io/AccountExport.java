package io.intime.accounts.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.internal.Account;
import io.intime.accounts.internal.Accounts;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.io.CsvFile;
import io.intime.shared.io.TableExport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the accounts a user may export, and their contacts, as CSV in the import's
 * format (plus columns the import leaves aside: key, tier, ARR, names), so that an
 * exported file imports again as it is, or as an XLSX workbook with the same columns
 * (numbers, dates and flags as real cells; see {@link TableExport}). Which accounts:
 * {@link AccountManagement#exportable} decides (account managers only those they own);
 * contacts are exported at every account the user sees
 * ({@link AccountManagement#visible}).
 */
@Service
public class AccountExport {

	static final List<String> ACCOUNT_HEADER = List.of("key", "name", "industry", "employee_count", "hq_location",
			"time_zone", "status", "billing_currency", "region", "relationship_start", "owner", "owner_name",
			"executive_sponsor", "strategic", "tier_override", "tier", "arr_amount", "arr_currency");
	static final List<String> CONTACT_HEADER = List.of("account", "account_name", "name", "title", "email", "phone",
			"time_zone", "stakeholder_role", "influence", "active");

	private final AccountManagement accountManagement;

	private final Accounts accounts;

	private final UserDirectory users;

	private final JdbcClient jdbc;

	AccountExport(AccountManagement accountManagement, Accounts accounts, UserDirectory users, JdbcClient jdbc) {
		this.accountManagement = accountManagement;
		this.accounts = accounts;
		this.users = users;
		this.jdbc = jdbc;
	}

	/**
	 * Writes the header and one line per exportable account, by name. In CSV, values a
	 * spreadsheet would run as formulas are written with a leading apostrophe (the import
	 * removes it).
	 * @return the number of accounts written
	 */
	@Transactional(readOnly = true)
	public int writeAccounts(CurrentUser user, TableExport.Format format, OutputStream out) throws IOException {
		List<AccountSummary> exportable = accountManagement.exportable(user);
		Map<Long, Account> byId = new HashMap<>();
		for (List<Long> chunk : CsvFile.chunks(exportable.stream().map(AccountSummary::id).toList(), 1000)) {
			accounts.findAllById(chunk).forEach(account -> byId.put(account.id(), account));
		}
		Set<Long> people = new HashSet<>();
		byId.values().forEach(account -> {
			if (account.ownerId() != null) {
				people.add(account.ownerId());
			}
			if (account.executiveSponsorId() != null) {
				people.add(account.executiveSponsorId());
			}
		});
		Map<Long, UserSummary> names = users.findAll(people);
		try (TableExport.Writer table = TableExport.open(format, "Accounts", ACCOUNT_HEADER, out)) {
			for (AccountSummary summary : exportable) {
				Account account = byId.get(summary.id());
				UserSummary owner = names.get(account.ownerId());
				UserSummary sponsor = names.get(account.executiveSponsorId());
				table.row(account.key(), account.name(), account.industry(), account.employeeCount(),
						account.hqLocation(), account.timeZone(), account.status(), account.billingCurrency(),
						account.region(), account.relationshipStart(), owner == null ? null : owner.username(),
						owner == null ? null : owner.fullName(), sponsor == null ? null : sponsor.username(),
						account.strategic(), account.tierOverride(), account.tier(), account.arr(),
						account.billingCurrency());
			}
		}
		return exportable.size();
	}

	/**
	 * Writes the header and one line per contact at the accounts the user sees, by
	 * account and name; the account column holds the account's key.
	 * @return the number of contacts written
	 */
	@Transactional(readOnly = true)
	public int writeContacts(CurrentUser user, TableExport.Format format, OutputStream out) throws IOException {
		List<Long> ids = accountManagement.visible(user).stream().map(AccountSummary::id).toList();
		int count = 0;
		try (TableExport.Writer table = TableExport.open(format, "Contacts", CONTACT_HEADER, out)) {
			for (List<Long> chunk : CsvFile.chunks(ids, 1000)) {
				List<List<Object>> rows = new ArrayList<>();
				jdbc.sql("""
						select a.account_key, a.name as account_name, c.name, c.title, c.email, c.phone, c.time_zone,
						       c.stakeholder_role, c.influence, c.active
						from contact c join account a on a.id = c.account_id
						where c.account_id in (:ids)
						order by lower(a.name), a.id, lower(c.name), c.id""").param("ids", chunk).query(rs -> {
					rows.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
							rs.getBoolean(10)));
				});
				for (List<Object> row : rows) {
					table.row(row);
				}
				count += rows.size();
			}
		}
		return count;
	}

}
