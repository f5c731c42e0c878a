package io.intime.engagement;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.intime.identity.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a user of the firm is busy: the calls and meetings they take part in or logged, by
 * their planned time and duration (30 minutes when none is given).
 */
@Service
public class BusyTimes {

	static final Duration DEFAULT_LENGTH = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	BusyTimes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The user's busy spans that overlap from {@code from} up to {@code to}, by start.
	 */
	@Transactional(readOnly = true)
	public List<BusyTime> of(CurrentUser user, Instant from, Instant to) {
		return of(user.id(), user.username(), from, to);
	}

	/** {@link #of(CurrentUser, Instant, Instant)} for any user of the firm. */
	@Transactional(readOnly = true)
	public List<BusyTime> of(long userId, String username, Instant from, Instant to) {
		return jdbc.sql("""
				select occurred_at, coalesce(duration_minutes, :fallback) as minutes, subject from activity
				 where type in ('CALL', 'MEETING') and occurred_at < :to
				   and occurred_at + make_interval(mins => coalesce(duration_minutes, :fallback)) > :from
				   and (:me = any(participant_ids) or created_by = :username)
				 order by occurred_at""")
			.param("fallback", (int) DEFAULT_LENGTH.toMinutes())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("me", userId)
			.param("username", username)
			.query((rs, n) -> {
				Instant start = rs.getTimestamp(1).toInstant();
				return new BusyTime(start, start.plus(Duration.ofMinutes(rs.getInt(2))), rs.getString(3));
			})
			.list();
	}

}
