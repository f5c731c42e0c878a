package io.intime.tasks;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's tasks as My tasks shows them: overdue, today (in the order of their plan),
 * upcoming, and recently done, each with its total (lists stop at a page).
 */
public record MyTasks(LocalDate today, List<TaskView> overdue, long overdueTotal, List<TaskView> dueToday,
		long todayTotal, List<TaskView> upcoming, long upcomingTotal, List<TaskView> done, long doneTotal,
		long doneToday) {

	/**
	 * "Completed: 4 of 5" of spec 02 step 16: today's tasks done today out of all
	 * today's.
	 */
	public long todayAll() {
		return todayTotal + doneToday;
	}

}
