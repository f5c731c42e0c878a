package io.intime.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** A task was marked done. */
public record TaskCompleted(Long accountId, long taskId, String title, long assigneeId, LocalDate dueDate, boolean late,
		Actor actor, Instant at) implements LoggedEvent {

	@Override
	public String logName() {
		return "task.completed";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("task_id", taskId);
		payload.put("title", title);
		payload.put("assignee_id", assigneeId);
		payload.put("due_date", dueDate.toString());
		payload.put("late", late);
		payload.put("completed_by", actor.name());
		payload.put("completed_at", at.toString());
		return payload;
	}

}
