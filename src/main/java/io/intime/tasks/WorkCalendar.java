package io.intime.tasks;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business days: the organization's holiday calendar (admins keep it) and each person's
 * weekend (their own choice; Saturday and Sunday unless they say otherwise). Recurring
 * tasks move off non-business days, and "in 2 business days" counts only business days.
 */
@Service
@Transactional
public class WorkCalendar {

	/** A holiday of the organization. */
	public record Holiday(LocalDate day, String name) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	WorkCalendar(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Holiday> holidays() {
		return jdbc.sql("select day, name from holiday order by day")
			.query((rs, i) -> new Holiday(rs.getDate("day").toLocalDate(), rs.getString("name")))
			.list();
	}

	/**
	 * Adds a holiday or renames it; admins only.
	 * @throws InvalidInputException naming {@code day} or {@code name}
	 */
	public void putHoliday(LocalDate day, String name, CurrentUser user) {
		requireAdmin(user);
		if (day == null) {
			throw new InvalidInputException("day", "is required");
		}
		String trimmed = name == null ? "" : name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 120) {
			throw new InvalidInputException("name", "is required (at most 120 characters)");
		}
		jdbc.sql("insert into holiday (day, name) values (:day, :name) on conflict (day) do update set name = :name")
			.param("day", Date.valueOf(day))
			.param("name", trimmed)
			.update();
		audit.recordChanges("holiday", day.toEpochDay(), List.of(new FieldChange("name", null, trimmed)), user);
	}

	public void removeHoliday(LocalDate day, CurrentUser user) {
		requireAdmin(user);
		int removed = jdbc.sql("delete from holiday where day = :day").param("day", Date.valueOf(day)).update();
		if (removed > 0) {
			audit.recordDeleted("holiday", day.toEpochDay(), "Holiday " + day, user);
		}
	}

	/** The user's weekend days. */
	@Transactional(readOnly = true)
	public Set<DayOfWeek> weekend(long userId) {
		return jdbc.sql("select weekend from task_work_week where user_id = :user")
			.param("user", userId)
			.query((rs, i) -> days((Integer[]) rs.getArray("weekend").getArray()))
			.optional()
			.orElse(BusinessCalendar.SATURDAY_SUNDAY);
	}

	/**
	 * Sets the user's own weekend.
	 * @throws InvalidInputException naming {@code weekend} when it leaves no working day
	 */
	public void changeWeekend(Set<DayOfWeek> weekend, CurrentUser user) {
		if (weekend.size() >= 7) {
			throw new InvalidInputException(List.of(new FieldError("weekend", "must leave at least one working day")));
		}
		Set<DayOfWeek> before = weekend(user.id());
		jdbc.sql("""
				insert into task_work_week (user_id, weekend) values (:user, :weekend)
				on conflict (user_id) do update set weekend = :weekend, version = task_work_week.version + 1""")
			.param("user", user.id())
			.param("weekend", weekend.stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new))
			.update();
		audit.recordChanges("work_week", user.id(),
				FieldChange.between(java.util.Map.of("weekend", before.toString()), java.util.Map.of("weekend",
						EnumSet.copyOf(weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : weekend).toString())),
				user);
	}

	/** The business days of one person: their weekend and the organization's holidays. */
	@Transactional(readOnly = true)
	public LocalDate plusBusinessDays(long userId, LocalDate day, int days) {
		return calendar(userId).plusBusinessDays(day, days);
	}

	BusinessCalendar calendar(long userId) {
		Set<LocalDate> holidays = new HashSet<>();
		holidays().forEach(h -> holidays.add(h.day()));
		return new BusinessCalendar(weekend(userId), holidays);
	}

	private static Set<DayOfWeek> days(Integer[] numbers) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (Integer n : numbers) {
			days.add(DayOfWeek.of(n));
		}
		return days;
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins keep the organization's holiday calendar");
		}
	}

}
