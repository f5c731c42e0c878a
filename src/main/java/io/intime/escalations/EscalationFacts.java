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

	/**
	 * An escalation of a period as a review tells it: what happened, why, and how it was
	 * resolved (the resolution category and the post-mortem, or the last note).
	 */
	public record PeriodEscalation(long id, String key, String title, String severity, String status,
			java.time.Instant raisedAt, java.time.Instant resolvedAt, String rootCause, String resolution) {
	}

	/**
	 * The account's escalations raised or resolved from {@code from} to {@code to}
	 * (inclusive), most severe first, in one statement.
	 */
	public java.util.List<PeriodEscalation> ofPeriod(long accountId, LocalDate from, LocalDate to) {
		return jdbc
			.sql("""
					select e.id, e.escalation_key, e.title, e.severity, e.status, e.raised_at, e.resolved_at, e.root_cause,
					       e.resolution_category, e.post_mortem,
					       (select l.text from escalation_log l where l.escalation_id = e.id and l.entry = 'NOTE'
					         order by l.at desc, l.id desc limit 1) as last_note
					  from escalation e
					 where e.account_id = :account
					   and ((e.raised_at >= :from and e.raised_at < :end) or (e.resolved_at >= :from and e.resolved_at < :end))
					 order by e.severity, e.raised_at""")
			.param("account", accountId)
			.param("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("end", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.query((rs, n) -> {
				String category = rs.getString("resolution_category");
				String postMortem = rs.getString("post_mortem");
				String note = rs.getString("last_note");
				String how = category == null ? null : ResolutionCategory.valueOf(category).label();
				String detail = postMortem != null && !postMortem.isBlank() ? postMortem
						: note != null && !note.isBlank() ? note : null;
				String resolution = how == null ? detail : detail == null ? how : how + ": " + detail;
				java.sql.Timestamp resolved = rs.getTimestamp("resolved_at");
				return new PeriodEscalation(rs.getLong("id"), rs.getString("escalation_key"), rs.getString("title"),
						rs.getString("severity"), rs.getString("status"), rs.getTimestamp("raised_at").toInstant(),
						resolved == null ? null : resolved.toInstant(), rs.getString("root_cause"), resolution);
			})
			.list();
	}

}
