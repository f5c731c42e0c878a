package io.intime.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * A call, meeting or note as the log call form takes it (spec 02 step 5): the account,
 * contact and topic it was started with, what kind of call, how long, the notes, how it
 * ended, the client's sentiment, tags, and the next actions that become tasks.
 *
 * @param kind CALL, MEETING or NOTE
 * @param durationMinutes the timer's minutes (a note has none)
 * @param outcome required for a call or meeting
 */
public record CallLog(Long accountId, ActivityType kind, CallType callType, Long contactId, String topic, String notes,
		Integer durationMinutes, CallOutcome outcome, Sentiment sentiment, List<String> tags,
		List<NextAction> nextActions) {

	/**
	 * A next action agreed on the call: a task of the assignee (the logger when null).
	 */
	public record NextAction(String title, LocalDate dueDate, Long assigneeId) {

		boolean blank() {
			return (title == null || title.isBlank()) && dueDate == null;
		}

	}

	public CallLog {
		tags = tags == null ? List.of() : tags;
		nextActions = nextActions == null ? List.of() : nextActions;
	}

}
