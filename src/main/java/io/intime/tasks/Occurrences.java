package io.intime.tasks;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.intime.shared.FieldError;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * The dates a recurrence falls on. The rule is evaluated by iCal4j over local dates
 * (never instants), so a daylight-saving change can neither drop nor double an
 * occurrence; the due time is applied afterwards in the assignee's zone ({@link #dueAt}).
 * Exceptions (EXDATE) remove dates of the rule; then an occurrence on a weekend or
 * holiday moves to the next or previous business day (each occurrence keeps its rule date
 * as its identity, so moving it never makes it twice).
 */
final class Occurrences {

	/** How far ahead a recurrence must occur at least once to be accepted. */
	static final int SEARCH_YEARS = 10;

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.BASIC_ISO_DATE;

	private Occurrences() {
	}

	/** One occurrence: the date of the rule and the (business) day it is due. */
	record Occurrence(LocalDate ruleDate, LocalDate due) {
	}

	/**
	 * The rule with the recurrence's count and until applied, parsed.
	 * @throws io.intime.shared.InvalidInputException naming {@code recurrence.rule}
	 */
	static Recur<LocalDate> recur(Recurrence recurrence) {
		List<FieldError> errors = check(recurrence);
		if (!errors.isEmpty()) {
			throw new io.intime.shared.InvalidInputException(errors);
		}
		return parse(ruleText(recurrence));
	}

