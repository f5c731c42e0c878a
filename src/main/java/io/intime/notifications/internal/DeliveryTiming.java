package io.intime.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a delivery goes out in the recipient's time zone: after their quiet hours, or with
 * their next daily digest. Computed on local dates and times with java.time, so a
 * daylight-saving change between now and then moves the instant, not the local time (a
 * local time that does not exist that day, in a spring-forward gap, is the first instant
 * after the gap).
 */
final class DeliveryTiming {

	private DeliveryTiming() {
	}

	/**
	 * The end of the quiet hours that {@code at} falls in, or empty when it falls outside
	 * them. Quiet hours may wrap midnight (22:00–07:00); equal start and end mean none.
	 */
	static Optional<Instant> quietHoursEnd(Instant at, ZoneId zone, LocalTime start, LocalTime end) {
		if (start == null || end == null || start.equals(end)) {
			return Optional.empty();
		}
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		LocalDate date = local.toLocalDate();
		if (start.isBefore(end)) {
			if (!time.isBefore(start) && time.isBefore(end)) {
				return Optional.of(ZonedDateTime.of(date, end, zone).toInstant());
			}
			return Optional.empty();
		}
		if (!time.isBefore(start)) {
			return Optional.of(ZonedDateTime.of(date.plusDays(1), end, zone).toInstant());
		}
		if (time.isBefore(end)) {
			return Optional.of(ZonedDateTime.of(date, end, zone).toInstant());
		}
		return Optional.empty();
	}

	/** The first daily digest time strictly after {@code at}, in the recipient's zone. */
	static Instant nextDigest(Instant at, ZoneId zone, LocalTime digestTime) {
		LocalDate date = at.atZone(zone).toLocalDate();
		Instant today = ZonedDateTime.of(date, digestTime, zone).toInstant();
		if (today.isAfter(at)) {
			return today;
		}
		return ZonedDateTime.of(date.plusDays(1), digestTime, zone).toInstant();
	}

}
