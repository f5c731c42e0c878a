package io.intime.tasks.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.Tier;
import io.intime.shared.FieldError;
import io.intime.tasks.BusinessDayShift;
import io.intime.tasks.Recurrence;
import io.intime.tasks.TaskChange;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskPriority;
import io.intime.tasks.TaskStatus;
import io.intime.tasks.TaskView;

/**
 * What the task forms post: dates and times as the browser's pickers send them
 * ({@code 2026-12-04}, {@code 15:00}), a reminder choice, and how it repeats as a choice
 * of common rules or a custom RFC 5545 rule.
 */
public class TaskFormData {

	/**
	 * The repeat choices of the form, with their rules (a rule needing the due date is
	 * built from it).
	 */
	static final Map<String, String> REPEATS = new LinkedHashMap<>();

	static {
		REPEATS.put("", "Does not repeat");
		REPEATS.put("WEEKDAYS", "Every weekday");
		REPEATS.put("WEEKLY", "Every week on the same day");
		REPEATS.put("BIWEEKLY", "Every two weeks");
		REPEATS.put("MONTHLY", "Every month on the same date");
		REPEATS.put("MONTHLY_WEEKDAY", "Every month on the same weekday (e.g. the 2nd Tuesday)");
		REPEATS.put("LAST_WORKDAY", "Every month on its last workday");
		REPEATS.put("QUARTERLY", "Every quarter");
		REPEATS.put("YEARLY", "Every year");
		REPEATS.put("CUSTOM", "Custom rule (RRULE)");
	}

	/** Reminder choices: minutes before the due time (at 9:00 on a day without time). */
	static final Map<String, String> REMINDERS = new LinkedHashMap<>();

	static {
		REMINDERS.put("", "No reminder");
		REMINDERS.put("0", "At the due time");
		REMINDERS.put("15", "15 minutes before");
		REMINDERS.put("60", "1 hour before");
		REMINDERS.put("1440", "1 day before");
	}

	/** Facade fields as this form names them. */
	static final Map<String, String> PAGE_FIELDS = Map.of("recurrence.rule", "repeats", "recurrence.count",
			"repeatCount", "recurrence.until", "repeatUntil", "recurrence.accountTier", "accountTier",
			"recurrence.businessDays", "businessDays", "remindBeforeMinutes", "reminder");

	private String title;

	private String notes;

	private Long accountId;

	private Long assigneeId;

	private String dueDate;

	private String dueTime;

	private TaskPriority priority = TaskPriority.NORMAL;

	private String reminder = "0";

	private String repeats = "";

	private String customRule;

	private String repeatCount;

	private String repeatUntil;

	private String exceptDates;

	private BusinessDayShift businessDays = BusinessDayShift.NONE;

	private Tier accountTier;

	private TaskStatus status = TaskStatus.OPEN;

	private long version;

	static TaskFormData blank(Long accountId, LocalDate today) {
		TaskFormData data = new TaskFormData();
		data.accountId = accountId;
		data.dueDate = today.toString();
		return data;
	}

	static TaskFormData of(TaskView task) {
		TaskFormData data = new TaskFormData();
		data.title = task.title();
		data.notes = task.notes();
		data.accountId = task.accountId();
		data.assigneeId = task.assigneeId();
		data.dueDate = task.dueDate().toString();
		data.dueTime = task.dueTime() == null ? null : task.dueTime().toString();
		data.priority = task.priority();
		data.reminder = task.remindBeforeMinutes() == null ? "" : task.remindBeforeMinutes().toString();
		data.status = task.status();
		data.version = task.version();
		return data;
	}

	/** What the person entered that cannot be read, by field. */
	List<FieldError> parseErrors() {
		List<FieldError> errors = new ArrayList<>();
		if (blank(dueDate)) {
			errors.add(new FieldError("dueDate", "is required"));
		}
		else if (date(dueDate) == null) {
			errors.add(new FieldError("dueDate", "'" + dueDate + "' is not a date (YYYY-MM-DD)"));
		}
		if (!blank(dueTime) && time(dueTime) == null) {
			errors.add(new FieldError("dueTime", "'" + dueTime + "' is not a time (HH:MM)"));
		}
		if (!blank(reminder) && !REMINDERS.containsKey(reminder)) {
			errors.add(new FieldError("reminder", "is not one of the choices"));
		}
		if (!REPEATS.containsKey(repeats == null ? "" : repeats)) {
			errors.add(new FieldError("repeats", "is not one of the choices"));
		}
		if ("CUSTOM".equals(repeats) && blank(customRule)) {
			errors.add(new FieldError("customRule", "is required for a custom rule, e.g. FREQ=MONTHLY;BYDAY=2TU"));
		}
		if (repeating() && !blank(repeatCount)) {
			try {
				Integer.parseInt(repeatCount.trim());
			}
			catch (NumberFormatException e) {
				errors.add(new FieldError("repeatCount", "'" + repeatCount + "' is not a whole number"));
			}
		}
		if (repeating() && !blank(repeatUntil) && date(repeatUntil) == null) {
			errors.add(new FieldError("repeatUntil", "'" + repeatUntil + "' is not a date (YYYY-MM-DD)"));
		}
		if (repeating() && !blank(exceptDates)) {
			for (String part : exceptDates.split("[,\\s]+")) {
				if (!part.isBlank() && date(part) == null) {
					errors.add(new FieldError("exceptDates", "'" + part + "' is not a date (YYYY-MM-DD)"));
					break;
				}
			}
		}
		return errors;
	}

