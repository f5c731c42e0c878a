package io.intime.staffing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.intime.shared.database.AccountScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hiring facts per account for readers such as the health score: one set-based statement
 * for any number of accounts, as of any day (so that history can be computed from the
 * same facts).
 */
@Service
@Transactional(readOnly = true)
public class StaffingFacts {

	private final JdbcClient jdbc;

	StaffingFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The hiring facts of the accounts in scope that have any job or placement by
	 * {@code asOf}; an account missing from the map has none.
	 * @param hireWindowDays how far back a placement start counts as a hire (90 in the
	 * default model)
	 */
	public Map<Long, HiringFacts> hiring(LocalDate asOf, int hireWindowDays, AccountScope scope) {
		return hiring(asOf, hireWindowDays, hireWindowDays, scope);
	}

	/**
	 * {@link #hiring} with its own window for the average time to fill (jobs filled in
	 * the {@code fillWindowDays} ending that day).
	 */
	public Map<Long, HiringFacts> hiring(LocalDate asOf, int hireWindowDays, int fillWindowDays, AccountScope scope) {
		Map<Long, HiringFacts> facts = new HashMap<>();
		if (scope.isEmpty()) {
			return facts;
		}
		String sql = """
				with jobs as (
				  select account_id,
				         count(*) filter (where status <> 'ON_HOLD'
				                            and (filled_on is null or filled_on > :asOf)
				                            and (cancelled_on is null or cancelled_on > :asOf)) as open_jobs,
				         avg(filled_on - opened_on) filter (where filled_on > :fillStart and filled_on <= :asOf) as time_to_fill
				  from job
				  where opened_on <= :asOf"""
				+ " " + scope.clause("account_id")
				+ """
						  group by account_id
						), hires as (
						  select p.account_id,
						         count(*) filter (where p.start_date > :windowStart
						                            and (p.falloff_date is null or p.falloff_date > :asOf)) as hires,
						         max(p.start_date) filter (where p.falloff_date is null or p.falloff_date > :asOf) as last_hire,
						         (array_agg(p.job_id order by p.start_date desc, p.id desc)
						            filter (where p.falloff_date is null or p.falloff_date > :asOf))[1] as last_job,
						         count(*) filter (where p.falloff_date > :falloffStart and p.falloff_date <= :asOf) as falloffs
						  from placement p
						  where p.start_date <= :asOf"""
				+ " " + scope.clause("p.account_id") + """
						  group by p.account_id
						)
						select coalesce(jobs.account_id, hires.account_id) as account_id,
						       coalesce(jobs.open_jobs, 0) as open_jobs, coalesce(hires.hires, 0) as hires,
						       hires.last_hire, (select j.title from job j where j.id = hires.last_job) as last_title,
						       coalesce(hires.falloffs, 0) as falloffs, jobs.time_to_fill
						from jobs full join hires on hires.account_id = jobs.account_id
						""";
		// The last job's title is a lookup by primary key per account: as a join, the
		// planner
		// misjudged the number of accounts and hashed the whole job table for every
		// slice.
		scope.bind(jdbc.sql(sql))
			.param("asOf", asOf)
			.param("windowStart", asOf.minusDays(hireWindowDays))
			.param("falloffStart", asOf.minusDays(60))
			.param("fillStart", asOf.minusDays(fillWindowDays))
			.query((rs, row) -> {
				java.sql.Date lastHire = rs.getDate("last_hire");
				return new HiringFacts(rs.getLong("account_id"), rs.getInt("open_jobs"), rs.getInt("hires"),
						lastHire == null ? null : lastHire.toLocalDate(), rs.getString("last_title"),
						rs.getInt("falloffs"), rs.getBigDecimal("time_to_fill") == null ? null
								: rs.getBigDecimal("time_to_fill").setScale(1, java.math.RoundingMode.HALF_UP));
			})
			.list()
			.forEach(f -> facts.put(f.accountId(), f));
		return facts;
	}

