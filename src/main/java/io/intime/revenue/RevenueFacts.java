package io.intime.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.intime.shared.CurrencyRates;
import io.intime.shared.Money;
import io.intime.shared.database.AccountScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expansion pipeline facts per account for readers such as the health score: one
 * set-based statement for any number of accounts, as of any day. Values are compared in
 * US dollars at the configured fixed rates.
 */
@Service
@Transactional(readOnly = true)
public class RevenueFacts {

	private final JdbcClient jdbc;

	private final CurrencyRates rates;

	RevenueFacts(JdbcClient jdbc, CurrencyRates rates) {
		this.jdbc = jdbc;
		this.rates = rates;
	}

	/**
	 * The pipeline facts of the accounts in scope with an opportunity identified by
	 * {@code asOf}; an account missing from the map has none.
	 */
	public Map<Long, PipelineFacts> pipeline(LocalDate asOf, AccountScope scope) {
		Map<Long, PipelineFacts> facts = new HashMap<>();
		if (scope.isEmpty()) {
			return facts;
		}
		// The largest per currency comes from the database; the comparison across
		// currencies
		// needs the rates, so it happens here.
		String sql = """
				select account_id, currency,
				       count(*) filter (where closed_on is null or closed_on > :asOf) as open,
				       max(amount) filter (where closed_on is null or closed_on > :asOf) as largest,
				       (array_agg(title order by amount desc, id) filter (where closed_on is null or closed_on > :asOf))[1] as title
				from opportunity
				where identified_on <= :asOf"""
				+ " " + scope.clause("account_id") + """
						group by account_id, currency
						""";
		scope.bind(jdbc.sql(sql)).param("asOf", asOf).query((rs, row) -> {
			BigDecimal largest = rs.getBigDecimal("largest");
			BigDecimal usd = largest == null ? null
					: rates.convert(new Money(largest, rs.getString("currency")), "USD").amount();
			return new PipelineFacts(rs.getLong("account_id"), rs.getInt("open"), usd, rs.getString("title"));
		}).list().forEach(f -> facts.merge(f.accountId(), f, RevenueFacts::combine));
		return facts;
	}

	/**
	 * The open pipeline of the accounts in scope, in one statement; an account missing
	 * from the map has no open opportunity.
	 */
	public Map<Long, OpenPipeline> openPipeline(AccountScope scope) {
		Map<Long, OpenPipeline> facts = new HashMap<>();
		if (scope.isEmpty()) {
			return facts;
		}
		String sql = """
				select account_id, currency, count(*) as open, sum(amount) as total,
				       count(*) filter (where stage = 'NEGOTIATION') as negotiating,
				       max(amount) filter (where stage = 'NEGOTIATION') as negotiating_amount,
				       (array_agg(title order by amount desc, id) filter (where stage = 'NEGOTIATION'))[1] as negotiating_title
				from opportunity
				where stage not in ('WON','LOST')"""
				+ " " + scope.clause("account_id") + """
						group by account_id, currency
						""";
		scope.bind(jdbc.sql(sql)).query((rs, row) -> {
			String currency = rs.getString("currency");
			BigDecimal negotiating = rs.getBigDecimal("negotiating_amount");
			return new OpenPipeline(rs.getLong("account_id"), rs.getInt("open"),
					rates.convert(new Money(rs.getBigDecimal("total"), currency), "USD").amount(),
					rs.getInt("negotiating"), rs.getString("negotiating_title"),
					negotiating == null ? null : rates.convert(new Money(negotiating, currency), "USD").amount());
		}).list().forEach(p -> facts.merge(p.accountId(), p, (a, b) -> {
			boolean aLarger = b.negotiatingUsd() == null
					|| (a.negotiatingUsd() != null && a.negotiatingUsd().compareTo(b.negotiatingUsd()) >= 0);
			OpenPipeline larger = aLarger ? a : b;
			return new OpenPipeline(a.accountId(), a.open() + b.open(), a.openUsd().add(b.openUsd()),
					a.negotiating() + b.negotiating(), larger.negotiatingTitle(), larger.negotiatingUsd());
		}));
		return facts;
	}

	private static PipelineFacts combine(PipelineFacts a, PipelineFacts b) {
		boolean aLarger = b.largestOpenUsd() == null
				|| (a.largestOpenUsd() != null && a.largestOpenUsd().compareTo(b.largestOpenUsd()) >= 0);
		PipelineFacts larger = aLarger ? a : b;
		return new PipelineFacts(a.accountId(), a.open() + b.open(), larger.largestOpenUsd(), larger.largestTitle());
	}

	/** An open opportunity as a review lists it. */
	public record OpenOpportunity(long id, String title, String stage, Money value, String nextStep) {
	}

	/** The account's open opportunities, the largest first. */
	public java.util.List<OpenOpportunity> openOpportunities(long accountId) {
		return jdbc.sql("""
				select id, title, stage, amount, currency, next_step from opportunity
				 where account_id = :a and stage not in ('WON','LOST') order by amount desc, id""")
			.param("a", accountId)
			.query((rs, n) -> new OpenOpportunity(rs.getLong(1), rs.getString(2), rs.getString(3),
					new Money(rs.getBigDecimal(4), rs.getString(5)), rs.getString(6)))
			.list();
	}

}