	boolean repeating() {
		return repeats != null && !repeats.isEmpty();
	}

	TaskForm toForm() {
		LocalDate due = date(dueDate);
		return new TaskForm(title, notes, assigneeId, accountTier != null && repeating() ? null : accountId, null, null,
				due, blank(dueTime) ? null : time(dueTime), blank(reminder) ? null : Integer.valueOf(reminder),
				priority, repeating() ? recurrence(due) : null);
	}

	TaskChange toChange() {
		return new TaskChange(title, notes, assigneeId, date(dueDate), blank(dueTime) ? null : time(dueTime),
				blank(reminder) ? null : Integer.valueOf(reminder), priority, status);
	}

	/** The fields as the conflict table compares them. */
	Map<String, String> comparable() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("title", title == null ? "" : title);
		values.put("notes", notes == null ? "" : notes);
		values.put("dueDate", dueDate == null ? "" : dueDate);
		values.put("dueTime", dueTime == null ? "" : dueTime);
		values.put("priority", priority == null ? "" : priority.label());
		values.put("status", status == null ? "" : status.label());
		return values;
	}

	private Recurrence recurrence(LocalDate due) {
		String rule = switch (repeats) {
			case "WEEKDAYS" -> "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
			case "WEEKLY" -> "FREQ=WEEKLY";
			case "BIWEEKLY" -> "FREQ=WEEKLY;INTERVAL=2";
			case "MONTHLY" -> "FREQ=MONTHLY";
			case "MONTHLY_WEEKDAY" -> due == null ? "FREQ=MONTHLY" : "FREQ=MONTHLY;BYDAY=" + nth(due);
			case "LAST_WORKDAY" -> "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1";
			case "QUARTERLY" -> "FREQ=MONTHLY;INTERVAL=3";
			case "YEARLY" -> "FREQ=YEARLY";
			default -> customRule == null ? "" : customRule.trim();
		};
		List<LocalDate> except = new ArrayList<>();
		if (!blank(exceptDates)) {
			for (String part : exceptDates.split("[,\\s]+")) {
				if (!part.isBlank()) {
					except.add(date(part));
				}
			}
		}
		// the last workday of a month moves before a holiday that falls on it
		BusinessDayShift shift = "LAST_WORKDAY".equals(repeats) && businessDays == BusinessDayShift.NONE
				? BusinessDayShift.PREVIOUS : businessDays;
		return new Recurrence(rule, blank(repeatCount) ? null : Integer.valueOf(repeatCount.trim()),
				blank(repeatUntil) ? null : date(repeatUntil), except, shift, accountTier);
	}

	/**
	 * "2TU" for the second Tuesday, "-1FR" for a Friday in the last week of its month.
	 */
	static String nth(LocalDate day) {
		String code = day.getDayOfWeek().name().substring(0, 2);
		int n = (day.getDayOfMonth() - 1) / 7 + 1;
		if (n == 5) {
			return "-1" + code;
		}
		return n + code;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static LocalDate date(String value) {
		try {
			return value == null ? null : LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	static LocalTime time(String value) {
		try {
			return value == null ? null : LocalTime.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public Long getAccountId() {
		return accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public Long getAssigneeId() {
		return assigneeId;
	}

	public void setAssigneeId(Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public String getDueDate() {
		return dueDate;
	}

	public void setDueDate(String dueDate) {
		this.dueDate = dueDate;
	}

	public String getDueTime() {
		return dueTime;
	}

	public void setDueTime(String dueTime) {
		this.dueTime = dueTime;
	}

	public TaskPriority getPriority() {
		return priority;
	}

	public void setPriority(TaskPriority priority) {
		this.priority = priority;
	}

	public String getReminder() {
		return reminder;
	}

	public void setReminder(String reminder) {
		this.reminder = reminder;
	}

	public String getRepeats() {
		return repeats;
	}

	public void setRepeats(String repeats) {
		this.repeats = repeats;
	}

	public String getCustomRule() {
		return customRule;
	}

	public void setCustomRule(String customRule) {
		this.customRule = customRule;
	}

	public String getRepeatCount() {
		return repeatCount;
	}

	public void setRepeatCount(String repeatCount) {
		this.repeatCount = repeatCount;
	}

	public String getRepeatUntil() {
		return repeatUntil;
	}

	public void setRepeatUntil(String repeatUntil) {
		this.repeatUntil = repeatUntil;
	}

	public String getExceptDates() {
		return exceptDates;
	}

	public void setExceptDates(String exceptDates) {
		this.exceptDates = exceptDates;
	}

	public BusinessDayShift getBusinessDays() {
		return businessDays;
	}

	public void setBusinessDays(BusinessDayShift businessDays) {
		this.businessDays = businessDays;
	}

	public Tier getAccountTier() {
		return accountTier;
	}

	public void setAccountTier(Tier accountTier) {
		this.accountTier = accountTier;
	}

	public TaskStatus getStatus() {
		return status;
	}

	public void setStatus(TaskStatus status) {
		this.status = status;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
