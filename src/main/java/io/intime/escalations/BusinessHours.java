package io.intime.escalations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The hours an SLA clock counts when its policy says "business hours": the working days'
 * hours in the policy's time zone, not on the organization's holidays. Daylight-saving
 * changes are the zone's: a working day is always from its start to its end on the wall
 * clock.
 */
record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end,
		Set<LocalDate> holidays) implements SlaCounter {

	/** Ten years of days: a clock never runs further; stop rather than loop. */
	private static final int MAX_DAYS = 3700;

	BusinessHours {
		days = Set.copyOf(days);
		holidays = Set.copyOf(holidays);
		if (days.isEmpty() || !start.isBefore(end)) {
			throw new IllegalArgumentException("business hours need a working day and a start before the end");
		}
	}

	boolean isWorkingDay(LocalDate day) {
		return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
	}

	/**
	 * The business time from {@code from} to {@code to} (zero when {@code to} is
	 * earlier).
	 */
	@Override
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate day = from.atZone(zone).toLocalDate();
		LocalDate last = to.atZone(zone).toLocalDate();
		for (int i = 0; !day.isAfter(last) && i < MAX_DAYS; i++, day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			Instant open = opens(day);
			Instant close = closes(day);
			Instant a = from.isAfter(open) ? from : open;
			Instant b = to.isBefore(close) ? to : close;
			if (b.isAfter(a)) {
				total = total.plus(Duration.between(a, b));
			}
		}
		return total;
	}

	/**
	 * The instant at which {@code amount} of business time has passed since {@code from}:
	 * the end of a working day when it runs out exactly then, not the next morning.
	 */
	@Override
	public Instant plus(Instant from, Duration amount) {
		if (amount.isNegative() || amount.isZero()) {
			return from;
		}
		Duration left = amount;
		LocalDate day = from.atZone(zone).toLocalDate();
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			Instant open = opens(day);
			Instant close = closes(day);
			Instant a = from.isAfter(open) ? from : open;
			if (!close.isAfter(a)) {
				continue;
			}
			Duration available = Duration.between(a, close);
			if (left.compareTo(available) <= 0) {
				return a.plus(left);
			}
			left = left.minus(available);
		}
		throw new IllegalStateException("no business hours within ten years");
	}

	private Instant opens(LocalDate day) {
		return ZonedDateTime.of(day, start, zone).toInstant();
	}

	private Instant closes(LocalDate day) {
		return ZonedDateTime.of(day, end, zone).toInstant();
	}

}
