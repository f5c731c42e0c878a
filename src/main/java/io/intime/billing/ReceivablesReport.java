package io.intime.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.intime.accounts.AccountManagement;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.CurrencyRates;
import io.intime.shared.Money;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finance's receivables view: the unpaid invoices of the accounts the reader may see
 * ({@link BillingRules}: finance, admins, executives and sales directors every account,
 * account managers the accounts they own), overdue by aging bucket, disputed and due this
 * week, as of the organization's day ({@link Today#organizationToday()}). One statement
 * sums them per account, currency and section; the accounts' names and owners come in one
 * more each.
 */
@Service
public class ReceivablesReport {

	/** "Due this week": from today through the sixth day after. */
	static final int WEEK_DAYS = 7;

	private final InvoiceManagement invoices;

	private final AccountManagement accounts;

	private final UserDirectory users;

	private final CurrencyRates rates;

	private final JdbcClient jdbc;

	private final Today time;

	ReceivablesReport(InvoiceManagement invoices, AccountManagement accounts, UserDirectory users, CurrencyRates rates,
			JdbcClient jdbc, Today time) {
		this.invoices = invoices;
		this.accounts = accounts;
		this.users = users;
		this.rates = rates;
		this.jdbc = jdbc;
		this.time = time;
	}

	/** The names of the roles that see invoices, and so the receivables view. */
	public static Set<String> readerRoles() {
		Set<String> names = new TreeSet<>();
		BillingRules.READERS.forEach(role -> names.add(role.name()));
		return Set.copyOf(names);
	}

	/**
	 * Whether the user sees the invoices of every account, and so may filter them by
	 * owner.
	 */
	public boolean seesEveryAccount(CurrentUser user) {
		return BillingRules.seesAllInvoices(user);
	}

	/**
	 * The receivables of the accounts the user may see, of one account
	 * ({@code accountId}) and of the accounts one person owns ({@code ownerId}) when
	 * given (null: no such filter), with {@code page} of its accounts (null: all of them,
	 * as an export writes them).
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see invoices (of that account)
	 * @throws io.intime.shared.NotFoundException when {@code accountId} names no account
	 */
	@Transactional(readOnly = true)
	public Receivables summary(Long accountId, Long ownerId, PageRequest page, CurrentUser user) {
		AccountScope scope = invoices.scope(accountId, ownerId, user);
		LocalDate today = time.organizationToday();
		String reporting = rates.reportingCurrency();
		List<Sum> sums = scope.isEmpty() ? List.of() : sums(scope, today);

		Map<ReceivablesSection, Totals> bySection = new EnumMap<>(ReceivablesSection.class);
		Map<Long, Map<ReceivablesSection, Totals>> byAccount = new HashMap<>();
		for (Sum sum : sums) {
			bySection.computeIfAbsent(sum.section(), s -> new Totals()).add(sum);
			byAccount.computeIfAbsent(sum.accountId(), a -> new EnumMap<>(ReceivablesSection.class))
				.computeIfAbsent(sum.section(), s -> new Totals())
				.add(sum);
		}
		List<Receivables.Line> aging = new ArrayList<>();
		Totals overdue = new Totals();
		Totals unpaid = new Totals();
		for (ReceivablesSection section : ReceivablesSection.values()) {
			Totals totals = bySection.getOrDefault(section, new Totals());
			unpaid.addAll(totals);
			if (section.overdue()) {
				aging.add(totals.line(section.name(), section.label(), reporting));
				overdue.addAll(totals);
			}
		}
		return new Receivables(today, reporting, aging, overdue.line("OVERDUE", "Overdue", reporting),
				section(bySection, ReceivablesSection.DISPUTED, reporting),
				section(bySection, ReceivablesSection.DUE_THIS_WEEK, reporting),
				unpaid.line("UNPAID", "Unpaid", reporting), accountLines(byAccount, reporting, page));
	}

	private Receivables.Line section(Map<ReceivablesSection, Totals> bySection, ReceivablesSection section,
			String reporting) {
		return bySection.getOrDefault(section, new Totals()).line(section.name(), section.label(), reporting);
	}

