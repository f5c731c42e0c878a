package io.intime.engagement.web;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityType;
import io.intime.engagement.Sentiment;
import io.intime.shared.FieldError;

/**
 * What the activity form posts; converted to the facade's {@link ActivityForm}. The
 * person enters when it happened in their own time zone ({@code 2026-03-04T10:00}); tags
 * are one comma-separated line.
 */
public class ActivityFormData {

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private ActivityType type;

	private ActivityDirection direction;

	private String subject;

	private String notes;

	private String occurredAt;

	private Integer durationMinutes;

	private String outcome;

	private Sentiment sentiment;

	private String tags;

	private List<Long> contactIds = new ArrayList<>();

	private List<Long> participantIds = new ArrayList<>();

	private long version;

	private boolean planned;

	/**
	 * A new activity of {@code type} (a call when null): outbound (a note is internal),
	 * now — or, when planned, the next working day at 10:00 — in the person's time zone,
	 * with them taking part.
	 */
	static ActivityFormData blank(ActivityType type, Long contactId, String subject, boolean planned, long me,
			ZoneId zone, Instant now) {
		ActivityFormData data = new ActivityFormData();
		data.type = type == null ? ActivityType.CALL : type;
		data.direction = data.type == ActivityType.NOTE ? ActivityDirection.INTERNAL : ActivityDirection.OUTBOUND;
		data.subject = subject;
		data.planned = planned;
		LocalDateTime when = planned ? nextWorkingDay(LocalDate.ofInstant(now, zone)).atTime(LocalTime.of(10, 0))
				: LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES);
		data.occurredAt = LOCAL.format(when);
		if (planned || data.type == ActivityType.CALL || data.type == ActivityType.MEETING) {
			data.durationMinutes = 30;
		}
		if (contactId != null) {
			data.contactIds.add(contactId);
		}
		data.participantIds.add(me);
		return data;
	}

	static LocalDate nextWorkingDay(LocalDate today) {
		LocalDate day = today.plusDays(1);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day;
	}

	static ActivityFormData of(ActivityForm form, long version, ZoneId zone) {
		ActivityFormData data = new ActivityFormData();
		data.type = form.type();
		data.direction = form.direction();
		data.subject = form.subject();
		data.notes = form.notes();
		data.occurredAt = form.occurredAt() == null ? null
				: LOCAL.format(LocalDateTime.ofInstant(form.occurredAt(), zone));
		data.durationMinutes = form.durationMinutes();
		data.outcome = form.outcome();
		data.sentiment = form.sentiment();
		data.tags = String.join(", ", form.tagList());
		data.contactIds = new ArrayList<>(form.contactIdList());
		data.participantIds = new ArrayList<>(form.participantIdList());
		data.version = version;
		return data;
	}

	/**
	 * The facade's form; an unreadable date and time becomes null (see
	 * {@link #parseErrors()}).
	 */
	ActivityForm toForm(ZoneId zone) {
		return new ActivityForm(type, direction, subject, notes, instant(zone), durationMinutes, outcome, sentiment,
				tagList(), contactIds == null ? List.of() : contactIds,
				participantIds == null ? List.of() : participantIds);
	}

	/**
	 * What the facade cannot say about the input because it never sees it: an unreadable
	 * date and time.
	 */
	List<FieldError> parseErrors() {
		if (occurredAt != null && !occurredAt.isBlank() && local() == null) {
			return List
				.of(new FieldError("occurredAt", "'" + occurredAt + "' is not a date and time (YYYY-MM-DD HH:MM)"));
		}
		return List.of();
	}

	/**
	 * Whether it lies ahead of {@code now} (both in the person's time, as the form writes
	 * them); {@code otherwise} when the time given cannot be read.
	 */
	boolean lies(String now, boolean otherwise) {
		LocalDateTime local = local();
		return local == null ? otherwise : local.isAfter(LocalDateTime.parse(now));
	}

	private Instant instant(ZoneId zone) {
		LocalDateTime local = local();
		try {
			return local == null ? null : local.atZone(zone).toInstant();
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	private LocalDateTime local() {
		if (occurredAt == null || occurredAt.isBlank()) {
			return null;
		}
		String text = occurredAt.trim().replace(' ', 'T');
		try {
			return LocalDateTime.parse(text);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private List<String> tagList() {
		if (tags == null || tags.isBlank()) {
			return List.of();
		}
		return Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
	}

	/**
	 * The fields as a person reads them (labels to text), to show a conflict side by
	 * side.
	 */
	Map<String, String> comparable(Function<Long, String> contactName, Function<Long, String> userName) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("Type", type == null ? "" : type.label());
		values.put("Direction", direction == null ? "" : direction.label());
		values.put("Subject", subject);
		values.put("When", occurredAt == null ? "" : occurredAt.replace('T', ' '));
		values.put("Duration (minutes)", durationMinutes == null ? "" : durationMinutes.toString());
		values.put("Contacts",
				contactIds == null ? "" : contactIds.stream().map(contactName).collect(Collectors.joining(", ")));
		values.put("Participants",
				participantIds == null ? "" : participantIds.stream().map(userName).collect(Collectors.joining(", ")));
		values.put("Notes", notes);
		values.put("Outcome", outcome);
		values.put("Sentiment", sentiment == null ? "" : sentiment.label());
		values.put("Tags", String.join(", ", tagList()));
		return values;
	}

	public ActivityType getType() {
		return type;
	}

	public void setType(ActivityType type) {
		this.type = type;
	}

	public ActivityDirection getDirection() {
		return direction;
	}

	public void setDirection(ActivityDirection direction) {
		this.direction = direction;
	}

	public String getSubject() {
		return subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public String getOccurredAt() {
		return occurredAt;
	}

	public void setOccurredAt(String occurredAt) {
		this.occurredAt = occurredAt;
	}

	public Integer getDurationMinutes() {
		return durationMinutes;
	}

	public void setDurationMinutes(Integer durationMinutes) {
		this.durationMinutes = durationMinutes;
	}

	public String getOutcome() {
		return outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

	public Sentiment getSentiment() {
		return sentiment;
	}

	public void setSentiment(Sentiment sentiment) {
		this.sentiment = sentiment;
	}

	public String getTags() {
		return tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public List<Long> getContactIds() {
		return contactIds;
	}

	public void setContactIds(List<Long> contactIds) {
		this.contactIds = contactIds == null ? new ArrayList<>() : contactIds;
	}

	public List<Long> getParticipantIds() {
		return participantIds;
	}

	public void setParticipantIds(List<Long> participantIds) {
		this.participantIds = participantIds == null ? new ArrayList<>() : participantIds;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public boolean isPlanned() {
		return planned;
	}

	public void setPlanned(boolean planned) {
		this.planned = planned;
	}

}
