package io.intime.escalations;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.shared.FieldError;

/**
 * What an admin edits of the SLA policy: per severity the response and resolution times
 * in minutes and whether they count business hours; the business hours; the near-breach
 * share.
 */
public record SlaPolicyForm(Map<Severity, Row> rows, String zone, LocalTime dayStart, LocalTime dayEnd,
		Set<DayOfWeek> workingDays, int warnPercent, String note) {

	/** One severity's targets, in minutes. */
	public record Row(int responseMinutes, int resolutionMinutes, boolean businessHours) {
	}

	/** The wrong fields, each named as the form names it ({@code P1.resolution}). */
	List<FieldError> errors() {
		List<FieldError> errors = new ArrayList<>();
		for (Severity s : Severity.values()) {
			Row row = rows == null ? null : rows.get(s);
			if (row == null) {
				errors.add(new FieldError(s.name() + ".response", "is required"));
				continue;
			}
			if (row.responseMinutes() <= 0) {
				errors.add(new FieldError(s.name() + ".response", "must be more than zero"));
			}
			if (row.resolutionMinutes() <= 0) {
				errors.add(new FieldError(s.name() + ".resolution", "must be more than zero"));
			}
			else if (row.responseMinutes() > row.resolutionMinutes()) {
				errors.add(new FieldError(s.name() + ".resolution", "must not be shorter than the response time"));
			}
		}
		try {
			if (zone == null || zone.isBlank()) {
				errors.add(new FieldError("zone", "is required, e.g. America/Chicago"));
			}
			else {
				ZoneId.of(zone);
			}
		}
		catch (DateTimeException e) {
			errors.add(new FieldError("zone", "is not a time zone: " + zone));
		}
		if (dayStart == null) {
			errors.add(new FieldError("dayStart", "is required"));
		}
		if (dayEnd == null) {
			errors.add(new FieldError("dayEnd", "is required"));
		}
		else if (dayStart != null && !dayStart.isBefore(dayEnd)) {
			errors.add(new FieldError("dayEnd", "must be after the start of the day"));
		}
		if (workingDays == null || workingDays.isEmpty()) {
			errors.add(new FieldError("workingDays", "needs at least one working day"));
		}
		if (warnPercent < 1 || warnPercent > 99) {
			errors.add(new FieldError("warnPercent", "must be between 1 and 99"));
		}
		if (note != null && note.length() > 300) {
			errors.add(new FieldError("note", "is at most 300 characters"));
		}
		return errors;
	}

}