	private PageResult<Receivables.AccountLine> accountLines(Map<Long, Map<ReceivablesSection, Totals>> byAccount,
			String reporting, PageRequest page) {
		List<Map.Entry<Long, Map<ReceivablesSection, Totals>>> shown = byAccount.entrySet()
			.stream()
			.filter(entry -> entry.getValue().keySet().stream().anyMatch(s -> s != ReceivablesSection.NOT_DUE))
			.toList();
		Map<Long, AccountManagement.Stewards> stewards = shown.isEmpty() ? Map.of()
				: accounts.stewards(shown.stream().map(Map.Entry::getKey).toList());
		Set<Long> ownerIds = new HashSet<>();
		stewards.values()
			.stream()
			.map(AccountManagement.Stewards::ownerId)
			.filter(Objects::nonNull)
			.forEach(ownerIds::add);
		Map<Long, UserSummary> owners = ownerIds.isEmpty() ? Map.of() : users.findAll(ownerIds);
		List<Receivables.AccountLine> lines = new ArrayList<>();
		for (var entry : shown) {
			AccountManagement.Stewards account = stewards.get(entry.getKey());
			Map<ReceivablesSection, Totals> sections = entry.getValue();
			Totals overdue = new Totals();
			Totals unpaid = new Totals();
			Set<String> currencies = new TreeSet<>();
			sections.forEach((section, totals) -> {
				unpaid.addAll(totals);
				if (section.overdue()) {
					overdue.addAll(totals);
				}
				currencies.addAll(totals.amounts.keySet());
			});
			Long ownerId = account == null ? null : account.ownerId();
			UserSummary owner = ownerId == null ? null : owners.get(ownerId);
			lines.add(new Receivables.AccountLine(entry.getKey(), account == null ? null : account.key(),
					account == null ? "Account " + entry.getKey() : account.name(), ownerId,
					owner == null ? null : owner.fullName(), in(sections, ReceivablesSection.DAYS_0_30, reporting),
					in(sections, ReceivablesSection.DAYS_31_60, reporting),
					in(sections, ReceivablesSection.DAYS_61_90, reporting),
					in(sections, ReceivablesSection.DAYS_OVER_90, reporting), overdue.reporting(reporting),
					in(sections, ReceivablesSection.DISPUTED, reporting),
					in(sections, ReceivablesSection.DUE_THIS_WEEK, reporting), unpaid.reporting(reporting),
					overdue.count, List.copyOf(currencies)));
		}
		lines.sort(Comparator.comparing((Receivables.AccountLine line) -> line.overdue().amount())
			.reversed()
			.thenComparing(line -> line.disputed().amount(), Comparator.reverseOrder())
			.thenComparing(line -> line.dueThisWeek().amount(), Comparator.reverseOrder())
			.thenComparing(Receivables.AccountLine::accountName, String.CASE_INSENSITIVE_ORDER));
		if (page == null) {
			return new PageResult<>(List.copyOf(lines), lines.size(), 0, Math.max(1, lines.size()));
		}
		int from = Math.min(lines.size(), page.offset());
		int to = Math.min(lines.size(), from + page.size());
		return new PageResult<>(List.copyOf(lines.subList(from, to)), lines.size(), page.page(), page.size());
	}

	private Money in(Map<ReceivablesSection, Totals> sections, ReceivablesSection section, String reporting) {
		return sections.getOrDefault(section, new Totals()).reporting(reporting);
	}

	/** The unpaid invoices summed per account, currency and section, in one statement. */
	private List<Sum> sums(AccountScope scope, LocalDate today) {
		return scope.bind(jdbc.sql("""
				select account_id, currency, section, count(*) as invoices, sum(amount) as total from (
				  select account_id, currency, amount, case
				    when status = 'DISPUTED' then 'DISPUTED'
				    when due_date < :today or status = 'OVERDUE' then case
				      when :today - due_date <= 30 then 'DAYS_0_30'
				      when :today - due_date <= 60 then 'DAYS_31_60'
				      when :today - due_date <= 90 then 'DAYS_61_90'
				      else 'DAYS_OVER_90' end
				    when due_date < :weekEnd then 'DUE_THIS_WEEK'
				    else 'NOT_DUE' end as section
				  from invoice
				  where status in ('OPEN', 'OVERDUE', 'DISPUTED')""" + scope.clause("account_id") + """
				) unpaid
				group by account_id, currency, section"""))
			.param("today", today)
			.param("weekEnd", today.plusDays(WEEK_DAYS))
			.query((rs, i) -> new Sum(rs.getLong("account_id"), rs.getString("currency"),
					ReceivablesSection.valueOf(rs.getString("section")), rs.getInt("invoices"),
					rs.getBigDecimal("total")))
			.list();
	}

	private record Sum(long accountId, String currency, ReceivablesSection section, int count, BigDecimal total) {
	}

	/** Invoice count and amounts per currency of a section, summed as rows come. */
	private final class Totals {

		private final Map<String, BigDecimal> amounts = new TreeMap<>();

		private int count;

		void add(Sum sum) {
			count += sum.count();
			amounts.merge(sum.currency(), sum.total(), BigDecimal::add);
		}

		void addAll(Totals other) {
			count += other.count;
			other.amounts.forEach((currency, amount) -> amounts.merge(currency, amount, BigDecimal::add));
		}

		Money reporting(String currency) {
			Money total = Money.zero(currency);
			for (var entry : amounts.entrySet()) {
				total = total.plus(rates.convert(new Money(entry.getValue(), entry.getKey()), currency));
			}
			return total;
		}

		Receivables.Line line(String key, String label, String reporting) {
			List<Money> money = new ArrayList<>();
			amounts.forEach((currency, amount) -> money.add(new Money(amount, currency)));
			return new Receivables.Line(key, label, count, money, reporting(reporting));
		}

	}

}
