package io.intime.tasks;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.Actor;
import io.intime.shared.Editable;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks: created by people and, through this facade, by other modules ("follow up with
 * Jane Doe in 2 business days", a call's next actions); completed, snoozed, reassigned;
 * listed as My tasks, an account's tasks, a director's team and the API's search. Who may
 * do what is {@link TaskRules}. Every change is checked against the version in the write
 * itself ({@code where id = ? and version = ?}), audited field by field and published in
 * its transaction ({@link TaskCreated}, {@link TaskCompleted}). Reminders go out through
 * notifications on the scheduler ({@link TaskReminders}); recurring tasks are made one
 * occurrence at a time by {@link TaskSeries}.
 */
@Service
@Transactional
public class TaskManagement {

	static final String ENTITY = "task";

	/**
	 * Clocks differ a little: "due now" from a client a few minutes behind is not past.
	 */
	private static final Duration SKEW = Duration.ofMinutes(5);

	/** How many tasks each list of My tasks shows, and with "show all". */
	public static final int LIST_LIMIT = 25;

	/** How many recently done tasks My tasks shows. */
	static final int DONE_LIMIT = 10;

	public static final int LIST_LIMIT_ALL = 500;

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final UserDirectory users;

	private final TaskRules rules;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Today time;

	private final WorkCalendar calendar;

	private final TaskSeries series;

	private final TaskStore store;

	TaskManagement(JdbcClient jdbc, AccountManagement accounts, UserDirectory users, TaskRules rules, AuditTrail audit,
			ApplicationEventPublisher events, Today time, WorkCalendar calendar, TaskSeries series, TaskStore store) {
		this.store = store;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.users = users;
		this.rules = rules;
		this.audit = audit;
		this.events = events;
		this.time = time;
		this.calendar = calendar;
		this.series = series;
	}

	// ---------------------------------------------------------------- creating

	/**
	 * Creates a task (or a recurring series and its first occurrences) and returns the
	 * task (the first occurrence of a series); publishes {@link TaskCreated}.
	 * @throws InvalidInputException naming each wrong field: a due date in the past, a
	 * recurrence that never occurs, an assignee who may not see the account
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not create tasks at the account
	 */
	public TaskView create(TaskForm form, CurrentUser user) {
		Instant now = time.now();
		List<FieldError> errors = rules.violations(form);
		AccountDetails account = null;
		if (form.accountId() != null) {
			account = accounts.get(form.accountId(), user);
			TaskRules.require(rules.canCreateAt(user, account.ownerId()),
					"Account managers create tasks only at the accounts they own");
		}
		UserSummary assignee = assignee(form.assigneeId(), user, account, errors);
		ZoneId zone = assignee == null ? user.timeZone() : zone(assignee);
		if (form.dueDate() != null) {
			LocalDate today = time.today(zone);
			if (form.dueDate().isBefore(today)) {
				errors.add(new FieldError("dueDate",
						"lies in the past: a new task is due today (" + today + ") or later"));
			}
			else if (form.dueTime() != null && form.dueDate().equals(today)
					&& Occurrences.dueAt(form.dueDate(), form.dueTime(), zone).isBefore(now.minus(SKEW))) {
				errors.add(new FieldError("dueTime", "has already passed today; choose a later time or another day"));
			}
		}
		if ((form.recordType() == null) != (form.recordId() == null)) {
			errors.add(new FieldError(form.recordType() == null ? "recordType" : "recordId",
					"goes with " + (form.recordType() == null ? "recordId" : "recordType")));
		}
		Recurrence recurrence = form.recurrence();
		if (recurrence != null) {
			errors.addAll(series.check(recurrence, form, assignee, zone));
		}
		TaskRules.throwIfAny(errors);
		if (recurrence != null) {
			return view(series.start(form, assignee, zone, user, now), user);
		}
		long id = store.insert(form, assignee.id(), zone, user.id(), null, null, now, user.username());
		TaskView created = load(id);
		audit.recordCreated(ENTITY, id, auditState(created), user);
		events.publishEvent(new TaskCreated(created.accountId(), id, created.title(), created.assigneeId(),
				created.dueDate(), created.priority(), null, user.actor(), now));
		return view(created, user);
	}

	/**
	 * Seeds a task as it stands in an example (the demo world): no permission check, its
	 * due date may lie in the past, and it may be done already. Audited and published
	 * like any other.
	 */
	public TaskView seed(TaskForm form, boolean done, CurrentUser creator) {
		Instant now = time.now();
		long assigneeId = form.assigneeId() != null ? form.assigneeId() : creator.id();
		UserSummary assignee = users.find(assigneeId).orElseThrow(() -> new NotFoundException("User", assigneeId));
		long id = store.insert(form, assigneeId, zone(assignee), creator.id(), null, null, now, creator.username());
		TaskView created = load(id);
		audit.recordCreated(ENTITY, id, auditState(created), creator);
		events.publishEvent(new TaskCreated(created.accountId(), id, created.title(), created.assigneeId(),
				created.dueDate(), created.priority(), null, creator.actor(), now));
		if (done) {
			TaskChange change = changeOf(created);
			created = write(created,
					new TaskChange(change.title(), change.notes(), change.assigneeId(), change.dueDate(),
							change.dueTime(), change.remindBeforeMinutes(), change.priority(), TaskStatus.DONE),
					zone(assignee), created.version(), false, creator, null);
		}
		return created;
	}

	/**
	 * Creates several tasks in one transaction (a call's next actions): all or none.
	 * @throws InvalidInputException naming the fields as {@code tasks[i].field}
	 */
	public List<TaskView> createAll(List<TaskForm> forms, CurrentUser user) {
		List<TaskView> created = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < forms.size(); i++) {
			try {
				created.add(create(forms.get(i), user));
			}
			catch (InvalidInputException e) {
				for (FieldError error : e.errors()) {
					errors.add(new FieldError("tasks[" + i + "]." + error.field(), error.message()));
				}
			}
		}
		TaskRules.throwIfAny(errors);
		return created;
	}

	/**
	 * The day {@code days} business days after today for the user ("follow up in 2
	 * business days"), by their weekend and the organization's holidays.
	 */
	@Transactional(readOnly = true)
	public LocalDate businessDaysFromToday(long userId, ZoneId zone, int days) {
		return calendar.plusBusinessDays(userId, time.today(zone), days);
	}

	private UserSummary assignee(Long assigneeId, CurrentUser user, AccountDetails account, List<FieldError> errors) {
		long id = assigneeId != null ? assigneeId : user.id();
		UserSummary assignee = users.find(id).filter(UserSummary::enabled).orElse(null);
		if (assignee == null) {
			errors.add(new FieldError("assigneeId", "is not an active user"));
			return null;
		}
		if (account != null && id != user.id() && accounts.mayView(Set.of(id), account.id(), false).isEmpty()) {
			errors.add(new FieldError("assigneeId", assignee.fullName() + " may not see " + account.name()
					+ "; assign it to someone who works on the account"));
		}
		return assignee;
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public TaskView get(long id, CurrentUser user) {
		TaskView task = load(id);
		requireView(task, user);
		return view(task, user);
	}

	@Transactional(readOnly = true)
	public Editable<TaskChange> editable(long id, CurrentUser user) {
		TaskView task = load(id);
		requireView(task, user);
		return new Editable<>(id, changeOf(task), task.version());
	}

	/** Whether the user may complete, snooze, reassign or edit the task. */
	@Transactional(readOnly = true)
	public boolean canChange(TaskView task, CurrentUser user) {
		return rules.canChange(user, task, ownerOf(task.accountId()));
	}

	@Transactional(readOnly = true)
	public boolean canDelete(TaskView task, CurrentUser user) {
		return rules.canDelete(user, task, ownerOf(task.accountId()));
	}

	/**
	 * Whether the user may create tasks at the account (pages offer the button only
	 * then).
	 */
	public boolean canCreateAt(AccountDetails account, CurrentUser user) {
		return rules.canCreateAt(user, account.ownerId());
	}

	/**
	 * Tasks by filters, open first then by due date, as the user may see them (their own,
	 * and those of the accounts whose tasks they see).
	 */
	@Transactional(readOnly = true)
	public PageResult<TaskView> search(TaskQuery query, CurrentUser user) {
		PageRequest page = new PageRequest(query.page(), query.size());
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (query.accountId() != null) {
			AccountDetails account = accounts.get(query.accountId(), user);
			where.append(" and t.account_id = :account");
			params.put("account", query.accountId());
			if (!rules.seesAccountTasks(user, account.ownerId())) {
				where.append(" and (t.assignee_id = :me or t.created_by_id = :me)");
			}
		}
		else if (!user.seesEverything() && !Long.valueOf(user.id()).equals(query.assigneeId())) {
			// (one's own tasks are all visible to oneself: no need to list the accounts)
			List<Long> visible = rules.visibleAccounts(user);
			if (visible == null) {
				where.append(" and (t.assignee_id = :me or t.created_by_id = :me or t.account_id is not null)");
			}
			else {
				where.append(" and (t.assignee_id = :me or t.created_by_id = :me or t.account_id = any(:visible))");
				params.put("visible", visible.toArray(Long[]::new));
			}
		}
		params.put("me", user.id());
		if (query.assigneeId() != null) {
			where.append(" and t.assignee_id = :assignee");
			params.put("assignee", query.assigneeId());
		}
		if (query.status() != null) {
			where.append(" and t.status = :status");
			params.put("status", query.status().name());
		}
		if (query.dueAfter() != null) {
			where.append(" and t.due_date >= :after");
			params.put("after", Date.valueOf(query.dueAfter()));
		}
		if (query.dueBefore() != null) {
			where.append(" and t.due_date <= :before");
			params.put("before", Date.valueOf(query.dueBefore()));
		}
		// The page and the total in one statement; the total comes first, so that a page
		// past the end still answers it (one row with no task).
		List<TaskView> tasks = new ArrayList<>();
		long[] total = { 0 };
		jdbc.sql("with total as (select count(*) as total_rows from task t" + where + "), listed as (select "
				+ TaskRows.COLUMNS + TaskRows.FROM + where
				+ " order by (t.status <> 'OPEN'), t.due_date, t.due_time nulls last, t.id limit :limit offset :offset)"
				+ " select listed.*, total.total_rows from total left join listed on true"
				+ " order by (listed.status <> 'OPEN'), listed.due_date, listed.due_time nulls last, listed.id")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(rs -> {
				total[0] = rs.getLong("total_rows");
				if (rs.getObject("id") != null) {
					tasks.add(TaskRows.view(rs, tasks.size()));
				}
			});
		List<TaskView> result = Long.valueOf(user.id()).equals(query.assigneeId())
				? withAccountNames(tasks, user.fullName(), user.id()) : named(tasks);
		return new PageResult<>(result, total[0], page.page(), page.size());
	}

	/**
	 * My tasks in two statements (the tasks, then the names of their accounts): overdue,
	 * today (in the order of the user's plan), upcoming and done in the last 7 days, each
	 * list cut at {@link #LIST_LIMIT} with its total.
	 * @param accountId only the tasks of this account, or null
	 */
	@Transactional(readOnly = true)
	public MyTasks mine(CurrentUser user, Long accountId) {
		return mine(user, accountId, LIST_LIMIT);
	}

	/** {@link #mine(CurrentUser, Long)} with up to {@code limit} tasks in each list. */
	@Transactional(readOnly = true)
	public MyTasks mine(CurrentUser user, Long accountId, int limit) {
		return mine(user, accountId, limit, Map.of());
	}

	/**
	 * {@link #mine(CurrentUser, Long, int)} for a caller that knows the names of the
	 * accounts (a portfolio it read): the names are read only for the other accounts, so
	 * the whole is one statement when it knows them all.
	 */
	@Transactional(readOnly = true)
	public MyTasks mine(CurrentUser user, Long accountId, int limit, Map<Long, String> knownAccountNames) {
		ZoneId zone = user.timeZone();
		LocalDate today = time.today(zone);
		Instant todayStart = today.atStartOfDay(zone).toInstant();
		String account = accountId == null ? "" : " and t.account_id = :account";
		var statement = jdbc.sql("""
					with mine as (
					  select %1$s, case when t.due_date < :today then 'OVERDUE' when t.due_date = :today then 'TODAY'
					    else 'UPCOMING' end as bucket
					  %2$s where t.assignee_id = :me and t.status = 'OPEN' %3$s
					  union all
					  select %1$s, 'DONE' as bucket
					  %2$s where t.assignee_id = :me and t.status = 'DONE' and t.completed_at >= :doneSince %3$s
					), ranked as (
					  select m.*, row_number() over (partition by bucket order by
					      case when bucket = 'DONE' then completed_at end desc nulls last,
					      case when bucket = 'TODAY' then plan_rank end nulls last,
					      due_date, due_time nulls last,
					      case priority when 'HIGH' then 0 when 'NORMAL' then 1 else 2 end, id) as position,
					    count(*) over (partition by bucket) as bucket_total,
					    count(*) filter (where bucket = 'DONE' and completed_at >= :todayStart) over () as done_today
					  from mine m
					)
					select * from ranked
				where position <= case when bucket = 'DONE' then least(:limit, :doneLimit) else :limit end
				order by bucket, position""".formatted(TaskRows.COLUMNS, TaskRows.FROM, account))
			.param("me", user.id())
			.param("today", Date.valueOf(today))
			.param("doneSince", Timestamp.from(todayStart.minus(Duration.ofDays(7))))
			.param("todayStart", Timestamp.from(todayStart))
			.param("limit", Math.max(1, Math.min(limit, LIST_LIMIT_ALL)))
			.param("doneLimit", limit > LIST_LIMIT ? LIST_LIMIT_ALL : DONE_LIMIT);
		if (accountId != null) {
			statement = statement.param("account", accountId);
		}
		Map<String, List<TaskView>> buckets = new HashMap<>();
		Map<String, Long> totals = new HashMap<>();
		long[] doneToday = { 0 };
		statement.query(rs -> {
			String bucket = rs.getString("bucket");
			buckets.computeIfAbsent(bucket, b -> new ArrayList<>()).add(TaskRows.view(rs, 0));
			totals.put(bucket, rs.getLong("bucket_total"));
			doneToday[0] = rs.getLong("done_today");
		});
		List<TaskView> all = new ArrayList<>();
		buckets.values().forEach(all::addAll);
		Map<Long, TaskView> namedById = new HashMap<>();
		List<TaskView> unknown = all.stream()
			.filter(t -> t.accountId() != null && !knownAccountNames.containsKey(t.accountId()))
			.toList();
		for (TaskView task : all) {
			if (!unknown.contains(task)) {
				namedById.put(task.id(), task.named(user.fullName(),
						task.accountId() == null ? null : knownAccountNames.get(task.accountId())));
			}
		}
		for (TaskView task : withAccountNames(unknown, user.fullName(), user.id())) {
			namedById.put(task.id(), task);
		}
		java.util.function.Function<String, List<TaskView>> list = bucket -> buckets.getOrDefault(bucket, List.of())
			.stream()
			.map(t -> namedById.get(t.id()))
			.toList();
		return new MyTasks(today, list.apply("OVERDUE"), totals.getOrDefault("OVERDUE", 0L), list.apply("TODAY"),
				totals.getOrDefault("TODAY", 0L), list.apply("UPCOMING"), totals.getOrDefault("UPCOMING", 0L),
				list.apply("DONE"), totals.getOrDefault("DONE", 0L), doneToday[0]);
	}

	/** Open overdue and due-today counts of the user, for the navigation. */
	@Transactional(readOnly = true)
	public long dueNow(CurrentUser user) {
		return jdbc.sql("select count(*) from task where assignee_id = :me and status = 'OPEN' and due_date <= :today")
			.param("me", user.id())
			.param("today", Date.valueOf(time.today(user.timeZone())))
			.query(Long.class)
			.single();
	}

	/**
	 * The tasks of one account the user may see: open ones by due date, then those done
	 * or cancelled in the last 30 days.
	 */
	@Transactional(readOnly = true)
	public List<TaskView> ofAccount(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		boolean all = rules.seesAccountTasks(user, account.ownerId());
		List<TaskView> tasks = jdbc.sql("select " + TaskRows.COLUMNS + TaskRows.FROM + """
				where t.account_id = :account and (t.status = 'OPEN' or t.updated_at >= :since)
				  and (:all or t.assignee_id = :me or t.created_by_id = :me)
				order by (t.status <> 'OPEN'), case when t.status = 'OPEN' then t.due_date end,
				  t.due_time nulls last, t.completed_at desc nulls last, t.id
				limit 500""")
			.param("account", accountId)
			.param("since", Timestamp.from(time.now().minus(Duration.ofDays(30))))
			.param("all", all)
			.param("me", user.id())
			.query(TaskRows.VIEW)
			.list();
		Map<Long, UserSummary> names = users.findAll(tasks.stream().map(TaskView::assigneeId).distinct().toList());
		return tasks.stream()
			.map(t -> t.named(names.containsKey(t.assigneeId()) ? names.get(t.assigneeId()).fullName() : null,
					account.name()))
			.toList();
	}

	/** One person of a team and their tasks. */
	public record TeamMember(UserSummary user, long overdue, long dueToday, long upcoming, long doneThisWeek,
			List<TaskView> tasks) {
	}

	/**
	 * The team view of sales directors: for each person who reports to the user (for
	 * executives and admins, every account manager), counts and their open tasks due
	 * within a week, overdue first.
	 */
	@Transactional(readOnly = true)
	public List<TeamMember> team(CurrentUser user) {
		TaskRules.require(user.seesEverything(), "Only sales directors, executives and admins see a team's tasks");
		List<UserSummary> members = user.hasRole(Role.SALES_DIRECTOR) ? users.directReports(user.id())
				: users.withRoles(Role.ACCOUNT_MANAGER).stream().filter(UserSummary::enabled).toList();
		if (members.isEmpty()) {
			return List.of();
		}
		Long[] ids = members.stream().map(UserSummary::id).toArray(Long[]::new);
		LocalDate today = time.today(user.timeZone());
		Map<Long, long[]> counts = new HashMap<>();
		jdbc.sql("""
				select assignee_id,
				  count(*) filter (where status = 'OPEN' and due_date < :today) as overdue,
				  count(*) filter (where status = 'OPEN' and due_date = :today) as due_today,
				  count(*) filter (where status = 'OPEN' and due_date > :today) as upcoming,
				  count(*) filter (where status = 'DONE' and completed_at >= :weekAgo) as done
				from task where assignee_id = any(:ids) and (status = 'OPEN' or completed_at >= :weekAgo)
				group by assignee_id""")
			.param("ids", ids)
			.param("today", Date.valueOf(today))
			.param("weekAgo", Timestamp.from(time.now().minus(Duration.ofDays(7))))
			.query(rs -> {
				counts.put(rs.getLong("assignee_id"), new long[] { rs.getLong("overdue"), rs.getLong("due_today"),
						rs.getLong("upcoming"), rs.getLong("done") });
			});
		List<TaskView> open = jdbc
			.sql("select * from (select " + TaskRows.COLUMNS
					+ """
							, row_number() over (partition by t.assignee_id order by t.due_date, t.due_time nulls last, t.id) as position
							"""
					+ TaskRows.FROM + """
							 where t.assignee_id = any(:ids) and t.status = 'OPEN' and t.due_date <= :week) x
							where position <= 25 order by due_date""")
			.param("ids", ids)
			.param("week", Date.valueOf(today.plusDays(7)))
			.query(TaskRows.VIEW)
			.list();
		List<TaskView> named = withAccountNames(open, null, -1);
		Map<Long, List<TaskView>> byAssignee = new LinkedHashMap<>();
		named.forEach(t -> byAssignee.computeIfAbsent(t.assigneeId(), a -> new ArrayList<>()).add(t));
		List<TeamMember> result = new ArrayList<>();
		for (UserSummary member : members) {
			long[] c = counts.getOrDefault(member.id(), new long[4]);
			result.add(new TeamMember(member, c[0], c[1], c[2], c[3], byAssignee.getOrDefault(member.id(), List.of())));
		}
		result.sort(java.util.Comparator.comparingLong((TeamMember m) -> -m.overdue())
			.thenComparing(m -> m.user().fullName()));
		return result;
	}

	// ---------------------------------------------------------------- changing

	/**
	 * Changes a task; a stale {@code expectedVersion} is refused. Marking it done
	 * publishes {@link TaskCompleted}.
	 * @throws StaleVersionException when someone else saved it since
	 * @throws InvalidInputException naming each wrong field
	 */
	public TaskView update(long id, TaskChange change, long expectedVersion, CurrentUser user) {
		TaskView task = load(id);
		Long owner = requireChange(task, user);
		List<FieldError> errors = rules.violations(change);
		ZoneId zone = ZoneId.of(task.timeZone());
		if (change.assigneeId() != null && change.assigneeId() != task.assigneeId()) {
			AccountDetails account = task.accountId() == null ? null : accounts.get(task.accountId(), user);
			UserSummary assignee = assignee(change.assigneeId(), user, account, errors);
			if (assignee != null) {
				zone = zone(assignee);
			}
		}
		if (change.status() == TaskStatus.OPEN && change.dueDate() != null
				&& (!change.dueDate().equals(task.dueDate()) || !Objects.equals(change.dueTime(), task.dueTime()))
				&& Occurrences.dueAt(change.dueDate(), change.dueTime(), zone).isBefore(time.now().minus(SKEW))
				&& change.dueDate().isBefore(time.today(zone))) {
			errors.add(new FieldError("dueDate", "lies in the past: move an open task to today or later"));
		}
		TaskRules.throwIfAny(errors);
		return write(task, change, zone, expectedVersion, false, user, owner);
	}

	/** Marks the task done (the version you read). */
	public TaskView complete(long id, long expectedVersion, CurrentUser user) {
		TaskView task = load(id);
		TaskChange change = changeOf(task);
		return update(
				id, new TaskChange(change.title(), change.notes(), change.assigneeId(), change.dueDate(),
						change.dueTime(), change.remindBeforeMinutes(), change.priority(), TaskStatus.DONE),
				expectedVersion, user);
	}

	/** Opens a done or cancelled task again. */
	public TaskView reopen(long id, long expectedVersion, CurrentUser user) {
		TaskView task = load(id);
		TaskChange change = changeOf(task);
		return update(
				id, new TaskChange(change.title(), change.notes(), change.assigneeId(), change.dueDate(),
						change.dueTime(), change.remindBeforeMinutes(), change.priority(), TaskStatus.OPEN),
				expectedVersion, user);
	}

	/**
	 * Puts the task off to a later day and time (its reminder follows).
	 * @throws InvalidInputException naming {@code dueDate} when that is not later than
	 * now
	 */
	public TaskView snooze(long id, LocalDate day, LocalTime at, long expectedVersion, CurrentUser user) {
		TaskView task = load(id);
		Long owner = requireChange(task, user);
		ZoneId zone = ZoneId.of(task.timeZone());
		if (day == null || Occurrences.dueAt(day, at, zone).isBefore(time.now())) {
			throw new InvalidInputException("dueDate", "must be later than now to snooze a task");
		}
		TaskChange change = changeOf(task);
		return write(task,
				new TaskChange(change.title(), change.notes(), change.assigneeId(), day, at,
						change.remindBeforeMinutes(), change.priority(), TaskStatus.OPEN),
				zone, expectedVersion, true, user, owner);
	}

	/** Gives the task to someone else who may see its account. */
	public TaskView reassign(long id, long assigneeId, long expectedVersion, CurrentUser user) {
		TaskView task = load(id);
		TaskChange change = changeOf(task);
		return update(id, new TaskChange(change.title(), change.notes(), assigneeId, change.dueDate(), change.dueTime(),
				change.remindBeforeMinutes(), change.priority(), change.status()), expectedVersion, user);
	}

	/**
	 * Removes a task (its creator, the account's manager, executives, directors, admins).
	 */
	public void delete(long id, CurrentUser user) {
		TaskView task = load(id);
		requireView(task, user);
		TaskRules.require(rules.canDelete(user, task, ownerOf(task.accountId())),
				"Only the task's creator, the account's manager, executives, sales directors and admins delete it");
		jdbc.sql("delete from task where id = :id").param("id", id).update();
		audit.recordDeleted(ENTITY, id, task.title(), user);
	}

	/**
	 * Writes a change in one statement that checks the version; the audit entries and
	 * {@link TaskCompleted} go with it.
	 */
	private TaskView write(TaskView task, TaskChange change, ZoneId zone, long expectedVersion, boolean snooze,
			CurrentUser user, Long owner) {
		Instant now = time.now();
		boolean done = change.status() == TaskStatus.DONE;
		boolean moved = !change.dueDate().equals(task.dueDate()) || !Objects.equals(change.dueTime(), task.dueTime())
				|| !zone.getId().equals(task.timeZone())
				|| !Objects.equals(change.remindBeforeMinutes(), task.remindBeforeMinutes());
		Instant remindAt = Occurrences.remindAt(change.dueDate(), change.dueTime(), zone, change.remindBeforeMinutes());
		int updated = jdbc
			.sql("""
					update task set title = :title, notes = :notes, assignee_id = :assignee, due_date = :dueDate,
					  due_time = :dueTime, time_zone = :zone, due_at = :dueAt, remind_before_minutes = :remindBefore,
					  remind_at = :remindAt,
					  reminded_at = case when :moved then (case when cast(:remindAt as timestamptz) <= cast(:now as timestamptz)
					    then cast(:now as timestamptz) end) else reminded_at end,
					  priority = :priority, status = :status,
					  completed_at = case when :status = 'DONE' then coalesce(completed_at, cast(:now as timestamptz)) end,
					  completed_by_id = case when :status = 'DONE' then coalesce(completed_by_id, :me) end,
					  snoozes = snoozes + :snoozed,
					  plan_rank = case when :moved then null else plan_rank end,
					  version = version + 1, updated_at = cast(:now as timestamptz), updated_by = :by
					where id = :id and version = :version""")
			.param("title", change.title().trim())
			.param("notes", change.notes() == null ? "" : change.notes().trim())
			.param("assignee", change.assigneeId())
			.param("dueDate", Date.valueOf(change.dueDate()))
			.param("dueTime", change.dueTime() == null ? null : Time.valueOf(change.dueTime()))
			.param("zone", zone.getId())
			.param("dueAt", Timestamp.from(Occurrences.dueAt(change.dueDate(), change.dueTime(), zone)))
			.param("remindBefore", change.remindBeforeMinutes())
			.param("remindAt", TaskRows.timestamp(remindAt), java.sql.Types.TIMESTAMP)
			.param("moved", moved)
			.param("now", Timestamp.from(now))
			.param("priority", change.priority().name())
			.param("status", change.status().name())
			.param("me", user.id())
			.param("snoozed", snooze ? 1 : 0)
			.param("by", user.username())
			.param("id", task.id())
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			TaskView current = load(task.id());
			throw new StaleVersionException("Task " + task.title(), task.id(), expectedVersion, current.version());
		}
		TaskView saved = load(task.id());
		List<FieldChange> changes = FieldChange.between(auditState(task), auditState(saved));
		audit.recordChanges(ENTITY, task.id(), changes, user);
		if (done && task.status() != TaskStatus.DONE) {
			events.publishEvent(new TaskCompleted(saved.accountId(), saved.id(), saved.title(), saved.assigneeId(),
					saved.dueDate(), saved.dueDate().isBefore(time.today(zone)), user.actor(), now));
		}
		return view(saved, user);
	}

	// ---------------------------------------------------------------- helpers

	TaskView load(long id) {
		return store.load(id);
	}

	private void requireView(TaskView task, CurrentUser user) {
		if (rules.own(user, task)) {
			return;
		}
		if (task.accountId() == null) {
			if (!user.seesEverything()) {
				throw new NotFoundException("Task", task.id());
			}
			return;
		}
		AccountDetails account = accounts.get(task.accountId(), user);
		TaskRules.require(rules.seesAccountTasks(user, account.ownerId()),
				"Account managers see the tasks of the accounts they own and their own tasks");
	}

	/** Checks the user may change the task; returns the account's owner. */
	private Long requireChange(TaskView task, CurrentUser user) {
		requireView(task, user);
		Long owner = ownerOf(task.accountId());
		TaskRules.require(rules.canChange(user, task, owner),
				"Only the task's assignee and creator, the account's manager, executives, sales directors and admins change it");
		return owner;
	}

	private Long ownerOf(Long accountId) {
		if (accountId == null) {
			return null;
		}
		AccountManagement.Stewards stewards = accounts.stewards(List.of(accountId)).get(accountId);
		return stewards == null ? null : stewards.ownerId();
	}

	private TaskView view(TaskView task, CurrentUser user) {
		return named(List.of(task)).get(0);
	}

	/** Fills assignee and account names in two statements. */
	List<TaskView> named(List<TaskView> tasks) {
		if (tasks.isEmpty()) {
			return tasks;
		}
		Map<Long, UserSummary> names = users.findAll(tasks.stream().map(TaskView::assigneeId).distinct().toList());
		Map<Long, AccountManagement.Stewards> accountNames = stewards(tasks);
		return tasks.stream()
			.map(t -> t.named(names.containsKey(t.assigneeId()) ? names.get(t.assigneeId()).fullName() : null,
					t.accountId() != null && accountNames.containsKey(t.accountId())
							? accountNames.get(t.accountId()).name() : null))
			.toList();
	}

	/**
	 * Fills account names in one statement; the assignee's name is {@code assigneeName}
	 * for tasks of {@code assigneeId} (My tasks), else looked up.
	 */
	private List<TaskView> withAccountNames(List<TaskView> tasks, String assigneeName, long assigneeId) {
		if (tasks.isEmpty()) {
			return tasks;
		}
		if (assigneeName == null) {
			return named(tasks);
		}
		Map<Long, AccountManagement.Stewards> accountNames = stewards(tasks);
		return tasks.stream()
			.map(t -> t.named(t.assigneeId() == assigneeId ? assigneeName : null,
					t.accountId() != null && accountNames.containsKey(t.accountId())
							? accountNames.get(t.accountId()).name() : null))
			.toList();
	}

	private Map<Long, AccountManagement.Stewards> stewards(List<TaskView> tasks) {
		Set<Long> ids = new HashSet<>();
		tasks.stream().map(TaskView::accountId).filter(Objects::nonNull).forEach(ids::add);
		return ids.isEmpty() ? Map.of() : accounts.stewards(ids);
	}

	static TaskChange changeOf(TaskView task) {
		return new TaskChange(task.title(), task.notes(), task.assigneeId(), task.dueDate(), task.dueTime(),
				task.remindBeforeMinutes(), task.priority(), task.status());
	}

	static Map<String, Object> auditState(TaskView task) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", task.title());
		state.put("notes", task.notes() == null || task.notes().isEmpty() ? null : task.notes());
		state.put("assigneeId", task.assigneeId());
		state.put("accountId", task.accountId());
		state.put("recordType", task.recordType());
		state.put("recordId", task.recordId());
		state.put("dueDate", task.dueDate());
		state.put("dueTime", task.dueTime());
		state.put("timeZone", task.timeZone());
		state.put("remindBeforeMinutes", task.remindBeforeMinutes());
		state.put("priority", task.priority());
		state.put("status", task.status());
		state.put("seriesId", task.seriesId());
		return state;
	}

	static ZoneId zone(UserSummary user) {
		try {
			return ZoneId.of(user.timeZone());
		}
		catch (RuntimeException e) {
			return Today.ORGANIZATION_ZONE;
		}
	}

	/** The actor of changes made by the system (series, reminders). */
	static Actor system() {
		return Actor.SYSTEM;
	}

}
