package io.intime.engagement.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.intime.engagement.ActivityType;
import io.intime.engagement.CallLog;
import io.intime.engagement.CallOutcome;
import io.intime.engagement.CallType;
import io.intime.engagement.Sentiment;
import io.intime.shared.FieldError;

/**
 * The log call form as the page posts it: text, parsed here so that a wrong value is
 * named beside its field and the rest of the input is kept. Next actions come as parallel
 * lists ({@code actionTitle}, {@code actionDue}, {@code actionAssignee}), one entry per
 * row.
 */
record CallLogFormData(Long account, String kind, String callType, Long contact, String topic, String notes,
		String durationMinutes, String outcome, String sentiment, String tags, List<String> actionTitle,
		List<String> actionDue, List<String> actionAssignee) {

	static final int ROWS = 3;

	CallLogFormData {
		actionTitle = pad(actionTitle);
		actionDue = pad(actionDue);
		actionAssignee = pad(actionAssignee);
	}

	static CallLogFormData start(Long account, Long contact, String topic, String kind, String callType) {
		ActivityType type = parse(ActivityType.class, kind);
		CallType chosen = parse(CallType.class, callType);
		return new CallLogFormData(account, (type == null ? ActivityType.CALL : type).name(),
				(chosen == null ? CallType.CHECK_IN : chosen).name(), contact, topic,
				(chosen == null ? CallType.CHECK_IN : chosen).template(), "", null, null, null, null, null, null);
	}

	/** The rows shown: the posted ones and at least {@link #ROWS}. */
	public int rows() {
		return Math.max(ROWS, actionTitle.size());
	}

	public String title(int i) {
		return i < actionTitle.size() ? actionTitle.get(i) : "";
	}

	public String due(int i) {
		return i < actionDue.size() ? actionDue.get(i) : "";
	}

	public String assignee(int i) {
		return i < actionAssignee.size() ? actionAssignee.get(i) : "";
	}

	/**
	 * The facade's input; the values that do not parse are left null and named in errors.
	 */
	CallLog toLog(List<FieldError> errors) {
		Integer minutes = null;
		if (durationMinutes != null && !durationMinutes.isBlank()) {
			try {
				minutes = Integer.valueOf(durationMinutes.trim());
			}
			catch (NumberFormatException e) {
				errors.add(new FieldError("durationMinutes", "must be a whole number of minutes, e.g. 25"));
			}
		}
		List<CallLog.NextAction> actions = new ArrayList<>();
		int n = Math.max(actionTitle.size(), actionDue.size());
		for (int i = 0; i < n; i++) {
			LocalDate due = null;
			String dueText = due(i);
			if (dueText != null && !dueText.isBlank()) {
				try {
					due = LocalDate.parse(dueText.trim());
				}
				catch (DateTimeParseException e) {
					errors.add(new FieldError("nextActions[" + i + "].dueDate", "must be a date, e.g. 2026-12-04"));
				}
			}
			Long who = null;
			String assigneeText = assignee(i);
			if (assigneeText != null && !assigneeText.isBlank()) {
				try {
					who = Long.valueOf(assigneeText.trim());
				}
				catch (NumberFormatException e) {
					errors.add(new FieldError("nextActions[" + i + "].assigneeId", "is not one of the people offered"));
				}
			}
			actions.add(new CallLog.NextAction(title(i), due, who));
		}
		List<String> tagList = tags == null ? List.of()
				: Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
		return new CallLog(account, parse(ActivityType.class, kind), parse(CallType.class, callType), contact, topic,
				notes, minutes, parse(CallOutcome.class, outcome), parse(Sentiment.class, sentiment), tagList, actions);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static List<String> pad(List<String> values) {
		return values == null ? new ArrayList<>() : new ArrayList<>(values);
	}

}
