package io.intime.engagement;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.Today;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests times for a meeting (issue 13 section 4): slots on the half hour in the next
 * working week when every person of the firm invited is free (their calls and meetings,
 * {@link BusyTimes}) and every one of them and every client contact is within working
 * hours (Monday to Friday, 9:00 to 17:00) in their own time zone; a contact without one
 * is read in the account's. At most two a day, earliest first.
 */
@Service
@Transactional(readOnly = true)
public class MeetingSlots {

	static final LocalTime DAY_START = LocalTime.of(9, 0);

	static final LocalTime DAY_END = LocalTime.of(17, 0);

	private static final int PER_DAY = 2;

	private final BusyTimes busy;

	private final UserDirectory users;

	private final ContactManagement contacts;

	private final AccountManagement accounts;

	private final Today time;

	MeetingSlots(BusyTimes busy, UserDirectory users, ContactManagement contacts, AccountManagement accounts,
			Today time) {
		this.busy = busy;
		this.users = users;
		this.contacts = contacts;
		this.accounts = accounts;
		this.time = time;
	}

	/**
	 * A suggested slot.
	 *
	 * @param local each attendee's local start, by name ("David Lee" → 9:00
	 * America/Chicago)
	 */
	public record Slot(Instant start, Instant end, Map<String, ZonedDateTime> local) {
	}

	/**
	 * Up to {@code count} slots of {@code minutes} for the organizer, the users and the
	 * contacts (the organizer may see them).
	 */
	public List<Slot> suggest(List<Long> userIds, List<Long> contactIds, int minutes, int count,
			CurrentUser organizer) {
		Duration length = Duration.ofMinutes(Math.max(5, Math.min(minutes, 600)));
		Instant now = time.now();
		Instant from = now.plus(1, ChronoUnit.HOURS);
		Instant to = now.plus(8, ChronoUnit.DAYS);
		Map<String, ZoneId> zones = new LinkedHashMap<>();
		List<BusyTime> taken = new ArrayList<>();
		List<Long> internal = new ArrayList<>(userIds == null ? List.of() : userIds);
		if (!internal.contains(organizer.id())) {
			internal.add(0, organizer.id());
		}
		Map<Long, UserSummary> people = users.findAll(internal);
		for (Long id : internal) {
			UserSummary u = people.get(id);
			if (u == null) {
				continue;
			}
			zones.put(u.fullName(), ZoneId.of(u.timeZone()));
			taken.addAll(busy.of(u.id(), u.username(), from, to));
		}
		Map<Long, ZoneId> accountZones = new HashMap<>();
		for (Long id : contactIds == null ? List.<Long>of() : contactIds) {
			ContactView c = contacts.get(id, organizer);
			ZoneId zone = c.timeZone() != null && !c.timeZone().isBlank() ? ZoneId.of(c.timeZone()) : accountZones
				.computeIfAbsent(c.accountId(), a -> ZoneId.of(accounts.get(a, organizer).timeZone()));
			zones.put(c.name(), zone);
		}
		List<Slot> slots = new ArrayList<>();
		Map<LocalDate, Integer> perDay = new HashMap<>();
		ZoneId organizerZone = organizer.timeZone();
		Instant candidate = nextHalfHour(from);
		while (candidate.isBefore(to) && slots.size() < count) {
			Instant start = candidate;
			Instant end = start.plus(length);
			LocalDate day = start.atZone(organizerZone).toLocalDate();
			if (perDay.getOrDefault(day, 0) < PER_DAY && withinWorkingHours(zones, start, end)
					&& taken.stream().noneMatch(b -> b.overlaps(start, end))) {
				Map<String, ZonedDateTime> local = new LinkedHashMap<>();
				zones.forEach((name, zone) -> local.put(name, start.atZone(zone)));
				slots.add(new Slot(start, end, local));
				perDay.merge(day, 1, Integer::sum);
				// the next suggestion of the day at least two hours later, to offer a
				// choice
				candidate = start.plus(2, ChronoUnit.HOURS);
				continue;
			}
			candidate = start.plus(30, ChronoUnit.MINUTES);
		}
		return slots;
	}

	static boolean withinWorkingHours(Map<String, ZoneId> zones, Instant start, Instant end) {
		for (ZoneId zone : zones.values()) {
			ZonedDateTime a = start.atZone(zone);
			ZonedDateTime b = end.atZone(zone);
			if (!a.toLocalDate().equals(b.toLocalDate()) && !b.toLocalTime().equals(LocalTime.MIDNIGHT)) {
				return false;
			}
			DayOfWeek day = a.getDayOfWeek();
			if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
				return false;
			}
			if (a.toLocalTime().isBefore(DAY_START) || b.toLocalTime().isAfter(DAY_END)
					|| b.toLocalTime().isBefore(a.toLocalTime())) {
				return false;
			}
		}
		return true;
	}

	private static Instant nextHalfHour(Instant at) {
		Instant hour = at.truncatedTo(ChronoUnit.HOURS);
		Instant half = hour.plus(30, ChronoUnit.MINUTES);
		return at.equals(hour) ? hour : at.isAfter(half) ? hour.plus(1, ChronoUnit.HOURS) : half;
	}

}
