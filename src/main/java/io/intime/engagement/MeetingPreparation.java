package io.intime.engagement;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.intime.identity.CurrentUser;
import io.intime.tasks.PlanProposal;
import io.intime.tasks.PlanSource;
import io.intime.tasks.TaskPriority;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spec 02 step 17 ("suggests prep tasks based on meetings"): each call or meeting planned
 * on the day that the user takes part in or put in the calendar is proposed as a
 * preparation task an hour before it.
 */
@Component
class MeetingPreparation implements PlanSource {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private final JdbcClient jdbc;

	MeetingPreparation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PlanProposal> proposals(CurrentUser user, LocalDate day) {
		ZonedDateTime start = day.atStartOfDay(user.timeZone());
		return jdbc.sql("""
				select a.id, a.account_id, a.type, a.subject, a.occurred_at
				from activity a
				where a.type in ('CALL','MEETING') and a.occurred_at >= :start and a.occurred_at < :end
				  and (:me = any(a.participant_ids) or a.created_by = :username)
				order by a.occurred_at limit 20""")
			.param("start", Timestamp.from(start.toInstant()))
			.param("end", Timestamp.from(start.plusDays(1).toInstant()))
			.param("me", user.id())
			.param("username", user.username())
			.query((rs, i) -> {
				ZonedDateTime at = rs.getTimestamp("occurred_at").toInstant().atZone(user.timeZone());
				LocalTime prep = at.toLocalTime().minusHours(1);
				if (prep.isAfter(at.toLocalTime())) {
					prep = LocalTime.MIDNIGHT;
				}
				String type = ActivityType.valueOf(rs.getString("type")).label().toLowerCase(Locale.ROOT);
				return new PlanProposal("meeting-" + rs.getLong("id"),
						"Prepare for the " + type + ": " + rs.getString("subject"),
						"The " + type + " is at " + TIME.format(at), rs.getLong("account_id"), prep, TaskPriority.HIGH,
						"activity", rs.getLong("id"));
			})
			.list();
	}

}
