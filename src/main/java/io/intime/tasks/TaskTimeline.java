package io.intime.tasks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountTimelineSource;
import io.intime.identity.CurrentUser;
import io.intime.shared.TimelineEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks on the account timeline: a done task at the time it was done ("Task done: Call
 * Michael Chen"), an open one at the time it was made with its due date; only the tasks
 * the reader may see (their own, or all of an account whose tasks they see).
 */
@Component
class TaskTimeline implements AccountTimelineSource {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

	private final JdbcClient jdbc;

	private final TaskRules rules;

	TaskTimeline(JdbcClient jdbc, TaskRules rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(AccountDetails account, CurrentUser reader, Instant since, int limit) {
		long accountId = account.id();
		return jdbc.sql("""
				select id, title, status, due_date, coalesce(completed_at, created_at) as at from task
				where account_id = :account and status <> 'CANCELLED' and coalesce(completed_at, created_at) >= :since
				  and (:all or assignee_id = :me or created_by_id = :me)
				order by at desc, id desc limit :limit""")
			.param("account", accountId)
			.param("since", Timestamp.from(since))
			.param("all", rules.seesAccountTasks(reader, account.ownerId()))
			.param("me", reader.id())
			.param("limit", limit)
			.query((rs, i) -> {
				boolean done = "DONE".equals(rs.getString("status"));
				String title = rs.getString("title");
				return new TimelineEntry(rs.getTimestamp("at").toInstant(), done ? "task.done" : "task",
						done ? "Task done: " + title : "Task: " + title,
						done ? null : "Due " + DAY.format(rs.getDate("due_date").toLocalDate()),
						"/accounts/" + accountId + "/tasks#task-" + rs.getLong("id"), done ? "positive" : "neutral");
			})
			.list();
	}

}
