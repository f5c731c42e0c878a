package io.intime.tasks;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import io.intime.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writing and reading task rows; the facade and the series share it. */
@Component
class TaskStore {

	private final JdbcClient jdbc;

	TaskStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	TaskView load(long id) {
		return jdbc.sql("select " + TaskRows.COLUMNS + TaskRows.FROM + " where t.id = :id")
			.param("id", id)
			.query(TaskRows.VIEW)
			.optional()
			.orElseThrow(() -> new NotFoundException("Task", id));
	}

	/**
	 * Inserts an open task; an occurrence of a series that exists already is not made
	 * again (empty then).
	 */
	Optional<Long> insertOnce(TaskForm form, long assigneeId, ZoneId zone, Long createdBy, Long seriesId,
			LocalDate occursOn, Instant now, String by) {
		Instant remindAt = Occurrences.remindAt(form.dueDate(), form.dueTime(), zone, form.remindBeforeMinutes());
		return jdbc
			.sql("""
					insert into task (title, notes, assignee_id, created_by_id, account_id, record_type, record_id, due_date,
					  due_time, time_zone, due_at, remind_before_minutes, remind_at, reminded_at, priority, status, series_id,
					  occurs_on, created_at, updated_at, updated_by)
					values (:title, :notes, :assignee, :createdBy, :account, :recordType, :recordId, :dueDate, :dueTime, :zone,
					  :dueAt, :remindBefore, :remindAt, :remindedAt, :priority, 'OPEN', :series, :occursOn, :now, :now, :by)
					on conflict do nothing
					returning id""")
			.param("title", form.title().trim())
			.param("notes", form.notes() == null ? "" : form.notes().trim())
			.param("assignee", assigneeId)
			.param("createdBy", createdBy)
			.param("account", form.accountId())
			.param("recordType", form.recordType())
			.param("recordId", form.recordId())
			.param("dueDate", Date.valueOf(form.dueDate()))
			.param("dueTime", form.dueTime() == null ? null : Time.valueOf(form.dueTime()))
			.param("zone", zone.getId())
			.param("dueAt", Timestamp.from(Occurrences.dueAt(form.dueDate(), form.dueTime(), zone)))
			.param("remindBefore", form.remindBeforeMinutes())
			.param("remindAt", TaskRows.timestamp(remindAt))
			// a reminder whose moment is already gone is not sent late for a task just
			// made
			.param("remindedAt", remindAt != null && !remindAt.isAfter(now) ? Timestamp.from(now) : null)
			.param("priority", (form.priority() == null ? TaskPriority.NORMAL : form.priority()).name())
			.param("series", seriesId)
			.param("occursOn", occursOn == null ? null : Date.valueOf(occursOn))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.query(Long.class)
			.optional();
	}

	long insert(TaskForm form, long assigneeId, ZoneId zone, Long createdBy, Long seriesId, LocalDate occursOn,
			Instant now, String by) {
		return insertOnce(form, assigneeId, zone, createdBy, seriesId, occursOn, now, by).orElseThrow();
	}

}
