package io.intime.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A task as pages and the API show it.
 *
 * @param accountName null for a personal task
 * @param recurrence the series' rule in words, or null for a one-off task
 * @param planRank its place in the assignee's plan for its due day, or null
 */
public record TaskView(long id, String title, String notes, long assigneeId, String assigneeName, Long createdById,
		Long accountId, String accountName, String recordType, Long recordId, LocalDate dueDate, LocalTime dueTime,
		String timeZone, Instant dueAt, Integer remindBeforeMinutes, Instant remindAt, TaskPriority priority,
		TaskStatus status, Instant completedAt, int snoozes, Long seriesId, String recurrence, Integer planRank,
		long version, Instant createdAt, Instant updatedAt) {

	public boolean open() {
		return status == TaskStatus.OPEN;
	}

	/** Open and due before {@code today} (the assignee's today). */
	public boolean overdue(LocalDate today) {
		return open() && dueDate.isBefore(today);
	}

	/** When it is due, as a list says it: "Today · 15:00", "Tomorrow", "Dec 8, 2026". */
	public String dueText(LocalDate today) {
		String day = dueDate.equals(today) ? "Today"
				: dueDate.equals(today.plusDays(1)) ? "Tomorrow" : DUE_DAY.format(dueDate);
		return dueTime == null ? day : day + " · " + dueTime;
	}

	private static final java.time.format.DateTimeFormatter DUE_DAY = java.time.format.DateTimeFormatter
		.ofPattern("MMM d, yyyy", java.util.Locale.US);

	/** Days between its due date and {@code today}, 0 when not overdue. */
	public long daysOverdue(LocalDate today) {
		return overdue(today) ? java.time.temporal.ChronoUnit.DAYS.between(dueDate, today) : 0;
	}

	/** The zone its due date and time are in (the assignee's). */
	public java.time.ZoneId zone() {
		return java.time.ZoneId.of(timeZone);
	}

	/** Its page: the account's Tasks tab, or My tasks for a personal one. */
	public String link() {
		return accountId != null ? "/accounts/" + accountId + "/tasks#task-" + id : "/tasks#task-" + id;
	}

	/**
	 * The page of the record the task is about, when it has one to act on (a workflow
	 * step: its run's page), else null.
	 */
	public String recordLink() {
		if ("workflow_step".equals(recordType) && recordId != null) {
			return "/workflows/steps/" + recordId;
		}
		return null;
	}

	/** The same task with names filled in. */
	TaskView named(String assignee, String account) {
		return new TaskView(id, title, notes, assigneeId, assignee, createdById, accountId, account, recordType,
				recordId, dueDate, dueTime, timeZone, dueAt, remindBeforeMinutes, remindAt, priority, status,
				completedAt, snoozes, seriesId, recurrence, planRank, version, createdAt, updatedAt);
	}

}
