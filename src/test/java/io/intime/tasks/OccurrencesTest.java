package io.intime.tasks;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.intime.shared.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dates of recurring tasks: iCal4j's rules over local dates, exceptions, business
 * days, and a property over years of occurrences in many zones that no daylight-saving
 * change drops or doubles one.
 */
class OccurrencesTest {

	static final BusinessCalendar US = new BusinessCalendar(BusinessCalendar.SATURDAY_SUNDAY,
			Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 31)));

	static List<LocalDate> dues(String rule, LocalDate start, LocalDate to) {
		return Occurrences.between(Recurrence.of(rule), start, start, to, BusinessCalendar.EVERY_DAY)
			.stream()
			.map(Occurrences.Occurrence::due)
			.toList();
	}

	@Test
	void theSecondTuesdayOfEveryMonth() {
		assertThat(dues("FREQ=MONTHLY;BYDAY=2TU", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 31)))
			.containsExactly(LocalDate.of(2026, 12, 8), LocalDate.of(2027, 1, 12), LocalDate.of(2027, 2, 9),
					LocalDate.of(2027, 3, 9));
	}

	@Test
	void theLastWorkdayOfTheMonthMovesBeforeAHoliday() {
		Recurrence lastWorkday = new Recurrence("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", null, null, List.of(),
				BusinessDayShift.PREVIOUS, null);
		List<Occurrences.Occurrence> found = Occurrences.between(lastWorkday, LocalDate.of(2027, 4, 1),
				LocalDate.of(2027, 4, 1), LocalDate.of(2027, 7, 31), US);
		// May 31, 2027 is Memorial Day: the last workday of May is Friday the 28th
		assertThat(found).extracting(Occurrences.Occurrence::due)
			.containsExactly(LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 28), LocalDate.of(2027, 6, 30),
					LocalDate.of(2027, 7, 30));
		assertThat(found.get(1).ruleDate()).isEqualTo(LocalDate.of(2027, 5, 31));
	}

	@Test
	void countUntilAndExceptionsEndAndSkipOccurrences() {
		LocalDate start = LocalDate.of(2026, 12, 7);
		Recurrence fourTimes = new Recurrence("FREQ=WEEKLY", 4, null, List.of(), BusinessDayShift.NONE, null);
		assertThat(Occurrences.between(fourTimes, start, start, start.plusYears(1), BusinessCalendar.EVERY_DAY))
			.hasSize(4);
		Recurrence untilNewYear = new Recurrence("FREQ=WEEKLY", null, LocalDate.of(2026, 12, 31),
				List.of(LocalDate.of(2026, 12, 28)), BusinessDayShift.NONE, null);
		assertThat(Occurrences.between(untilNewYear, start, start, start.plusYears(1), BusinessCalendar.EVERY_DAY))
			.extracting(Occurrences.Occurrence::due)
			.containsExactly(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 21));
	}

	@Test
	void aWeekendOccurrenceMovesToTheNextBusinessDayAndAHolidayToo() {
		Recurrence monthly = new Recurrence("FREQ=MONTHLY;BYMONTHDAY=25", null, null, List.of(), BusinessDayShift.NEXT,
				null);
		// Dec 25, 2026 is a Friday and a holiday: Monday the 28th; Sep 25, 2027 a
		// Saturday
		List<LocalDate> due = Occurrences
			.between(monthly, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 9, 30), US)
			.stream()
			.map(Occurrences.Occurrence::due)
			.toList();
		assertThat(due).startsWith(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 25));
		assertThat(due).endsWith(LocalDate.of(2027, 9, 27));
		assertThat(due).allMatch(US::isBusinessDay);
	}

	@Test
	void aRuleThatNeverOccursIsFoundOut() {
		LocalDate start = LocalDate.of(2026, 12, 1);
		assertThat(Occurrences.next(Recurrence.of("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), start, start,
				BusinessCalendar.EVERY_DAY))
			.isEmpty();
		Recurrence allExcepted = new Recurrence("FREQ=DAILY", 2, null,
				List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)), BusinessDayShift.NONE, null);
		assertThat(Occurrences.next(allExcepted, start, start, BusinessCalendar.EVERY_DAY)).isEmpty();
		assertThat(
				Occurrences.next(Recurrence.of("FREQ=MONTHLY;BYMONTHDAY=31"), start, start, BusinessCalendar.EVERY_DAY))
			.map(Occurrences.Occurrence::due)
			.contains(LocalDate.of(2026, 12, 31));
	}

	@Test
	void badRulesAreNamed() {
		assertThat(Occurrences.check(Recurrence.of("NOT A RULE"))).extracting(e -> e.field())
			.containsExactly("recurrence.rule");
		assertThat(Occurrences.check(Recurrence.of("FREQ=HOURLY"))).extracting(e -> e.message())
			.anyMatch(m -> m.contains("at most daily"));
		assertThat(Occurrences.check(new Recurrence("FREQ=DAILY", 0, null, List.of(), null, null)))
			.extracting(e -> e.field())
			.contains("recurrence.count");
		assertThatThrownBy(() -> Occurrences.recur(Recurrence.of(""))).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void rulesAreDescribedInWords() {
		assertThat(Occurrences.describe("FREQ=MONTHLY;BYDAY=2TU")).isEqualTo("Every month on the 2nd Tuesday");
		assertThat(Occurrences.describe("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"))
			.isEqualTo("Every month on the last weekday");
		assertThat(Occurrences.describe("FREQ=WEEKLY;INTERVAL=2;COUNT=5")).isEqualTo("Every 2 weeks, 5 times");
	}

	@Test
	void aTimeTheClocksSkipIsTheMomentTheySkipTo() {
		ZoneId newYork = ZoneId.of("America/New_York");
		// March 14, 2027: 2:00 becomes 3:00
		assertThat(Occurrences.dueAt(LocalDate.of(2027, 3, 14), LocalTime.of(2, 30), newYork))
			.isEqualTo(ZonedDateTime.of(2027, 3, 14, 3, 30, 0, 0, newYork).toInstant());
		assertThat(Occurrences.remindAt(LocalDate.of(2027, 3, 14), null, newYork, 0))
			.isEqualTo(ZonedDateTime.of(2027, 3, 14, 9, 0, 0, 0, newYork).toInstant());
	}

	/**
	 * Over years of occurrences in zones with and without daylight saving, a series made
	 * in windows (as the scheduler makes it, two weeks at a time) has each rule date
	 * exactly once, the same dates as made at once, each due on its own local day at its
	 * local time (or the moment a skipped time became), in strictly increasing instants.
	 */
	@Property(tries = 60)
	void noOccurrenceIsMissedOrDoubledAcrossDaylightSaving(@ForAll("zones") String zoneId, @ForAll("rules") String rule,
			@ForAll @IntRange(min = 0, max = 3000) int startOffset, @ForAll("times") LocalTime time,
			@ForAll @IntRange(min = 7, max = 45) int window) {
		ZoneId zone = ZoneId.of(zoneId);
		LocalDate start = LocalDate.of(2024, 1, 1).plusDays(startOffset);
		LocalDate end = start.plusYears(3);
		Recurrence recurrence = Recurrence.of(rule);
		List<Occurrences.Occurrence> whole = Occurrences.between(recurrence, start, start, end,
				BusinessCalendar.EVERY_DAY);
		List<Occurrences.Occurrence> windows = new ArrayList<>();
		for (LocalDate from = start; !from.isAfter(end); from = from.plusDays(window)) {
			LocalDate to = from.plusDays(window - 1).isAfter(end) ? end : from.plusDays(window - 1);
			windows.addAll(Occurrences.between(recurrence, start, from, to, BusinessCalendar.EVERY_DAY));
		}
		assertThat(windows).isEqualTo(whole);
		Set<LocalDate> seen = new HashSet<>();
		Instant previous = Instant.MIN;
		for (Occurrences.Occurrence occurrence : whole) {
			assertThat(seen.add(occurrence.ruleDate())).as("doubled %s", occurrence).isTrue();
			Instant due = Occurrences.dueAt(occurrence.due(), time, zone);
			ZonedDateTime local = due.atZone(zone);
			assertThat(local.toLocalDate()).isEqualTo(occurrence.due());
			boolean skipped = !zone.getRules().isValidOffset(occurrence.due().atTime(time), local.getOffset())
					&& zone.getRules().getValidOffsets(occurrence.due().atTime(time)).isEmpty();
			if (!skipped) {
				assertThat(local.toLocalTime()).isEqualTo(time);
			}
			assertThat(due).isAfter(previous);
			previous = due;
		}
		assertThat(whole).isNotEmpty();
		if (rule.equals("FREQ=DAILY")) {
			assertThat(whole).hasSize((int) java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1);
		}
		if (rule.equals("FREQ=WEEKLY;BYDAY=SU")) {
			assertThat(whole).allMatch(o -> o.due().getDayOfWeek() == DayOfWeek.SUNDAY);
			assertThat(whole.size()).isBetween(155, 158);
		}
	}

	@Provide
	Arbitrary<String> zones() {
		return Arbitraries.of("America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Santiago", "Asia/Tokyo",
				"Pacific/Auckland", "Europe/London", "America/Los_Angeles", "Asia/Kolkata", "UTC");
	}

	@Provide
	Arbitrary<String> rules() {
		return Arbitraries.of("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=SU", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
				"FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
				"FREQ=WEEKLY;INTERVAL=2;BYDAY=SA");
	}

	@Provide
	Arbitrary<LocalTime> times() {
		// 2:30 and 1:30 fall in the gaps and overlaps of most zones' changes
		return Arbitraries.of(LocalTime.of(2, 30), LocalTime.of(1, 30), LocalTime.of(0, 0), LocalTime.of(9, 0),
				LocalTime.of(23, 59));
	}

}
