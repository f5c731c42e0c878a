package io.intime.escalations;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.intime.shared.database.AccountScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation facts per account for readers such as the health score: one set-based
 * statement for any number of accounts, as of any day (days end at midnight UTC).
 */
@Service
@Transactional(readOnly = true)
public class EscalationFacts {

	private final JdbcClient jdbc;

	EscalationFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The escalation facts of the accounts in scope with any escalation raised by
	 * {@code asOf}; an account missing from the map has none.
	 * @param windowDays how far back escalations count (90, a quarter, in the default
	 * model)
	 */
	public Map<Long, IssueFacts> issues(LocalDate asOf, int windowDays, AccountScope scope) {
		Map<Long, IssueFacts> facts = new HashMap<>();
		if (scope.isEmpty()) {
			return facts;
		}
		String sql = """
				select account_id,
				       count(*) filter (where raised_at >= :windowStart) as in_window,
				       count(*) filter (where raised_at >= :monthStart) as last30,
				       count(*) filter (where resolved_at is null or resolved_at >= :end) as open,
				       count(*) filter (where raised_at >= :windowStart and resolved_at < :end
				                          and resolution_met = false) as late,
				       (array_agg(escalation_key || ' – ' || title order by raised_at desc, id desc))[1] as latest_title,
				       max(raised_at) as latest
				from escalation
				where raised_at < :end"""
				+ " " + scope.clause("account_id") + """
						group by account_id
						""";
		scope.bind(jdbc.sql(sql))
			.param("end", asOf.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("windowStart", asOf.plusDays(1).minusDays(windowDays).atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("monthStart", asOf.plusDays(1).minusDays(30).atStartOfDay().atOffset(ZoneOffset.UTC))
			.query((rs, row) -> {
				java.sql.Timestamp latest = rs.getTimestamp("latest");
				return new IssueFacts(rs.getLong("account_id"), rs.getInt("in_window"), rs.getInt("last30"),
						rs.getInt("open"), rs.getString("latest_title"),
						latest == null ? null : latest.toInstant().atOffset(ZoneOffset.UTC).toLocalDate(),
						rs.getInt("late"));
			})
			.list()
			.forEach(f -> facts.put(f.accountId(), f));
		return facts;
	}

	/**
	 * The number of critical and high (P0, P1) escalations open on {@code asOf} per
	 * account in scope; accounts with none are missing.
	 */
	public Map<Long, Integer> openSevere(LocalDate asOf, AccountScope scope) {
		Map<Long, Integer> open = new HashMap<>();
		if (scope.isEmpty()) {
			return open;
		}
		String sql = """
				select account_id, count(*) from escalation
				 where severity in ('P0', 'P1') and raised_at < :end and (resolved_at is null or resolved_at >= :end)"""
				+ " " + scope.clause("account_id") + " group by account_id";
		scope.bind(jdbc.sql(sql)).param("end", asOf.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)).query(rs -> {
			open.put(rs.getLong(1), rs.getInt(2));
		});
		return open;
	}

	/** Escalations resolved in a period: how many, and how many within their SLA. */
	public record Resolutions(int resolved, int withinSla) {
	}

	/**
	 * The escalations of the accounts in scope resolved from {@code from} to {@code to}
	 * (inclusive), and how many met their resolution target (spec 03: escalations
	 * resolved within SLA / total), per month of resolution (the first of the month).
	 */
	public Map<java.time.LocalDate, Resolutions> resolutionsByMonth(LocalDate from, LocalDate to, AccountScope scope) {
		Map<java.time.LocalDate, Resolutions> months = new java.util.TreeMap<>();
		if (scope.isEmpty()) {
			return months;
		}
		String sql = """
				select date_trunc('month', resolved_at at time zone 'UTC')::date, count(*),
				       count(*) filter (where resolution_met)
				  from escalation where resolved_at >= :from and resolved_at < :end""" + " "
				+ scope.clause("account_id") + " group by 1";
		scope.bind(jdbc.sql(sql))
			.param("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("end", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.query(rs -> {
				months.put(rs.getDate(1).toLocalDate(), new Resolutions(rs.getInt(2), rs.getInt(3)));
			});
		return months;
	}

}
