package io.intime.tasks;

import java.time.LocalDate;
import java.util.List;

import io.intime.accounts.Tier;

/**
 * How a task repeats: an RFC 5545 recurrence rule over dates from the task's due date,
 * e.g. {@code FREQ=MONTHLY;BYDAY=2TU} (the second Tuesday) or
 * {@code FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1} (the last weekday of the month).
 *
 * @param rule the rule, without the {@code RRULE:} prefix; it may carry COUNT or UNTIL
 * @param count stop after this many occurrences (null: the rule's own COUNT, or never)
 * @param until no occurrence after this date (null: the rule's own UNTIL, or never)
 * @param exceptDates dates on which it does not occur (EXDATE)
 * @param businessDays where an occurrence on a weekend or holiday moves
 * @param accountTier null for one task per occurrence; else one per account of the
 * assignee in this tier ("monthly check-in with every Growth account")
 */
public record Recurrence(String rule, Integer count, LocalDate until, List<LocalDate> exceptDates,
		BusinessDayShift businessDays, Tier accountTier) {

	public Recurrence {
		exceptDates = exceptDates == null ? List.of() : List.copyOf(exceptDates);
		businessDays = businessDays == null ? BusinessDayShift.NONE : businessDays;
	}

	public static Recurrence of(String rule) {
		return new Recurrence(rule, null, null, List.of(), BusinessDayShift.NONE, null);
	}

}
