package io.intime.tasks;

import java.time.LocalTime;

/**
 * A priority proposed for a day, not yet a task.
 *
 * @param key stable for the same proposal on the same day, e.g. {@code meeting-42}
 * @param title the task it becomes, e.g. "Prepare for the DataSystems call"
 * @param reason why it is proposed, e.g. "Red account (42/100), no call in 21 days"
 * @param accountId the account, or null
 * @param time the time it belongs at, or null
 * @param priority how much it matters
 * @param recordType the record the task is about (e.g. {@code activity} for a meeting),
 * or null; a proposal whose record already has a task that day is not proposed again
 * @param recordId its id, or null
 */
public record PlanProposal(String key, String title, String reason, Long accountId, LocalTime time,
		TaskPriority priority, String recordType, Long recordId) {
}
