package io.intime.engagement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.intime.shared.FieldError;

/**
 * When a meeting is, as a form posts it (text): its day, start and length, each null when
 * empty or wrong; a wrong one is named in {@code errors} (fields {@code date},
 * {@code start}, {@code durationMinutes}) so that the page keeps the rest. Meeting forms
 * of any module read their time with it.
 */
public record MeetingWhen(LocalDate day, LocalTime start, Integer minutes) {

	public static MeetingWhen parse(String date, String start, String duration, List<FieldError> errors) {
		LocalDate day = null;
		LocalTime at = null;
		Integer minutes = null;
		try {
			day = date == null || date.isBlank() ? null : LocalDate.parse(date.trim());
		}
		catch (DateTimeParseException e) {
			errors.add(new FieldError("date", "must be a date, e.g. 2026-12-15"));
		}
		try {
			at = start == null || start.isBlank() ? null : LocalTime.parse(start.trim());
		}
		catch (DateTimeParseException e) {
			errors.add(new FieldError("start", "must be a time, e.g. 14:00"));
		}
		try {
			minutes = duration == null || duration.isBlank() ? null : Integer.valueOf(duration.trim());
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError("durationMinutes", "must be a whole number of minutes"));
		}
		return new MeetingWhen(day, at, minutes);
	}

}
