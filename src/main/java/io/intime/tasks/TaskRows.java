package io.intime.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.RowMapper;

/** Reading task rows (joined with their series' rule as {@code rrule}). */
final class TaskRows {

	static final String COLUMNS = """
			t.id, t.title, t.notes, t.assignee_id, t.created_by_id, t.account_id, t.record_type, t.record_id,
			t.due_date, t.due_time, t.time_zone, t.due_at, t.remind_before_minutes, t.remind_at, t.priority,
			t.status, t.completed_at, t.snoozes, t.series_id, s.rrule, t.plan_rank, t.version, t.created_at,
			t.updated_at""";

	static final String FROM = " from task t left join task_series s on s.id = t.series_id ";

	static final RowMapper<TaskView> VIEW = TaskRows::view;

	private TaskRows() {
	}

	static TaskView view(ResultSet rs, int row) throws SQLException {
		String rule = rs.getString("rrule");
		return new TaskView(rs.getLong("id"), rs.getString("title"), rs.getString("notes"), rs.getLong("assignee_id"),
				null, rs.getObject("created_by_id", Long.class), rs.getObject("account_id", Long.class), null,
				rs.getString("record_type"), rs.getObject("record_id", Long.class),
				rs.getDate("due_date").toLocalDate(),
				rs.getTime("due_time") == null ? null : rs.getTime("due_time").toLocalTime(), rs.getString("time_zone"),
				instant(rs.getTimestamp("due_at")), rs.getObject("remind_before_minutes", Integer.class),
				instant(rs.getTimestamp("remind_at")), TaskPriority.valueOf(rs.getString("priority")),
				TaskStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("completed_at")),
				rs.getInt("snoozes"), rs.getObject("series_id", Long.class),
				rule == null ? null : Occurrences.describe(rule), rs.getObject("plan_rank", Integer.class),
				rs.getLong("version"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
	}

	static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