	/** What is wrong with a recurrence's rule, count and until, by field. */
	static List<FieldError> check(Recurrence recurrence) {
		List<FieldError> errors = new ArrayList<>();
		String rule = recurrence.rule() == null ? "" : recurrence.rule().trim();
		if (rule.isEmpty()) {
			errors.add(new FieldError("recurrence.rule", "is required for a recurring task (e.g. FREQ=WEEKLY)"));
			return errors;
		}
		if (recurrence.count() != null && recurrence.count() < 1) {
			errors.add(new FieldError("recurrence.count", "must be at least 1"));
		}
		if (recurrence.count() != null && recurrence.until() != null) {
			errors.add(new FieldError("recurrence.until", "give either a number of times or an end date, not both"));
		}
		Recur<LocalDate> recur;
		try {
			recur = parse(ruleText(recurrence));
		}
		catch (RuntimeException e) {
			errors.add(new FieldError("recurrence.rule",
					"is not a recurrence rule (RFC 5545 RRULE such as FREQ=MONTHLY;BYDAY=2TU): " + e.getMessage()));
			return errors;
		}
		if (recur.getFrequency() == null) {
			errors.add(new FieldError("recurrence.rule", "needs a FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)"));
		}
		else if (!java.util.EnumSet.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.YEARLY)
			.contains(recur.getFrequency())) {
			errors
				.add(new FieldError("recurrence.rule", "repeats at most daily (FREQ=DAILY, WEEKLY, MONTHLY, YEARLY)"));
		}
		if ((recurrence.count() != null || recurrence.until() != null)
				&& (rule.toUpperCase(Locale.ROOT).contains("COUNT=")
						|| rule.toUpperCase(Locale.ROOT).contains("UNTIL="))) {
			errors.add(new FieldError("recurrence.rule", "already says when it ends (COUNT or UNTIL)"));
		}
		return errors;
	}

	static String ruleText(Recurrence recurrence) {
		String rule = recurrence.rule().trim();
		if (rule.regionMatches(true, 0, "RRULE:", 0, 6)) {
			rule = rule.substring(6);
		}
		if (recurrence.count() != null) {
			rule += ";COUNT=" + recurrence.count();
		}
		if (recurrence.until() != null) {
			rule += ";UNTIL=" + UNTIL.format(recurrence.until());
		}
		return rule.toUpperCase(Locale.ROOT);
	}

	private static Recur<LocalDate> parse(String rule) {
		return new Recur<>(rule);
	}

	/**
	 * The occurrences whose rule date lies in {@code [from, to]}, in order, of a series
	 * starting on {@code start}, each with the business day it is due. Windows are by
	 * rule date so that consecutive windows never drop nor repeat an occurrence, however
	 * far the business-day shift moves it.
	 */
	static List<Occurrence> between(Recurrence recurrence, LocalDate start, LocalDate from, LocalDate to,
			BusinessCalendar calendar) {
		Recur<LocalDate> recur = recur(recurrence);
		Set<LocalDate> except = Set.copyOf(recurrence.exceptDates());
		LocalDate searchFrom = from.isBefore(start) ? start : from;
		List<Occurrence> result = new ArrayList<>();
		if (to.isBefore(searchFrom)) {
			return result;
		}
		Set<LocalDate> seen = new LinkedHashSet<>();
		// getDates' end is exclusive
		for (LocalDate date : recur.getDates(start, searchFrom, to.plusDays(1))) {
			if (date.isBefore(searchFrom) || date.isAfter(to) || except.contains(date) || !seen.add(date)) {
				continue;
			}
			result.add(new Occurrence(date, calendar.shift(date, recurrence.businessDays())));
		}
		return result;
	}

	/**
	 * The first occurrence whose rule date is on or after {@code from}, within
	 * {@link #SEARCH_YEARS}.
	 */
	static Optional<Occurrence> next(Recurrence recurrence, LocalDate start, LocalDate from,
			BusinessCalendar calendar) {
		LocalDate window = from.isBefore(start) ? start : from;
		LocalDate end = window.plusYears(SEARCH_YEARS);
		while (!window.isAfter(end)) {
			LocalDate windowEnd = window.plusYears(1);
			List<Occurrence> found = between(recurrence, start, window, windowEnd, calendar);
			if (!found.isEmpty()) {
				return Optional.of(found.get(0));
			}
			window = windowEnd.plusDays(1);
		}
		return Optional.empty();
	}

	/**
	 * The instant a task is due: at its time on its day in its zone (a time that the
	 * clocks skip is the moment they skip to), or the end of the day without a time.
	 */
	static java.time.Instant dueAt(LocalDate day, LocalTime time, ZoneId zone) {
		if (time == null) {
			return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
		}
		return ZonedDateTime.of(day, time, zone).toInstant();
	}

	/**
	 * When to remind: {@code minutes} before the due time, or at 9:00 on the due day when
	 * it has none; null for no reminder.
	 */
	static java.time.Instant remindAt(LocalDate day, LocalTime time, ZoneId zone, Integer minutes) {
		if (minutes == null) {
			return null;
		}
		LocalTime at = time != null ? time : LocalTime.of(9, 0);
		return ZonedDateTime.of(day, at, zone).toInstant().minusSeconds(60L * minutes);
	}

	/**
	 * The rule in words for lists: "Monthly on the 2nd Tuesday", else the rule itself.
	 */
	static String describe(String rule) {
		String r = rule.toUpperCase(Locale.ROOT);
		String frequency = part(r, "FREQ");
		String interval = part(r, "INTERVAL");
		String byDay = part(r, "BYDAY");
		String setPos = part(r, "BYSETPOS");
		String monthDay = part(r, "BYMONTHDAY");
		String count = part(r, "COUNT");
		String until = part(r, "UNTIL");
		if (frequency == null) {
			return rule;
		}
		int every = interval == null ? 1 : Integer.parseInt(interval);
		String unit = switch (frequency) {
			case "DAILY" -> "day";
			case "WEEKLY" -> "week";
			case "MONTHLY" -> "month";
			case "YEARLY" -> "year";
			default -> frequency.toLowerCase(Locale.ROOT);
		};
		StringBuilder text = new StringBuilder(every == 1 ? "Every " + unit : "Every " + every + " " + unit + "s");
		if ("MO,TU,WE,TH,FR".equals(byDay) && "-1".equals(setPos)) {
			text.append(" on the last weekday");
		}
		else if ("MO,TU,WE,TH,FR".equals(byDay) && "1".equals(setPos)) {
			text.append(" on the first weekday");
		}
		else if ("MO,TU,WE,TH,FR".equals(byDay)) {
			text = new StringBuilder(every == 1 ? "Every weekday" : text + " on weekdays");
		}
		else if (byDay != null) {
			List<String> days = new ArrayList<>();
			for (String d : byDay.split(",")) {
				days.add(dayText(d));
			}
			text.append(" on ").append(String.join(", ", days));
		}
		if (monthDay != null) {
			text.append(" on day ").append("-1".equals(monthDay) ? "last" : monthDay);
		}
		if (count != null) {
			text.append(", ").append(count).append(" times");
		}
		if (until != null && until.length() >= 8) {
			text.append(", until ").append(LocalDate.parse(until.substring(0, 8), UNTIL));
		}
		return text.toString();
	}

	private static String dayText(String code) {
		String day = code.replaceAll("^[+-]?\\d+", "");
		String position = code.substring(0, code.length() - day.length());
		String name = switch (day) {
			case "MO" -> "Monday";
			case "TU" -> "Tuesday";
			case "WE" -> "Wednesday";
			case "TH" -> "Thursday";
			case "FR" -> "Friday";
			case "SA" -> "Saturday";
			case "SU" -> "Sunday";
			default -> day;
		};
		if (position.isEmpty()) {
			return name;
		}
		return switch (position) {
			case "1", "+1" -> "the 1st " + name;
			case "2", "+2" -> "the 2nd " + name;
			case "3", "+3" -> "the 3rd " + name;
			case "-1" -> "the last " + name;
			default -> "the " + position + "th " + name;
		};
	}

	private static String part(String rule, String name) {
		for (String piece : rule.split(";")) {
			int eq = piece.indexOf('=');
			if (eq > 0 && piece.substring(0, eq).equals(name)) {
				return piece.substring(eq + 1);
			}
		}
		return null;
	}

}
