package io.intime.tasks;

import java.time.LocalDate;

/**
 * A search of tasks; every filter is optional (null).
 *
 * @param dueAfter due on or after this date
 * @param dueBefore due on or before this date
 */
public record TaskQuery(Long assigneeId, Long accountId, TaskStatus status, LocalDate dueAfter, LocalDate dueBefore,
		int page, int size) {
}