	/**
	 * For each account, its time-to-fill and falloffs since its own day (one statement
	 * for any number of accounts).
	 */
	public Map<Long, DeliverySince> deliverySince(Map<Long, LocalDate> since, LocalDate today) {
		Map<Long, DeliverySince> result = new HashMap<>();
		if (since.isEmpty()) {
			return result;
		}
		Long[] ids = since.keySet().toArray(Long[]::new);
		java.sql.Date[] days = java.util.Arrays.stream(ids)
			.map(id -> java.sql.Date.valueOf(since.get(id)))
			.toArray(java.sql.Date[]::new);
		jdbc.sql(
				"""
						with s(account_id, since) as (select * from unnest(:ids, :days))
						select s.account_id,
						       (select avg(j.filled_on - j.opened_on) from job j
						         where j.account_id = s.account_id and j.filled_on >= s.since and j.filled_on <= :today) as ttf,
						       (select count(*) from job j
						         where j.account_id = s.account_id and j.filled_on >= s.since and j.filled_on <= :today) as filled,
						       (select count(*) from placement p
						         where p.account_id = s.account_id and p.falloff_date >= s.since and p.falloff_date <= :today) as falloffs,
						       (select avg(j.filled_on - j.opened_on) from job j
						         where j.filled_on > :today - 180 and j.filled_on <= :today) as team_ttf
						  from s""")
			.param("ids", new org.springframework.jdbc.support.SqlArrayValue("bigint", (Object[]) ids))
			.param("days", new org.springframework.jdbc.support.SqlArrayValue("date", (Object[]) days))
			.param("today", today)
			.query(rs -> {
				BigDecimal ttf = rs.getBigDecimal("ttf");
				BigDecimal team = rs.getBigDecimal("team_ttf");
				result.put(rs.getLong("account_id"), new DeliverySince(rs.getLong("account_id"),
						ttf == null ? null : ttf.setScale(1, java.math.RoundingMode.HALF_UP), rs.getInt("filled"),
						rs.getInt("falloffs"), team == null ? null : team.setScale(1, java.math.RoundingMode.HALF_UP)));
			});
		return result;
	}

	/**
	 * The account's placements that started since {@code since} and its jobs opened or
	 * filled since then, up to {@code asOf}: two statements whatever the numbers.
	 */
	public AccountStaffing history(long accountId, LocalDate since, LocalDate asOf) {
		java.util.List<AccountStaffing.PlacementFact> placements = jdbc.sql("""
				select p.id, p.job_id, j.title, j.department, p.type, p.candidate_name, p.start_date, p.end_date,
				       p.status, p.falloff_date, j.filled_on - j.opened_on as days_to_fill, p.notes
				  from placement p join job j on j.id = p.job_id
				 where p.account_id = :account and p.start_date >= :since and p.start_date <= :asOf
				 order by p.start_date, p.id""")
			.param("account", accountId)
			.param("since", since)
			.param("asOf", asOf)
			.query((rs, n) -> new AccountStaffing.PlacementFact(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getString(4), PlacementType.valueOf(rs.getString(5)), rs.getString(6),
					rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
					PlacementStatus.valueOf(rs.getString(9)), rs.getObject(10, LocalDate.class),
					(Integer) rs.getObject(11), rs.getString(12)))
			.list();
		java.util.List<AccountStaffing.JobFact> jobs = jdbc.sql("""
				select id, title, department, status, opened_on, filled_on, cancelled_on, submissions
				  from job
				 where account_id = :account and opened_on <= :asOf and (opened_on >= :since or filled_on >= :since)
				 order by opened_on, id""")
			.param("account", accountId)
			.param("since", since)
			.param("asOf", asOf)
			.query((rs, n) -> new AccountStaffing.JobFact(rs.getLong(1), rs.getString(2), rs.getString(3),
					JobStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getInt(8)))
			.list();
		return new AccountStaffing(accountId, placements, jobs);
	}

}
