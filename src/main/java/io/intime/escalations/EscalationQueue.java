package io.intime.escalations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation queue (time left on each clock, most urgent first, filtered by severity,
 * owner and account) and how well escalations were resolved within their SLA per account
 * manager and team. Three statements for the queue whatever its length: the rows, their
 * histories, and the holidays when a clock counts business hours.
 */
@Service
@Transactional(readOnly = true)
public class EscalationQueue {

	/** The queue shows at most this many; filters narrow it. */
	public static final int LIMIT = 200;

	private final JdbcClient jdbc;

	private final EscalationRules rules;

	private final EscalationClocks clocks;

	private final UserDirectory users;

	private final Today time;

	EscalationQueue(JdbcClient jdbc, EscalationRules rules, EscalationClocks clocks, UserDirectory users, Today time) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.clocks = clocks;
		this.users = users;
		this.time = time;
	}

	/**
	 * The escalations the user may see that match the filter: open ones by urgency (the
	 * nearest due time of a running clock first, so breached ones lead; paused ones
	 * last), or ended ones newest first.
	 */
	public List<QueueRow> queue(QueueFilter filter, CurrentUser user) {
		StringBuilder where = new StringBuilder(filter.ended() ? " where e.status in ('RESOLVED', 'CLOSED')"
				: " where e.status not in ('RESOLVED', 'CLOSED')");
		Map<String, Object> params = new HashMap<>();
		List<Long> visible = rules.visibleAccounts(user);
		if (visible != null) {
			if (visible.isEmpty()) {
				return List.of();
			}
			where.append(" and e.account_id = any(:visible)");
			params.put("visible", new SqlArrayValue("bigint", visible.toArray()));
		}
		if (filter.severity() != null) {
			where.append(" and e.severity = :severity");
			params.put("severity", filter.severity().name());
		}
		if (filter.ownerId() != null) {
			where.append(
					filter.ownerId() == QueueFilter.UNOWNED ? " and e.owner_id is null" : " and e.owner_id = :owner");
			params.put("owner", filter.ownerId());
		}
		if (filter.accountId() != null) {
			where.append(" and e.account_id = :account");
			params.put("account", filter.accountId());
		}
		if (filter.accountManagerId() != null) {
			where.append(" and a.owner_id = :manager");
			params.put("manager", filter.accountManagerId());
		}
		String order = filter.ended() ? " order by e.resolved_at desc, e.id desc"
				: " order by least(case when e.first_response_at is null then e.response_due_at end, e.resolution_due_at) nulls last, e.raised_at, e.id";
		List<Object[]> rows = jdbc
			.sql("""
					select e.id, e.escalation_key, e.account_id, a.name, e.title, e.severity, e.status, e.owner_id, u.full_name,
					       e.raised_at, e.sla_policy_id
					  from escalation e join account a on a.id = e.account_id left join app_user u on u.id = e.owner_id"""
					+ where + order + " limit " + LIMIT)
			.params(params)
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
							rs.getString(5), Severity.valueOf(rs.getString(6)),
							EscalationStatus.valueOf(rs.getString(7)), rs.getObject(8, Long.class), rs.getString(9),
							rs.getTimestamp(10).toInstant(), rs.getObject(11, Long.class) })
			.list();
		Instant now = time.now();
		List<EscalationClocks.Subject> subjects = new ArrayList<>();
		for (Object[] r : rows) {
			Long policy = (Long) r[10];
			subjects.add(new EscalationClocks.Subject((Long) r[0], (Instant) r[9],
					policy != null ? policy : clocks.policyAt((Instant) r[9])));
		}
		Map<Long, SlaState> states = clocks.compute(subjects, now);
		List<QueueRow> queue = new ArrayList<>();
		for (Object[] r : rows) {
			queue.add(new QueueRow((Long) r[0], (String) r[1], (Long) r[2], (String) r[3], (String) r[4],
					(Severity) r[5], (EscalationStatus) r[6], (Long) r[7], (String) r[8], (Instant) r[9],
					states.get((Long) r[0])));
		}
		if (!filter.ended()) {
			// the stored due times were kept at the last change; the order is by the
			// clocks now
			queue.sort(Comparator.comparing(QueueRow::breached)
				.reversed()
				.thenComparing(r -> urgency(r), Comparator.nullsLast(Comparator.naturalOrder())));
		}
		return queue;
	}

	private static void add(int[] into, int[] counts) {
		for (int i = 0; i < into.length; i++) {
			into[i] += counts[i];
		}
	}

	private static Duration urgency(QueueRow row) {
		Duration response = row.responseLeft();
		Duration resolution = row.sla() != null && row.sla().running() ? row.resolutionLeft() : null;
		if (response == null) {
			return resolution;
		}
		return resolution == null || response.compareTo(resolution) < 0 ? response : resolution;
	}

	/**
	 * Escalations resolved in the last {@code days} days, within their SLA or not, per
	 * account manager (of the account) and per sales director's team; for account
	 * managers, sales directors, executives and admins.
	 */
	public SlaPerformance performance(int days, CurrentUser user) {
		rules.requirePerformance(user);
		Instant since = time.now().minus(Duration.ofDays(days));
		Map<Long, int[]> byManager = new HashMap<>();
		Map<Long, int[]> byDirector = new HashMap<>();
		int[] total = new int[3];
		// one statement: per account manager, with the director they report to
		jdbc.sql("""
				select a.owner_id, o.manager_id, count(*), count(*) filter (where e.resolution_met),
				       count(*) filter (where e.response_met)
				  from escalation e join account a on a.id = e.account_id left join app_user o on o.id = a.owner_id
				 where e.resolved_at >= :since and e.resolution_met is not null
				 group by a.owner_id, o.manager_id""").param("since", Timestamp.from(since)).query(rs -> {
			int[] counts = { rs.getInt(3), rs.getInt(4), rs.getInt(5) };
			add(total, counts);
			Long owner = rs.getObject(1, Long.class);
			if (owner != null) {
				byManager.put(owner, counts);
			}
			Long director = rs.getObject(2, Long.class);
			if (director != null) {
				add(byDirector.computeIfAbsent(director, k -> new int[3]), counts);
			}
		});
		Map<Long, UserSummary> people = users.findAll(byManager.keySet());
		List<SlaPerformance.Line> managers = new ArrayList<>();
		byManager.forEach((id, c) -> managers.add(new SlaPerformance.Line(id,
				people.containsKey(id) ? people.get(id).fullName() : "User " + id, c[0], c[1], c[2])));
		managers.sort(Comparator.comparing(SlaPerformance.Line::name));
		List<SlaPerformance.Line> teams = new ArrayList<>();
		for (UserSummary director : users.withRoles(Role.SALES_DIRECTOR)) {
			int[] sum = byDirector.getOrDefault(director.id(), new int[3]);
			teams.add(new SlaPerformance.Line(director.id(), director.fullName() + "'s team", sum[0], sum[1], sum[2]));
		}
		return new SlaPerformance(days, new SlaPerformance.Line(null, "Organization", total[0], total[1], total[2]),
				managers, teams);
	}

}
