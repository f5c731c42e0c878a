package io.intime.automation.onboarding;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import io.intime.identity.UserSummary;
import io.intime.tasks.Recurrence;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;
import io.intime.tasks.TaskView;
import io.intime.workflows.ActionContext;

import org.springframework.stereotype.Component;

/**
 * The tasks onboarding gives people, each made once per account: a step that runs again
 * (a retry, a resumed run, a second run for the same account) finds the task it made by
 * its title and makes no second one.
 */
@Component
class OnboardingTasks {

	/** What the task of a step is about: the run that made it. */
	static final String RECORD_TYPE = "workflow_run";

	private final TaskManagement tasks;

	private final OnboardingRecords records;

	OnboardingTasks(TaskManagement tasks, OnboardingRecords records) {
		this.tasks = tasks;
		this.records = records;
	}

	/** The task, and whether this run of the step made it. */
	record Made(TaskView task, boolean created) {
	}

	/**
	 * The account's task with this title, made now unless it exists.
	 * @param dueInBusinessDays when it is due, in the assignee's business days from today
	 * (ignored for a recurring task, which starts on {@code startsOn})
	 * @param recurrence null for a one-off task
	 * @param startsOn the first occurrence of a recurring task
	 */
	Made ensure(ActionContext context, String title, String notes, UserSummary assignee, int dueInBusinessDays,
			TaskPriority priority, Recurrence recurrence, LocalDate startsOn) {
		Optional<TaskView> existing = records.existingTask(context.accountId(), title, context.actingAs());
		if (existing.isPresent()) {
			return new Made(existing.get(), false);
		}
		LocalDate due = recurrence != null ? startsOn
				: tasks.businessDaysFromToday(assignee.id(), ZoneId.of(assignee.timeZone()), dueInBusinessDays);
		TaskForm form = new TaskForm(title, notes, assignee.id(), context.accountId(),
				recurrence == null ? RECORD_TYPE : null, recurrence == null ? context.runId() : null, due, null, 0,
				priority, recurrence);
		return new Made(tasks.create(form, context.actingAs()), true);
	}

	/** "Task 'X' for Pat Lee (Sales Director), due 2026-12-08" or why none was made. */
	static String line(Made made, UserSummary assignee) {
		TaskView task = made.task();
		if (made.created()) {
			return "Task '" + task.title() + "' for " + OnboardingRecords.person(assignee) + ", due " + task.dueDate();
		}
		return "Task '" + task.title() + "' for " + task.assigneeName() + " was made before (#" + task.id() + ", "
				+ task.status().name().toLowerCase(java.util.Locale.ROOT) + ", due " + task.dueDate()
				+ "): not made again";
	}

}
