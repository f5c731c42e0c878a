package io.intime.console.reply;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.intime.engagement.BusyTime;

/**
 * Free hours to offer a client: one-hour slots inside working hours (9:00 to 17:00 in the
 * account manager's zone, Monday to Friday) that no planned call or meeting overlaps,
 * starting at least two hours from now, on the next working days of this week (next
 * week's when fewer than two remain), at most two a day on two days, as spec 02 step 6
 * offers them. Pure: the busy spans and "now" come in.
 */
final class FreeSlots {

	static final LocalTime DAY_START = LocalTime.of(9, 0);

	static final LocalTime DAY_END = LocalTime.of(17, 0);

	static final Duration LENGTH = Duration.ofHours(1);

	static final Duration NOTICE = Duration.ofHours(2);

	private FreeSlots() {
	}

	/** A free hour in the account manager's zone. */
	record Slot(ZonedDateTime start, ZonedDateTime end) {
	}

	static List<Slot> offer(ZonedDateTime now, ZoneId zone, List<BusyTime> busy) {
		ZonedDateTime local = now.withZoneSameInstant(zone);
		List<LocalDate> days = new ArrayList<>();
		LocalDate day = local.toLocalDate();
		while (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
			if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days.add(day);
			}
			day = day.plusDays(1);
		}
		if (days.size() < 2) {
			LocalDate monday = day.plusDays(2);
			for (int i = 0; i < 5; i++) {
				days.add(monday.plusDays(i));
			}
		}
		List<Slot> slots = new ArrayList<>();
		int daysWithSlots = 0;
		for (LocalDate d : days) {
			List<Slot> ofDay = new ArrayList<>();
			for (LocalTime t = DAY_START; !t.plus(LENGTH).isAfter(DAY_END); t = t.plus(LENGTH)) {
				ZonedDateTime start = d.atTime(t).atZone(zone);
				ZonedDateTime end = start.plus(LENGTH);
				if (start.isBefore(local.plus(NOTICE))) {
					continue;
				}
				boolean free = busy.stream().noneMatch(b -> b.overlaps(start.toInstant(), end.toInstant()));
				// two slots of a day are not back to back: the client gets a real choice
				boolean apart = ofDay.isEmpty() || !ofDay.get(ofDay.size() - 1).end().isAfter(start.minusHours(1));
				if (free && apart) {
					ofDay.add(new Slot(start, end));
				}
				if (ofDay.size() == 2) {
					break;
				}
			}
			if (!ofDay.isEmpty()) {
				slots.addAll(ofDay);
				if (++daysWithSlots == 2) {
					break;
				}
			}
		}
		return slots;
	}

}
