package io.intime.shared;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

/**
 * The one definition of "now" and "today", read from the application's {@link Clock}.
 * Nothing else calls {@code now()} on a java.time type (an architecture test holds every
 * class to it).
 * <ul>
 * <li>{@link #now()}: the instant stamped on records and events (stored in UTC);</li>
 * <li>{@link #organizationToday()}: the day of the organization, in UTC: the day health
 * is scored as of, invoices are overdue by and the nightly run belongs to;</li>
 * <li>{@link #today(ZoneId)}: a user's day (forms' default dates, "today" on a page), in
 * the user's time zone; {@link #accountToday(String)} the same for an account's time
 * zone;</li>
 * <li>{@link #latestToday()}: the latest date anywhere on Earth, the bound past which a
 * date is in the future for everyone.</li>
 * </ul>
 */
@Component
public class Today {

	/**
	 * The organization's time zone: days that belong to nobody in particular are UTC
	 * days.
	 */
	public static final ZoneId ORGANIZATION_ZONE = ZoneOffset.UTC;

	/** "Today" cannot be later than this anywhere (UTC+14, Kiribati). */
	private static final ZoneId LATEST_ZONE = ZoneOffset.ofHours(14);

	private final Clock clock;

	public Today(Clock clock) {
		this.clock = clock;
	}

	/** The clock itself, for libraries that take one. */
	public Clock clock() {
		return clock;
	}

	/** The current instant. */
	public Instant now() {
		return clock.instant();
	}

	/** The current date and time in {@code zone} (not null). */
	public ZonedDateTime now(ZoneId zone) {
		return ZonedDateTime.ofInstant(now(), zone);
	}

	/** The organization's day (UTC). */
	public LocalDate organizationToday() {
		return today(ORGANIZATION_ZONE);
	}

	/**
	 * The day in {@code zone}, e.g. a user's time zone; the organization's day when null.
	 */
	public LocalDate today(ZoneId zone) {
		return LocalDate.ofInstant(now(), zone == null ? ORGANIZATION_ZONE : zone);
	}

	/**
	 * The day in an account's (or contact's) time zone; the organization's day when it is
	 * unset or unknown.
	 */
	public LocalDate accountToday(String timeZone) {
		if (timeZone == null || timeZone.isBlank()) {
			return organizationToday();
		}
		try {
			return today(ZoneId.of(timeZone));
		}
		catch (DateTimeException e) {
			return organizationToday();
		}
	}

	/** The latest "today" on Earth: a date after it is in the future wherever one is. */
	public LocalDate latestToday() {
		return today(LATEST_ZONE);
	}

}
