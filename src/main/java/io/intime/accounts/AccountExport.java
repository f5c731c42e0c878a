package io.intime.accounts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the accounts a user may export, and their contacts, as CSV in the import's format
 * (plus columns the import leaves aside: key, tier, ARR, names), so that an exported file
 * imports again as it is. Which accounts: {@link AccountManagement#exportable} decides
 * (account managers only those they own); contacts are exported at every account the user sees
 * ({@link AccountManagement#visible}).
 */
@Service
public class AccountExport {

    static final List<String> ACCOUNT_HEADER = List.of("key", "name", "industry", "employee_count", "hq_location",
            "time_zone", "status", "billing_currency", "region", "relationship_start", "owner", "owner_name",
            "executive_sponsor", "strategic", "tier_override", "tier", "arr_amount", "arr_currency");
    static final List<String> CONTACT_HEADER = List.of("account", "account_name", "name", "title", "email", "phone",
            "time_zone", "stakeholder_role", "influence", "active");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

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
     * Writes the header and one line per exportable account, by name. Values a spreadsheet
     * would run as formulas are written with a leading apostrophe (the import removes it).
     *
     * @return the number of accounts written
     */
    @Transactional(readOnly = true)
    public int writeAccounts(CurrentUser user, Appendable out) throws IOException {
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
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        csv.printRecord(ACCOUNT_HEADER);
        for (AccountSummary summary : exportable) {
            Account account = byId.get(summary.id());
            UserSummary owner = names.get(account.ownerId());
            UserSummary sponsor = names.get(account.executiveSponsorId());
            csv.printRecord(cells(account.key(), account.name(), account.industry(), account.employeeCount(),
                    account.hqLocation(), account.timeZone(), account.status(), account.billingCurrency(),
                    account.region(), account.relationshipStart(), owner == null ? null : owner.username(),
                    owner == null ? null : owner.fullName(), sponsor == null ? null : sponsor.username(),
                    account.strategic(), account.tierOverride(), account.tier(), account.arr().toPlainString(),
                    account.billingCurrency()));
        }
        csv.flush();
        return exportable.size();
    }

    /**
     * Writes the header and one line per contact at the accounts the user sees, by account and
     * name; the account column holds the account's key.
     *
     * @return the number of contacts written
     */
    @Transactional(readOnly = true)
    public int writeContacts(CurrentUser user, Appendable out) throws IOException {
        List<Long> ids = accountManagement.visible(user).stream().map(AccountSummary::id).toList();
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        csv.printRecord(CONTACT_HEADER);
        int count = 0;
        for (List<Long> chunk : CsvFile.chunks(ids, 1000)) {
            List<List<Object>> rows = new ArrayList<>();
            jdbc.sql("""
                    select a.account_key, a.name as account_name, c.name, c.title, c.email, c.phone, c.time_zone,
                           c.stakeholder_role, c.influence, c.active
                    from contact c join account a on a.id = c.account_id
                    where c.account_id in (:ids)
                    order by lower(a.name), a.id, lower(c.name), c.id""")
                    .param("ids", chunk).query(rs -> {
                        rows.add(cells(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getBoolean(10)));
                    });
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
            count += rows.size();
        }
        csv.flush();
        return count;
    }

    private static List<Object> cells(Object... values) {
        List<Object> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(value == null ? "" : CsvFile.neutralize(value.toString()));
        }
        return cells;
    }
}
