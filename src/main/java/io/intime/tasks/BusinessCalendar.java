package io.intime.tasks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which days someone works: not on their weekend, not on the organization's holidays.
 *
 * @param weekend the assignee's weekend days (Saturday and Sunday by default)
 * @param holidays the organization's holidays
 */
record BusinessCalendar(Set<DayOfWeek> weekend, Set<LocalDate> holidays) {

	static final Set<DayOfWeek> SATURDAY_SUNDAY = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

	/** Every day is a business day (nothing moves). */
	static final BusinessCalendar EVERY_DAY = new BusinessCalendar(Set.of(), Set.of());

	BusinessCalendar {
		weekend = weekend.isEmpty() ? Set.of() : Set.copyOf(weekend);
		holidays = Set.copyOf(holidays);
		if (weekend.size() == 7) {
			throw new IllegalArgumentException("a week needs a working day");
		}
	}

	boolean isBusinessDay(LocalDate day) {
		return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
	}

	/** The day itself, or the next or previous business day as {@code shift} says. */
	LocalDate shift(LocalDate day, BusinessDayShift shift) {
		if (shift == BusinessDayShift.NONE) {
			return day;
		}
		LocalDate result = day;
		// a year of holidays would be absurd; stop rather than loop
		for (int i = 0; i < 370 && !isBusinessDay(result); i++) {
			result = shift == BusinessDayShift.NEXT ? result.plusDays(1) : result.minusDays(1);
		}
		return result;
	}

	/** The day {@code days} business days after {@code day} ("in 2 business days"). */
	LocalDate plusBusinessDays(LocalDate day, int days) {
		LocalDate result = day;
		int left = days;
		while (left > 0) {
			result = result.plusDays(1);
			if (isBusinessDay(result)) {
				left--;
			}
		}
		return result;
	}

}
