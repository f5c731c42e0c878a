package io.intime.tasks;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountQuery;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.HealthBand;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of the day (spec 02 steps 16–17): a plan for tomorrow proposed from the tasks
 * due by then (those still open from earlier carry over), the proposals of other modules
 * ({@link PlanSource}: meetings to prepare) and the red accounts the user owns that have
 * no task yet; the user reorders it, leaves out what can wait and confirms. Confirming
 * gives each kept task its place (carried ones move to tomorrow) and makes a task of each
 * kept proposal.
 */
@Service
@Transactional
public class TaskPlanning {

	/** One line of the plan. */
	public record Item(String key, String title, String reason, Long accountId, String accountName, LocalTime time,
			TaskPriority priority, Long taskId, Long taskVersion, boolean carried, boolean proposal, String recordType,
			Long recordId) {
	}

	/** The plan of one day, and when it was confirmed (null: not yet). */
	public record Plan(LocalDate day, Instant confirmedAt, List<Item> items) {

		public long proposals() {
			return items.stream().filter(Item::proposal).count();
		}
	}

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
		.ofPattern("EEE, MMM d", java.util.Locale.US);

	private final JdbcClient jdbc;

	private final TaskManagement tasks;

	private final AccountManagement accounts;

	private final List<PlanSource> sources;

	private final Today time;

