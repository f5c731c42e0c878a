package io.intime.tasks;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountQuery;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.Tier;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.Actor;
import io.intime.shared.FieldError;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recurring tasks: a series keeps the rule, and its occurrences are made as tasks a
 * fortnight ahead (at least the next one, however far), so each has its own reminder, can
 * be moved or completed on its own, and shows in My tasks when it comes near. The
 * scheduler extends every series each hour ({@link TaskReminders}); an occurrence is made
 * once whatever runs twice (a unique index on series, rule date and account).
 */
@Component
class TaskSeries {

	static final String ENTITY = "task_series";

	/** How far ahead occurrences are made. */
	static final int HORIZON_DAYS = 14;

	private final JdbcClient jdbc;

	private final TaskStore store;

	private final WorkCalendar calendar;

	private final AccountManagement accounts;

	private final UserDirectory users;

	private final Today time;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	TaskSeries(JdbcClient jdbc, TaskStore store, WorkCalendar calendar, AccountManagement accounts, UserDirectory users,
			Today time, ApplicationEventPublisher events, AuditTrail audit) {
		this.jdbc = jdbc;
		this.store = store;
		this.calendar = calendar;
		this.accounts = accounts;
		this.users = users;
		this.time = time;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * What is wrong with a recurrence for this task: its rule, or that it never occurs.
	 */
	List<FieldError> check(Recurrence recurrence, TaskForm form, UserSummary assignee, ZoneId zone) {
		List<FieldError> errors = new ArrayList<>(Occurrences.check(recurrence));
		if (recurrence.accountTier() != null && form.accountId() != null) {
			errors.add(new FieldError("recurrence.accountTier",
					"makes one task per account of the tier; leave the account empty"));
		}
		if (!errors.isEmpty() || assignee == null || form.dueDate() == null) {
			return errors;
		}
		BusinessCalendar days = calendar.calendar(assignee.id());
		if (Occurrences.next(recurrence, form.dueDate(), form.dueDate(), days).isEmpty()) {
			errors.add(new FieldError("recurrence.rule",
					"never occurs: from " + form.dueDate() + ", \""
							+ Occurrences.describe(Occurrences.ruleText(recurrence)) + "\" gives no date"
							+ (recurrence.exceptDates().isEmpty() ? "" : " that is not excepted") + " within "
							+ Occurrences.SEARCH_YEARS + " years"));
		}
		else if (recurrence.accountTier() != null && tierAccounts(assignee, recurrence.accountTier()).isEmpty()) {
			errors.add(new FieldError("recurrence.accountTier",
					assignee.fullName() + " owns no " + recurrence.accountTier().label() + " account"));
		}
		return errors;
	}

	/**
	 * Stores the series and makes its first occurrences; returns the first task made.
	 */
	TaskView start(TaskForm form, UserSummary assignee, ZoneId zone, CurrentUser user, Instant now) {
		Recurrence recurrence = form.recurrence();
		long id = jdbc.sql("""
				insert into task_series (title, notes, assignee_id, created_by_id, account_id, account_tier, priority,
				  rrule, starts_on, due_time, time_zone, remind_before_minutes, business_days, except_dates,
				  created_at, updated_at)
				values (:title, :notes, :assignee, :createdBy, :account, :tier, :priority, :rule, :startsOn, :dueTime,
				  :zone, :remindBefore, :businessDays, :except, :now, :now)
				returning id""")
			.param("title", form.title().trim())
			.param("notes", form.notes() == null ? "" : form.notes().trim())
			.param("assignee", assignee.id())
			.param("createdBy", user.id())
			.param("account", form.accountId())
			.param("tier", recurrence.accountTier() == null ? null : recurrence.accountTier().name())
			.param("priority", (form.priority() == null ? TaskPriority.NORMAL : form.priority()).name())
			.param("rule", Occurrences.ruleText(recurrence))
			.param("startsOn", Date.valueOf(form.dueDate()))
			.param("dueTime", form.dueTime() == null ? null : Time.valueOf(form.dueTime()))
			.param("zone", zone.getId())
			.param("remindBefore", form.remindBeforeMinutes())
			.param("businessDays", recurrence.businessDays().name())
			.param("except", recurrence.exceptDates().stream().map(Date::valueOf).toArray(Date[]::new))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", form.title().trim());
		state.put("rule", Occurrences.ruleText(recurrence));
		state.put("startsOn", form.dueDate());
		state.put("assigneeId", assignee.id());
		state.put("accountId", form.accountId());
		state.put("accountTier", recurrence.accountTier());
		state.put("businessDays", recurrence.businessDays());
		state.put("exceptDates", recurrence.exceptDates().isEmpty() ? null : recurrence.exceptDates().toString());
		audit.recordCreated(ENTITY, id, state, user);
		List<Long> made = make(id, now, user.actor(), true);
		if (made.isEmpty()) {
			throw new io.intime.shared.InvalidInputException("recurrence.businessDays",
					"moves the first occurrence before today; start the series later");
		}
		return store.load(made.get(0));
	}

	/** Makes the occurrences that came near for every active series; returns how many. */
	@Transactional
	int extendAll() {
		return extendAll(time.now());
	}

	/** {@link #extendAll()} as of {@code now} (tests run it ahead of the clock). */
	@Transactional
	int extendAll(Instant now) {
		List<Long> due = jdbc.sql("""
				select id from task_series where active and (made_through is null or made_through < :horizon)
				order by id limit 500 for update skip locked""")
			.param("horizon",
					Date.valueOf(now.atZone(Today.ORGANIZATION_ZONE).toLocalDate().plusDays(HORIZON_DAYS - 1)))
			.query(Long.class)
			.list();
		int made = 0;
		for (long id : due) {
			made += make(id, now, Actor.SYSTEM, false).size();
		}
		return made;
	}

	private record Row(long id, String title, String notes, long assigneeId, Long createdById, Long accountId,
			Tier tier, TaskPriority priority, String rule, LocalDate startsOn, LocalTime dueTime, ZoneId zone,
			Integer remindBefore, BusinessDayShift businessDays, List<LocalDate> except, LocalDate madeThrough) {

		Recurrence recurrence() {
			return new Recurrence(rule, null, null, except, businessDays, tier);
		}
	}

	/**
	 * Makes the occurrences of one series from where it stopped up to the horizon (and at
	 * least the next one); deactivates a series that has no more.
	 */
	List<Long> make(long seriesId, Instant now, Actor actor, boolean first) {
		Row row = jdbc.sql("select * from task_series where id = :id for update")
			.param("id", seriesId)
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getString("title"), rs.getString("notes"),
					rs.getLong("assignee_id"), rs.getObject("created_by_id", Long.class),
					rs.getObject("account_id", Long.class),
					rs.getString("account_tier") == null ? null : Tier.valueOf(rs.getString("account_tier")),
					TaskPriority.valueOf(rs.getString("priority")), rs.getString("rrule"),
					rs.getDate("starts_on").toLocalDate(),
					rs.getTime("due_time") == null ? null : rs.getTime("due_time").toLocalTime(),
					ZoneId.of(rs.getString("time_zone")), rs.getObject("remind_before_minutes", Integer.class),
					BusinessDayShift.valueOf(rs.getString("business_days")),
					Arrays.stream((java.sql.Date[]) rs.getArray("except_dates").getArray())
						.map(java.sql.Date::toLocalDate)
						.toList(),
					rs.getDate("made_through") == null ? null : rs.getDate("made_through").toLocalDate()))
			.single();
		UserSummary assignee = users.find(row.assigneeId()).orElse(null);
		BusinessCalendar days = calendar.calendar(row.assigneeId());
		LocalDate today = now.atZone(row.zone()).toLocalDate();
		LocalDate from = row.madeThrough() == null ? row.startsOn() : row.madeThrough().plusDays(1);
		var next = Occurrences.next(row.recurrence(), row.startsOn(), from, days);
		if (next.isEmpty() || assignee == null || !assignee.enabled()) {
			jdbc.sql("update task_series set active = false where id = :id").param("id", seriesId).update();
			return List.of();
		}
		// made up to the horizon, and beyond it up to the next occurrence when none lies
		// ahead
		LocalDate horizon = today.plusDays(HORIZON_DAYS);
		LocalDate through = horizon;
		if (next.get().ruleDate().isAfter(horizon)
				&& !jdbc.sql("select exists (select 1 from task where series_id = :id and occurs_on >= :today)")
					.param("id", seriesId)
					.param("today", Date.valueOf(today))
					.query(Boolean.class)
					.single()) {
			through = next.get().ruleDate();
		}
		List<Long> accountIds = new ArrayList<>();
		if (row.tier() != null) {
			tierAccounts(assignee, row.tier()).forEach(a -> accountIds.add(a.id()));
		}
		else {
			accountIds.add(row.accountId());
		}
		List<Long> made = new ArrayList<>();
		for (Occurrences.Occurrence occurrence : Occurrences.between(row.recurrence(), row.startsOn(), from, through,
				days)) {
			if (first && occurrence.due().isBefore(today)) {
				continue;
			}
			for (Long accountId : accountIds) {
				TaskForm form = new TaskForm(row.title(), row.notes(), row.assigneeId(), accountId, null, null,
						occurrence.due(), row.dueTime(), row.remindBefore(), row.priority(), null);
				store
					.insertOnce(form, row.assigneeId(), row.zone(), row.createdById(), seriesId, occurrence.ruleDate(),
							now, actor.name())
					.ifPresent(id -> {
						made.add(id);
						events.publishEvent(new TaskCreated(accountId, id, row.title(), row.assigneeId(),
								occurrence.due(), row.priority(), seriesId, actor, now));
					});
			}
		}
		jdbc.sql("update task_series set made_through = :through, updated_at = :now where id = :id")
			.param("through", Date.valueOf(through))
			.param("now", Timestamp.from(now))
			.param("id", seriesId)
			.update();
		return made;
	}

	private List<AccountSummary> tierAccounts(UserSummary assignee, Tier tier) {
		CurrentUser owner = new CurrentUser(assignee.id(), assignee.username(), assignee.fullName(), assignee.role(),
				TaskManagement.zone(assignee));
		List<AccountSummary> all = new ArrayList<>();
		int page = 0;
		PageResult<AccountSummary> result;
		do {
			result = accounts.search(new AccountQuery(null, tier, null, assignee.id(), null, null, null, null, "name",
					false, page++, PageRequest.MAX_SIZE), owner);
			all.addAll(result.items());
		}
		while (result.hasNext());
		return all;
	}

}
