package io.intime.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** A task was created, by a person or by a module (a series, a call's next actions). */
public record TaskCreated(Long accountId, long taskId, String title, long assigneeId, LocalDate dueDate,
		TaskPriority priority, Long seriesId, Actor actor, Instant at) implements LoggedEvent {

	@Override
	public String logName() {
		return "task.created";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("task_id", taskId);
		payload.put("title", title);
		payload.put("assignee_id", assigneeId);
		payload.put("due_date", dueDate.toString());
		payload.put("priority", priority.name());
		payload.put("series_id", seriesId);
		payload.put("by", actor.name());
		return payload;
	}

}
