package io.intime.tasks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
import io.intime.shared.Actor;
import io.intime.shared.Today;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders at the due time (or the chosen time before it), sent through notifications as
 * {@code task.due} to the assignee: claimed with {@code FOR UPDATE SKIP LOCKED} so two
 * nodes never remind twice, and keyed by the reminder's instant, so a snoozed task
 * reminds again at its new time and a replay never does.
 */
@Component
class TaskReminders {

	static final String KIND = "task.due";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.US);

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Today time;

	TaskReminders(JdbcClient jdbc, Notifications notifications, Today time) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.time = time;
	}

	/** Sends the reminders that fell due; returns how many. */
	@Transactional
	int sendDue() {
		return sendDue(time.now());
	}

	/** Sends the reminders due at {@code now} (tests run it ahead of the clock). */
	@Transactional
	int sendDue(Instant now) {
		List<TaskView> due = jdbc.sql("select " + TaskRows.COLUMNS + TaskRows.FROM + """
				where t.status = 'OPEN' and t.reminded_at is null and t.remind_at <= :now
				order by t.remind_at limit 500 for update of t skip locked""")
			.param("now", Timestamp.from(now))
			.query(TaskRows.VIEW)
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		List<Notice> notices = new ArrayList<>();
		for (TaskView task : due) {
			notices.add(notice(task));
		}
		notifications.sendAll(notices);
		jdbc.sql("update task set reminded_at = :now where id = any(:ids)")
			.param("now", Timestamp.from(now))
			.param("ids", due.stream().map(TaskView::id).toArray(Long[]::new))
			.update();
		return due.size();
	}

	static Notice notice(TaskView task) {
		ZoneId zone = ZoneId.of(task.timeZone());
		String when = task.dueTime() != null
				? "Due " + DAY.format(task.dueDate()) + " at " + TIME.format(task.dueTime())
				: "Due " + DAY.format(task.dueDate());
		String body = when + (task.notes() == null || task.notes().isBlank() ? "" : "\n\n" + task.notes());
		String title = (task.dueTime() != null ? "Due at " + TIME.format(task.dueAt().atZone(zone)) + ": "
				: "Due today: ") + task.title();
		NotificationSeverity severity = task.priority() == TaskPriority.HIGH ? NotificationSeverity.HIGH : null;
		return new Notice(KIND, task.accountId(), TaskManagement.ENTITY, task.id(), "remind-" + task.remindAt(), title,
				body, task.link(), severity, Set.of(task.assigneeId()), Actor.SYSTEM);
	}

	/** The reminder's kind and the reminder and series jobs on the shared scheduler. */
	@Configuration(proxyBeanMethods = false)
	static class Jobs {

		@Bean
		NotificationKind taskDue() {
			return new NotificationKind(KIND, "Task due", "A reminder that one of your tasks is due.",
					Set.of(Audience.NAMED), NotificationSeverity.NORMAL, Set.of(Channel.IN_APP, Channel.EMAIL));
		}

		@Bean
		RecurringTask<Void> tasksReminderJob(TaskReminders reminders,
				@Value("${intime.tasks.reminder-interval:30s}") Duration interval) {
			return Tasks.recurring("tasks.reminders", Schedules.fixedDelay(interval))
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> reminders.sendDue());
		}

		@Bean
		RecurringTask<Void> tasksSeriesJob(TaskSeries series,
				@Value("${intime.tasks.series-interval:1h}") Duration interval) {
			return Tasks.recurring("tasks.series", Schedules.fixedDelay(interval))
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> series.extendAll());
		}

	}

}
