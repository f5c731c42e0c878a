package io.intime.tasks;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What can change on a task once it exists (the account and record it is about stay); the
 * API's PATCH lays its fields over the task's current ones.
 */
public record TaskChange(@NotBlank @Size(max = 200) String title, @Size(max = 10000) String notes,
		@NotNull Long assigneeId, @NotNull LocalDate dueDate, LocalTime dueTime,
		@PositiveOrZero Integer remindBeforeMinutes, @NotNull TaskPriority priority, @NotNull TaskStatus status) {
}
