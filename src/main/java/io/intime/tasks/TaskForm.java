package io.intime.tasks;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A task as people and modules write it.
 *
 * @param assigneeId who does it; null for the one who creates it
 * @param accountId the account it is about, or null for a personal task
 * @param recordType what else it is about ({@code contact}, {@code escalation},
 * {@code opportunity} …), or null
 * @param dueDate the day it is due, in the assignee's time zone
 * @param dueTime the time it is due that day, or null for "during the day"
 * @param remindBeforeMinutes remind this long before the due time (at 9:00 on the due
 * date when it has no time); null for no reminder
 * @param recurrence null for a one-off task
 */
public record TaskForm(@NotBlank @Size(max = 200) String title, @Size(max = 10000) String notes, Long assigneeId,
		Long accountId, @Size(max = 40) String recordType, Long recordId, @NotNull LocalDate dueDate, LocalTime dueTime,
		@PositiveOrZero Integer remindBeforeMinutes, TaskPriority priority, Recurrence recurrence) {

	/** A one-off task about an account, due on a day, reminded at 9:00 that day. */
	public static TaskForm of(String title, Long accountId, LocalDate dueDate) {
		return new TaskForm(title, null, null, accountId, null, null, dueDate, null, 0, TaskPriority.NORMAL, null);
	}

}
