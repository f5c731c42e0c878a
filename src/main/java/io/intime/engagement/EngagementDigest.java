package io.intime.engagement;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.intime.accounts.PortfolioAccount;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the account manager's console reads of engagement, one statement each: the day's
 * calls and meetings of a person, and what clients sent lately (emails and NPS
 * responses).
 */
@Service
public class EngagementDigest {

	private final JdbcClient jdbc;

	private final io.intime.shared.Today time;

	EngagementDigest(JdbcClient jdbc, io.intime.shared.Today time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	/** A call or meeting on someone's calendar. */
	public record Meeting(long activityId, long accountId, ActivityType type, String subject, Instant start,
			Integer durationMinutes, boolean executiveTouchpoint) {
	}

	/** Something a client sent: an email or an NPS response. */
	public record ClientTouch(String kind, long id, long accountId, Instant at, String title, Integer score) {
	}

	/**
	 * The calls and meetings the user takes part in or logged on the day (in their zone),
	 * by time.
	 */
	@Transactional(readOnly = true)
	public List<Meeting> meetingsOn(LocalDate day, CurrentUser user) {
		Instant start = day.atStartOfDay(user.timeZone()).toInstant();
		Instant end = day.plusDays(1).atStartOfDay(user.timeZone()).toInstant();
		return jdbc.sql("""
				select id, account_id, type, subject, occurred_at, duration_minutes, executive_touchpoint from activity
				 where type in ('CALL', 'MEETING') and occurred_at >= :start and occurred_at < :end
				   and (:me = any(participant_ids) or created_by = :username)
				 order by occurred_at, id limit 50""")
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.param("me", user.id())
			.param("username", user.username())
			.query((rs, n) -> new Meeting(rs.getLong(1), rs.getLong(2), ActivityType.valueOf(rs.getString(3)),
					rs.getString(4), rs.getTimestamp(5).toInstant(), (Integer) rs.getObject(6, Integer.class),
					rs.getBoolean(7)))
			.list();
	}

	/**
	 * The emails clients sent since the instant and the NPS responses they gave since its
	 * day, on these accounts, latest first (at most 50). An account manager sees those of
	 * the accounts they own only (engagement's rule).
	 */
	@Transactional(readOnly = true)
	public List<ClientTouch> fromClientsSince(List<PortfolioAccount> accounts, Instant since, CurrentUser user) {
		List<Long> ids = accounts.stream()
			.filter(a -> !user.hasRole(Role.ACCOUNT_MANAGER) || Objects.equals(a.ownerId(), user.id()))
			.map(PortfolioAccount::id)
			.toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				(select 'EMAIL' as kind, id, account_id, occurred_at as at, subject as title, null::int as score
				   from activity
				  where account_id = any(:accounts) and type = 'EMAIL' and direction = 'INBOUND'
				    and occurred_at >= :since and occurred_at <= :now)
				union all
				(select 'NPS', id, account_id, responded_on::timestamp at time zone :zone, coalesce(comment, ''), score
				   from nps_response
				  where account_id = any(:accounts) and responded_on >= :sinceDay and responded_on <= :today)
				order by at desc limit 50""")
			.param("accounts", new SqlArrayValue("bigint", ids.toArray()))
			.param("since", Timestamp.from(since))
			.param("now", Timestamp.from(time.now()))
			.param("zone", user.timeZone().getId())
			.param("sinceDay", since.atZone(user.timeZone()).toLocalDate())
			.param("today", time.today(user.timeZone()))
			.query((rs, n) -> new ClientTouch(rs.getString(1), rs.getLong(2), rs.getLong(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5), (Integer) rs.getObject(6, Integer.class)))
			.list();
	}

}
