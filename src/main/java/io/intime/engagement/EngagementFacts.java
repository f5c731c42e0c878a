package io.intime.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * NPS and engagement facts per account for readers such as the health score: set-based
 * statements for any number of accounts, as of any day (days end at midnight UTC).
 */
@Service
@Transactional(readOnly = true)
public class EngagementFacts {

	private final JdbcClient jdbc;

	private final Today time;

	EngagementFacts(JdbcClient jdbc, Today time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * The NPS facts of the accounts in scope with a response in the window or in the 180
	 * days before {@code asOf}; an account missing from the map has none.
	 * @param windowDays how far back responses count for the average (180 in the default
	 * model)
	 */
	public Map<Long, NpsFacts> nps(LocalDate asOf, int windowDays, AccountScope scope) {
		Map<Long, NpsFacts> facts = new HashMap<>();
		if (scope.isEmpty()) {
			return facts;
		}
		String sql = """
				select account_id,
				       count(*) filter (where responded_on > :windowStart) as responses,
				       avg(score) filter (where responded_on > :windowStart) as average,
				       (array_agg(score order by responded_on desc, id desc) filter (where responded_on > :windowStart))[1] as latest_score,
				       max(responded_on) filter (where responded_on > :windowStart) as latest_date,
				       (array_agg(comment order by responded_on desc, id desc) filter (where responded_on > :windowStart))[1] as latest_comment,
				       count(*) filter (where responded_on > :recent) as recent_n,
				       count(*) filter (where responded_on > :recent and score >= 9) as recent_promoters,
				       count(*) filter (where responded_on > :recent and score <= 6) as recent_detractors,
				       count(*) filter (where responded_on > :earlier and responded_on <= :recent) as earlier_n,
				       count(*) filter (where responded_on > :earlier and responded_on <= :recent and score >= 9) as earlier_promoters,
				       count(*) filter (where responded_on > :earlier and responded_on <= :recent and score <= 6) as earlier_detractors
				from nps_response
				where responded_on <= :asOf and responded_on > least(:windowStart, :earlier)"""
				+ " " + scope.clause("account_id") + """
						group by account_id
						""";
		scope.bind(jdbc.sql(sql))
			.param("asOf", asOf)
			.param("windowStart", asOf.minusDays(windowDays))
			.param("recent", asOf.minusDays(90))
			.param("earlier", asOf.minusDays(180))
			.query((rs, row) -> {
				BigDecimal average = rs.getBigDecimal("average");
				java.sql.Date latest = rs.getDate("latest_date");
				return new NpsFacts(rs.getLong("account_id"), rs.getInt("responses"),
						average == null ? null : average.setScale(1, RoundingMode.HALF_UP),
						(Integer) rs.getObject("latest_score"), latest == null ? null : latest.toLocalDate(),
						rs.getString("latest_comment"),
						net(rs.getInt("recent_n"), rs.getInt("recent_promoters"), rs.getInt("recent_detractors")),
						net(rs.getInt("earlier_n"), rs.getInt("earlier_promoters"), rs.getInt("earlier_detractors")));
			})
			.list()
			.forEach(f -> facts.put(f.accountId(), f));
		return facts;
	}

	/**
	 * Net promoter score: % promoters (9–10) minus % detractors (0–6), rounded; null
	 * without responses.
	 */
	static Integer net(int responses, int promoters, int detractors) {
		if (responses == 0) {
			return null;
		}
		return (int) Math.round(100.0 * (promoters - detractors) / responses);
	}

	/**
	 * The engagement facts of the accounts in scope with any activity by {@code asOf}; an
	 * account missing from the map has none. A contact has answered our emails when they
	 * reached us afterwards (an inbound call, email or meeting) or took part in a call or
	 * meeting with us afterwards that has taken place (a planned one answers nothing
	 * yet).
	 * @param windowDays how far back touchpoints and engaged contacts count (90 in the
	 * default model)
	 */
	public Map<Long, ExecutiveFacts> executive(LocalDate asOf, int windowDays, AccountScope scope) {
		return executive(asOf, windowDays, windowDays, scope, null, null, null);
	}

	/**
	 * {@link #executive} with its own window for the calls and meetings that took place
	 * ({@code meetings}).
	 */
	public Map<Long, ExecutiveFacts> executive(LocalDate asOf, int windowDays, int meetingWindowDays,
			AccountScope scope) {
		return executive(asOf, windowDays, meetingWindowDays, scope, null, null, null);
	}

	/**
	 * {@link #executive} and the next quarterly business review of each account between
	 * {@code qbrFrom} and {@code qbrTo} (a QBR meeting in the calendar, or a planned
	 * meeting tagged QBR) in one statement, for the executive's portfolio: the QBRs go
	 * into {@code nextQbr}; an account with a QBR but no activity by {@code asOf} gets
	 * empty executive facts.
	 */
	public Map<Long, ExecutiveFacts> executiveWithNextQbr(LocalDate asOf, int windowDays, AccountScope scope,
			java.time.Instant qbrFrom, java.time.Instant qbrTo, Map<Long, java.time.Instant> nextQbr) {
		return executive(asOf, windowDays, windowDays, scope, qbrFrom, qbrTo, nextQbr);
	}

	private Map<Long, ExecutiveFacts> executive(LocalDate asOf, int windowDays, int meetingWindowDays,
			AccountScope scope, java.time.Instant qbrFrom, java.time.Instant qbrTo,
			Map<Long, java.time.Instant> nextQbr) {
		Map<Long, ExecutiveFacts> facts = new HashMap<>();
		if (scope.isEmpty()) {
			return facts;
		}
		boolean qbr = nextQbr != null;
		String qbrs = """
				, qbr as (
				  select account_id, min(at) as at from (
				    select account_id, starts_at as at from meeting
				     where meeting_type = 'QBR' and status = 'SCHEDULED' and starts_at >= :qbrFrom and starts_at < :qbrTo %1$s
				    union all
				    select account_id, occurred_at from activity
				     where type = 'MEETING' and 'QBR' = any(tags) and occurred_at >= :qbrFrom and occurred_at < :qbrTo %1$s
				  ) qbrs group by account_id)
				"""
			.formatted(scope.clause("account_id"));
		String sql = """
				with acts as (
				  select id, account_id, type, direction, occurred_at, contact_ids, executive_touchpoint
				  from activity
				  where occurred_at < :end and (review_status is null or review_status = 'CONFIRMED')""" + " "
				+ scope.clause("account_id")
				+ """
						), summary as (
						  select account_id,
						         count(*) filter (where executive_touchpoint and type in ('CALL','MEETING') and occurred_at >= :windowStart) as touchpoints,
						         count(*) filter (where type in ('CALL','MEETING') and cardinality(contact_ids) > 0
						                            and occurred_at >= :meetingStart and occurred_at <= :happened) as meetings,
						         max(occurred_at) filter (where executive_touchpoint and type in ('CALL','MEETING')) as last_touchpoint
						  from acts group by account_id
						), per_contact as (
						  select a.account_id, c.contact_id, a.type, a.direction, a.occurred_at
						  from acts a cross join lateral unnest(a.contact_ids) as c(contact_id)
						  where a.occurred_at >= :windowStart
						), engaged as (
						  select account_id, count(distinct contact_id) as contacts from per_contact group by account_id
						), last_answer as (
						  select account_id, contact_id, max(occurred_at) as answered_at
						  from per_contact
						  where (direction = 'INBOUND' or type in ('CALL','MEETING')) and occurred_at <= :happened
						  group by account_id, contact_id
						), unanswered as (
						  select distinct on (p.account_id) p.account_id, p.contact_id, count(*) as emails
						  from per_contact p left join last_answer l on l.account_id = p.account_id and l.contact_id = p.contact_id
						  where p.type = 'EMAIL' and p.direction = 'OUTBOUND' and (l.answered_at is null or p.occurred_at > l.answered_at)
						  group by p.account_id, p.contact_id
						  order by p.account_id, count(*) desc, p.contact_id
						)"""
				+ (qbr ? qbrs : "")
				+ """
						select coalesce(s.account_id, q.account_id) as account_id, coalesce(s.touchpoints, 0) as touchpoints,
						       s.last_touchpoint, coalesce(e.contacts, 0) as contacts,
						       u.contact_id as unresponsive, coalesce(u.emails, 0) as emails, q.at as next_qbr,
						       coalesce(s.meetings, 0) as meetings
						from summary s
						left join engaged e on e.account_id = s.account_id
						left join unanswered u on u.account_id = s.account_id
						"""
				+ (qbr ? " full join qbr q on q.account_id = s.account_id"
						: " left join (select null::bigint as account_id, null::timestamptz as at) q on false");
		OffsetDateTime end = asOf.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
		OffsetDateTime now = time.now().atOffset(ZoneOffset.UTC);
		var statement = scope.bind(jdbc.sql(sql));
		if (qbr) {
			statement = statement.param("qbrFrom", java.sql.Timestamp.from(qbrFrom))
				.param("qbrTo", java.sql.Timestamp.from(qbrTo));
		}
		statement.param("end", end)
			.param("happened", now.isBefore(end) ? now : end)
			.param("windowStart", asOf.plusDays(1).minusDays(windowDays).atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("meetingStart",
					asOf.plusDays(1).minusDays(meetingWindowDays).atStartOfDay().atOffset(ZoneOffset.UTC))
			.query((rs, row) -> {
				java.sql.Timestamp last = rs.getTimestamp("last_touchpoint");
				Number unresponsive = (Number) rs.getObject("unresponsive");
				java.sql.Timestamp next = rs.getTimestamp("next_qbr");
				if (next != null) {
					nextQbr.put(rs.getLong("account_id"), next.toInstant());
				}
				return new ExecutiveFacts(rs.getLong("account_id"), rs.getInt("touchpoints"),
						last == null ? null : last.toInstant().atOffset(ZoneOffset.UTC).toLocalDate(),
						rs.getInt("contacts"), unresponsive == null ? null : unresponsive.longValue(),
						rs.getInt("emails"), rs.getInt("meetings"));
			})
			.list()
			.forEach(f -> facts.put(f.accountId(), f));
		return facts;
	}

	/**
	 * The count of NPS responses in a period: all, promoters (9–10) and detractors (0–6).
	 */
	public record NpsTally(int responses, int promoters, int passives, int detractors) {
	}

	/**
	 * The NPS responses of the accounts in scope answered from {@code from} to {@code to}
	 * (inclusive), counted by category in one statement: what retention reports show
	 * beside revenue.
	 */
	@Transactional(readOnly = true)
	public NpsTally npsTally(LocalDate from, LocalDate to, AccountScope scope) {
		if (scope.isEmpty()) {
			return new NpsTally(0, 0, 0, 0);
		}
		String sql = """
				select count(*), count(*) filter (where score >= 9), count(*) filter (where score between 7 and 8),
				       count(*) filter (where score <= 6)
				  from nps_response where responded_on between :from and :to""" + " " + scope.clause("account_id");
		return scope.bind(jdbc.sql(sql))
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new NpsTally(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
	}

	/** One NPS response as a drill-down lists it. */
	public record NpsAnswer(long id, long accountId, LocalDate respondedOn, int score, String comment,
			String surveyType) {
	}

	/**
	 * The NPS responses behind {@link #npsTally}, newest first, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public java.util.List<NpsAnswer> npsAnswers(LocalDate from, LocalDate to, AccountScope scope, int limit) {
		if (scope.isEmpty()) {
			return java.util.List.of();
		}
		String sql = """
				select id, account_id, responded_on, score, comment, survey_type
				  from nps_response where responded_on between :from and :to""" + " " + scope.clause("account_id")
				+ " order by responded_on desc, id desc limit :limit";
		return scope.bind(jdbc.sql(sql))
			.param("from", from)
			.param("to", to)
			.param("limit", limit)
			.query((rs, n) -> new NpsAnswer(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getInt(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * The NPS responses of the accounts in scope per month (the first of the month) from
	 * {@code from} to {@code to}, counted by category in one statement.
	 */
	@Transactional(readOnly = true)
	public Map<LocalDate, NpsTally> npsByMonth(LocalDate from, LocalDate to, AccountScope scope) {
		Map<LocalDate, NpsTally> months = new java.util.TreeMap<>();
		if (scope.isEmpty()) {
			return months;
		}
		String sql = """
				select date_trunc('month', responded_on)::date, count(*), count(*) filter (where score >= 9),
				       count(*) filter (where score between 7 and 8), count(*) filter (where score <= 6)
				  from nps_response where responded_on between :from and :to""" + " " + scope.clause("account_id")
				+ " group by 1";
		scope.bind(jdbc.sql(sql)).param("from", from).param("to", to).query(rs -> {
			months.put(rs.getDate(1).toLocalDate(),
					new NpsTally(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
		});
		return months;
	}

	/**
	 * How fast the firm answered the client's emails: the inbound emails of the accounts
	 * in scope received from {@code from} to {@code to} that got a reply (an outbound
	 * email threaded to them), and the average hours to the first reply (null without
	 * any).
	 */
	public record Responsiveness(int answered, Double averageHours) {
	}

	@Transactional(readOnly = true)
	public Responsiveness responsiveness(LocalDate from, LocalDate to, AccountScope scope) {
		if (scope.isEmpty()) {
			return new Responsiveness(0, null);
		}
		String sql = """
				select count(*), avg(extract(epoch from r.first_reply - i.occurred_at) / 3600.0)
				  from activity i
				  cross join lateral (select min(o.occurred_at) as first_reply from activity o
				                       where o.in_reply_to = i.message_id and o.direction = 'OUTBOUND'
				                         and o.occurred_at >= i.occurred_at) r
				 where i.type = 'EMAIL' and i.direction = 'INBOUND' and i.message_id is not null
				   and r.first_reply is not null
				   and i.occurred_at >= :from and i.occurred_at < :until""" + " " + scope.clause("i.account_id");
		return scope.bind(jdbc.sql(sql))
			.param("from", java.sql.Timestamp.from(from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
			.param("until", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
			.query((rs, n) -> {
				Number hours = (Number) rs.getObject(2);
				return new Responsiveness(rs.getInt(1), hours == null ? null : hours.doubleValue());
			})
			.single();
	}

}