	TaskPlanning(JdbcClient jdbc, TaskManagement tasks, AccountManagement accounts, List<PlanSource> sources,
			Today time) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.accounts = accounts;
		this.sources = sources;
		this.time = time;
	}

	/** Tomorrow in the user's zone. */
	public LocalDate tomorrow(CurrentUser user) {
		return time.today(user.timeZone()).plusDays(1);
	}

	/** The plan proposed for the user's day, in its order. */
	@Transactional(readOnly = true)
	public Plan plan(CurrentUser user, LocalDate day) {
		List<TaskView> due = tasks.named(jdbc.sql("select " + TaskRows.COLUMNS + TaskRows.FROM + """
				where t.assignee_id = :me and t.status = 'OPEN' and t.due_date <= :day
				order by t.plan_rank nulls last, t.due_date, t.due_time nulls last,
				  case t.priority when 'HIGH' then 0 when 'NORMAL' then 1 else 2 end, t.id
				limit 200""").param("me", user.id()).param("day", Date.valueOf(day)).query(TaskRows.VIEW).list());
		List<Item> items = new ArrayList<>();
		Set<Long> accountsWithTask = new HashSet<>();
		for (TaskView task : due) {
			boolean carried = task.dueDate().isBefore(day);
			items.add(new Item("task-" + task.id(), task.title(),
					carried ? "Still open from " + DAY.format(task.dueDate())
							: "Due " + (task.dueTime() == null ? "that day" : "at " + task.dueTime()),
					task.accountId(), task.accountName(), task.dueTime(), task.priority(), task.id(), task.version(),
					carried, false, null, null));
			if (task.accountId() != null) {
				accountsWithTask.add(task.accountId());
			}
		}
		Set<String> planned = new HashSet<>(jdbc.sql("""
				select record_type || '-' || record_id from task
				where assignee_id = :me and record_type is not null and due_date = :day and status <> 'CANCELLED'""")
			.param("me", user.id())
			.param("day", Date.valueOf(day))
			.query(String.class)
			.list());
		List<Item> proposed = new ArrayList<>();
		for (PlanSource source : sources) {
			for (PlanProposal proposal : source.proposals(user, day)) {
				if (proposal.recordType() != null
						&& planned.contains(proposal.recordType() + "-" + proposal.recordId())) {
					continue;
				}
				proposed.add(new Item(proposal.key(), proposal.title(), proposal.reason(), proposal.accountId(), null,
						proposal.time(), proposal.priority(), null, null, false, true, proposal.recordType(),
						proposal.recordId()));
			}
		}
		if (user.hasRole(Role.ACCOUNT_MANAGER)) {
			for (AccountSummary red : accounts
				.search(new AccountQuery(null, null, null, user.id(), null, HealthBand.RED, null, null, "health", false,
						0, 20), user)
				.items()) {
				if (!accountsWithTask.contains(red.id())) {
					proposed.add(new Item("red-" + red.id(), "Call " + red.name(),
							"Red account" + (red.healthScore() == null ? "" : " (" + red.healthScore() + "/100)")
									+ " with nothing planned",
							red.id(), red.name(), null, TaskPriority.HIGH, null, null, false, true, null, null));
				}
			}
		}
		Set<Long> unnamed = new HashSet<>();
		proposed.stream()
			.filter(i -> i.accountId() != null && i.accountName() == null)
			.forEach(i -> unnamed.add(i.accountId()));
		if (!unnamed.isEmpty()) {
			Map<Long, AccountManagement.Stewards> names = accounts.stewards(unnamed);
			proposed.replaceAll(i -> i.accountName() != null || !names.containsKey(i.accountId()) ? i
					: new Item(i.key(), i.title(), i.reason(), i.accountId(), names.get(i.accountId()).name(), i.time(),
							i.priority(), i.taskId(), i.taskVersion(), i.carried(), i.proposal(), i.recordType(),
							i.recordId()));
		}
		items.addAll(proposed);
		boolean ranked = due.stream().anyMatch(t -> t.planRank() != null);
		if (!ranked) {
			// not planned yet: the day in its order, by time (untimed last), high first
			items.sort(Comparator.comparing((Item i) -> i.time() == null ? LocalTime.MAX : i.time())
				.thenComparing(i -> i.priority().ordinal()));
		}
		Instant confirmed = jdbc.sql("select confirmed_at from task_plan where user_id = :me and day = :day")
			.param("me", user.id())
			.param("day", Date.valueOf(day))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		return new Plan(day, confirmed, items);
	}

	/**
	 * Confirms the plan: the kept keys in the user's order. Each kept task gets its place
	 * (a carried one moves to the day), each kept proposal becomes a task; tasks left out
	 * lose their place. Returns the confirmed plan.
	 * @param versions the version of each task as the user saw it, by key
	 * @throws io.intime.shared.StaleVersionException when a task changed meanwhile
	 */
	public Plan confirm(CurrentUser user, LocalDate day, List<String> keptInOrder, Map<String, Long> versions) {
		if (day.isBefore(time.today(user.timeZone()))) {
			throw new InvalidInputException("day", "lies in the past; plan today or a later day");
		}
		Plan plan = plan(user, day);
		Map<String, Item> byKey = new LinkedHashMap<>();
		plan.items().forEach(i -> byKey.put(i.key(), i));
		for (String key : keptInOrder) {
			if (!byKey.containsKey(key)) {
				throw new InvalidInputException("keep", "\"" + key + "\" is not in the plan any more; reload it");
			}
		}
		Set<String> kept = new HashSet<>(keptInOrder);
		for (Item item : plan.items()) {
			if (item.taskId() != null && !kept.contains(item.key())) {
				jdbc.sql("update task set plan_rank = null where id = :id").param("id", item.taskId()).update();
			}
		}
		int rank = 1;
		for (String key : keptInOrder) {
			Item item = byKey.get(key);
			long taskId;
			if (item.taskId() != null) {
				long version = versions.getOrDefault(key, item.taskVersion());
				taskId = item.taskId();
				if (item.carried()) {
					TaskView moved = tasks.snooze(taskId, day, item.time(), version, user);
					version = moved.version();
				}
				int updated = jdbc.sql("update task set plan_rank = :rank where id = :id and version = :version")
					.param("rank", rank)
					.param("id", taskId)
					.param("version", version)
					.update();
				if (updated == 0) {
					throw new io.intime.shared.StaleVersionException("Task " + item.title(), taskId, version,
							tasks.load(taskId).version());
				}
			}
			else {
				TaskView created = tasks.create(new TaskForm(item.title(), item.reason(), user.id(), item.accountId(),
						item.recordType(), item.recordId(), day, item.time(), 0, item.priority(), null), user);
				taskId = created.id();
				jdbc.sql("update task set plan_rank = :rank where id = :id")
					.param("rank", rank)
					.param("id", taskId)
					.update();
			}
			rank++;
		}
		jdbc.sql("""
				insert into task_plan (user_id, day, confirmed_at) values (:me, :day, :now)
				on conflict (user_id, day) do update set confirmed_at = :now""")
			.param("me", user.id())
			.param("day", Date.valueOf(day))
			.param("now", Timestamp.from(time.now()))
			.update();
		return plan(user, day);
	}

}
