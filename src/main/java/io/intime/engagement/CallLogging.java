package io.intime.engagement;

import java.util.ArrayList;
import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Today;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;
import io.intime.tasks.TaskView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Log call and create tasks" in one step (spec 02 step 5): the activity and the tasks of
 * its next actions are written in one transaction, all or none. The activity goes through
 * {@link ActivityManagement} (its rules, audit trail and event); the tasks through
 * {@link TaskManagement}, each about the activity.
 */
@Service
public class CallLogging {

	private final ActivityManagement activities;

	private final Activities repository;

	private final TaskManagement tasks;

	private final Today time;

	CallLogging(ActivityManagement activities, Activities repository, TaskManagement tasks, Today time) {
		this.activities = activities;
		this.repository = repository;
		this.tasks = tasks;
		this.time = time;
	}

	/** What was logged. */
	public record Logged(ActivityView activity, List<TaskView> tasks) {
	}

	/**
	 * @throws InvalidInputException naming the fields ({@code accountId}, {@code topic},
	 * {@code outcome}, {@code durationMinutes}, {@code nextActions[i].title},
	 * {@code nextActions[i].dueDate} …); nothing is written then
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not log activities at the account
	 */
	@Transactional
	public Logged log(CallLog log, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		if (log.accountId() == null) {
			errors.add(new FieldError("accountId", "is required: the account the call was with"));
		}
		ActivityType kind = log.kind() == null ? ActivityType.CALL : log.kind();
		if (kind == ActivityType.EMAIL) {
			errors.add(new FieldError("kind", "must be a call, a meeting or a note"));
		}
		if (log.topic() == null || log.topic().isBlank()) {
			errors.add(new FieldError("topic", "is required: what the " + kind.label().toLowerCase() + " was about"));
		}
		if (kind != ActivityType.NOTE && log.outcome() == null) {
			errors.add(new FieldError("outcome", "is required: resolved, follow-up required or escalate further"));
		}
		if (log.durationMinutes() != null && (log.durationMinutes() < 0 || log.durationMinutes() > 1440)) {
			errors.add(new FieldError("durationMinutes", "must be between 0 and 1440 minutes"));
		}
		List<CallLog.NextAction> actions = log.nextActions().stream().filter(a -> !a.blank()).toList();
		for (int i = 0; i < actions.size(); i++) {
			CallLog.NextAction action = actions.get(i);
			if (action.title() == null || action.title().isBlank()) {
				errors.add(new FieldError("nextActions[" + i + "].title", "is required for a next action"));
			}
			if (action.dueDate() == null) {
				errors.add(new FieldError("nextActions[" + i + "].dueDate", "is required for a next action"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		ActivityDirection direction = kind == ActivityType.NOTE ? ActivityDirection.INTERNAL
				: ActivityDirection.OUTBOUND;
		String notes = log.notes() == null || log.notes().isBlank() ? null : log.notes().trim();
		ActivityForm form = new ActivityForm(kind, direction, log.topic().trim(), notes, time.now(),
				kind.hasDuration() ? (log.durationMinutes() == null ? 0 : log.durationMinutes()) : null,
				kind == ActivityType.NOTE ? null : log.outcome().label(),
				kind == ActivityType.NOTE ? null : log.sentiment(),
				log.tags().stream().map(String::trim).filter(t -> !t.isBlank()).distinct().toList(),
				log.contactId() == null ? List.of() : List.of(log.contactId()), List.of(user.id()));
		ActivityView activity = activities.create(log.accountId(), form, user);
		repository.findById(activity.id())
			.orElseThrow()
			.classify(kind == ActivityType.NOTE ? null : log.callType(),
					kind == ActivityType.NOTE ? null : log.outcome());
		List<TaskForm> taskForms = actions.stream()
			.map(a -> new TaskForm(a.title().trim(),
					"Next action from the " + kind.label().toLowerCase() + " “" + activity.subject() + "”.",
					a.assigneeId() == null ? user.id() : a.assigneeId(), log.accountId(), "activity", activity.id(),
					a.dueDate(), null, null,
					log.outcome() == CallOutcome.ESCALATE ? TaskPriority.HIGH : TaskPriority.NORMAL, null))
			.toList();
		List<TaskView> made;
		try {
			made = taskForms.isEmpty() ? List.of() : tasks.createAll(taskForms, user);
		}
		catch (InvalidInputException e) {
			throw new InvalidInputException(e.errors()
				.stream()
				.map(error -> new FieldError(error.field().replaceFirst("^tasks\\[", "nextActions["), error.message()))
				.toList());
		}
		return new Logged(activity, made);
	}

}
