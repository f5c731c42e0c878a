package io.intime.billing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.intime.shared.database.AccountScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment facts per account for readers such as the health score: one set-based statement
 * for any number of accounts, as of any day. Days to pay and days overdue are derived
 * from the invoice dates here, never typed in.
 */
@Service
@Transactional(readOnly = true)
public class BillingFacts {

	private final JdbcClient jdbc;

	private final io.intime.shared.CurrencyRates rates;

	BillingFacts(JdbcClient jdbc, io.intime.shared.CurrencyRates rates) {
		this.rates = rates;
		this.jdbc = jdbc;
	}

	/**
	 * The payment facts of the accounts in scope that have an invoice issued by
	 * {@code asOf}; an account missing from the map has none.
	 * @param windowDays how far back invoices count for the average (365 in the default
	 * model)
	 */
	public Map<Long, PaymentFacts> payment(LocalDate asOf, int windowDays, AccountScope scope) {
		Map<Long, PaymentFacts> facts = new HashMap<>();
		if (scope.isEmpty()) {
			return facts;
		}
		// As of a past day an invoice paid, disputed or written off later was still
		// unpaid then;
		// a write-off counts from its own day (written_off_on).
		String sql = """
				with measured as (
				  select account_id, id, invoice_number, issue_date, due_date, paid_on,
				         status = 'WRITTEN_OFF' and written_off_on <= :asOf as written_off,
				         paid_on is not null and paid_on <= :asOf as paid
				  from invoice
				  where issue_date <= :asOf""" + " " + scope.clause("account_id")
				+ """
						), per_invoice as (
						  select *,
						         case when paid then null when written_off then null
						              when due_date < :asOf then :asOf - due_date end as days_overdue
						  from measured
						)
						select p.account_id,
						       count(*) filter (where p.issue_date > :windowStart and (p.paid or p.due_date < :asOf)) as measured,
						       avg(case when p.paid then p.paid_on - p.issue_date else :asOf - p.issue_date end)
						         filter (where p.issue_date > :windowStart and (p.paid or p.due_date < :asOf)) as average_days,
						       bool_or(p.written_off and p.issue_date > :windowStart) as written_off,
						       coalesce(max(p.days_overdue), 0) as max_overdue,
						       (array_agg(p.invoice_number order by p.days_overdue desc nulls last, p.id)
						          filter (where p.days_overdue > 0))[1] as overdue_number,
						       (array_agg(p.id order by p.days_overdue desc nulls last, p.id)
						          filter (where p.days_overdue > 0))[1] as overdue_id
						from per_invoice p
						group by p.account_id
						""";
		scope.bind(jdbc.sql(sql))
			.param("asOf", asOf)
			.param("windowStart", asOf.minusDays(windowDays))
			.query((rs, row) -> {
				java.math.BigDecimal average = rs.getBigDecimal("average_days");
				Number overdueId = (Number) rs.getObject("overdue_id");
				return new PaymentFacts(rs.getLong("account_id"), rs.getInt("measured"),
						average == null ? null : average.setScale(1, java.math.RoundingMode.HALF_UP),
						rs.getBoolean("written_off"), rs.getInt("max_overdue"), rs.getString("overdue_number"),
						overdueId == null ? null : overdueId.longValue());
			})
			.list()
			.forEach(f -> facts.put(f.accountId(), f));
		return facts;
	}

	/**
	 * What the account has been invoiced over the whole relationship (written-off
	 * invoices left out), in US dollars at the constant rates: its lifetime value.
	 */
	public io.intime.shared.Money lifetimeValueUsd(long accountId) {
		io.intime.shared.Money total = io.intime.shared.Money.zero("USD");
		for (Map.Entry<String, java.math.BigDecimal> e : jdbc.sql("""
				select currency, sum(amount) from invoice where account_id = :a and status <> 'WRITTEN_OFF'
				 group by currency""")
			.param("a", accountId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
			.list()) {
			total = total.plus(rates.convert(new io.intime.shared.Money(e.getValue(), e.getKey()), "USD"));
		}
		return total;
	}

	/**
	 * What the account was invoiced from {@code from} to {@code to} (inclusive, by issue
	 * date; written-off invoices left out) in its billing currency when it has one,
	 * converted at the constant rates otherwise: its revenue of a period.
	 */
	public io.intime.shared.Money invoiced(long accountId, LocalDate from, LocalDate to, String currency) {
		io.intime.shared.Money total = io.intime.shared.Money.zero(currency);
		for (Map.Entry<String, java.math.BigDecimal> e : jdbc.sql("""
				select currency, sum(amount) from invoice
				 where account_id = :a and status <> 'WRITTEN_OFF' and issue_date between :from and :to
				 group by currency""")
			.param("a", accountId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
			.list()) {
			total = total.plus(rates.convert(new io.intime.shared.Money(e.getValue(), e.getKey()), currency));
		}
		return total;
	}

}
