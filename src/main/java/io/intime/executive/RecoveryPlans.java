package io.intime.executive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.StrategicAccount;
import io.intime.accounts.StrategicAccounts;
import io.intime.engagement.EngagementFacts;
import io.intime.engagement.NpsFacts;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.staffing.DeliverySince;
import io.intime.staffing.StaffingFacts;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery plans (spec 01 step 2, "Success Metrics (90-Day Recovery Plan)"): goals with a
 * baseline taken from the facts when the plan is made, a target and a date, each measured
 * again from the live facts whenever the plan is shown; the plan's actions are tasks. One
 * active plan per account. Executives, sales directors and the account's manager make and
 * close them; whoever sees the account's health sees them.
 */
@Service
public class RecoveryPlans {

	static final String ENTITY = "recovery_plan";

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final EngagementFacts engagement;

	private final StaffingFacts staffing;

	private final TaskManagement tasks;

	private final AuditTrail audit;

	private final Today time;

	private final StrategicAccounts strategicAccounts;

	RecoveryPlans(JdbcClient jdbc, AccountManagement accounts, EngagementFacts engagement, StaffingFacts staffing,
			TaskManagement tasks, AuditTrail audit, Today time, StrategicAccounts strategicAccounts) {
		this.strategicAccounts = strategicAccounts;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.engagement = engagement;
		this.staffing = staffing;
		this.tasks = tasks;
		this.audit = audit;
		this.time = time;
	}

	/** A goal as the form sends it. */
	public record GoalForm(RecoveryMeasure measure, BigDecimal target, LocalDate dueOn) {
	}

	/** An action of the plan: a task for someone. */
	public record ActionForm(String title, Long assigneeId, LocalDate dueDate) {
	}

	public record PlanForm(String title, LocalDate endsOn, List<GoalForm> goals, List<ActionForm> actions) {

		public PlanForm {
			goals = goals == null ? List.of() : List.copyOf(goals);
			actions = actions == null ? List.of() : List.copyOf(actions);
		}
	}

	/** Whether the user may make or close plans at the account. */
	public boolean canManage(AccountDetails account, CurrentUser user) {
		return account.access().viewHealth() && (user.hasRole(Role.EXECUTIVE, Role.SALES_DIRECTOR)
				|| user.hasRole(Role.ACCOUNT_MANAGER) && Long.valueOf(user.id()).equals(account.ownerId()));
	}

	/**
	 * Makes the account's recovery plan: baselines from today's facts, its actions as
	 * tasks.
	 * @throws InvalidInputException naming {@code title}, {@code endsOn},
	 * {@code goals[i].target}, {@code goals[i].dueOn}, {@code actions[i].title} or
	 * {@code plan} (an active plan exists)
	 */
	@Transactional
	public PlanProgress create(long accountId, PlanForm form, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		if (!canManage(account, user)) {
			throw new AccessDeniedException(
					"Only executives, sales directors and the account's manager make recovery plans");
		}
		LocalDate today = time.organizationToday();
		List<FieldError> errors = new ArrayList<>();
		if (form.title() == null || form.title().isBlank()) {
			errors.add(new FieldError("title", "is required"));
		}
		else if (form.title().length() > 200) {
			errors.add(new FieldError("title", "is at most 200 characters"));
		}
		if (form.endsOn() == null) {
			errors.add(new FieldError("endsOn", "is required"));
		}
		else if (!form.endsOn().isAfter(today)) {
			errors.add(new FieldError("endsOn", "must be after today"));
		}
		if (form.goals().isEmpty()) {
			errors.add(new FieldError("goals", "a plan needs at least one goal"));
		}
		for (int i = 0; i < form.goals().size(); i++) {
			GoalForm g = form.goals().get(i);
			if (g.measure() == null) {
				errors.add(new FieldError("goals[" + i + "].measure", "is required"));
			}
			if (g.target() == null && g.measure() != RecoveryMeasure.RENEWAL) {
				errors.add(new FieldError("goals[" + i + "].target", "is required"));
			}
			else if (g.measure() == RecoveryMeasure.HEALTH && !between(g.target(), 0, 100)) {
				errors.add(new FieldError("goals[" + i + "].target", "a health score is 0 to 100"));
			}
			else if (g.measure() == RecoveryMeasure.NPS && !between(g.target(), -100, 100)) {
				errors.add(new FieldError("goals[" + i + "].target", "an NPS is −100 to 100"));
			}
			else if ((g.measure() == RecoveryMeasure.TIME_TO_FILL || g.measure() == RecoveryMeasure.FALLOFFS)
					&& g.target().signum() < 0) {
				errors.add(new FieldError("goals[" + i + "].target", "cannot be negative"));
			}
			if (g.dueOn() == null) {
				errors.add(new FieldError("goals[" + i + "].dueOn", "is required"));
			}
			else if (g.dueOn().isBefore(today)) {
				errors.add(new FieldError("goals[" + i + "].dueOn", "cannot be in the past"));
			}
		}
		for (int i = 0; i < form.actions().size(); i++) {
			ActionForm a = form.actions().get(i);
			if (a.title() == null || a.title().isBlank()) {
				errors.add(new FieldError("actions[" + i + "].title", "is required"));
			}
			if (a.dueDate() == null) {
				errors.add(new FieldError("actions[" + i + "].dueDate", "is required"));
			}
		}
		if (jdbc.sql("select exists(select 1 from recovery_plan where account_id = :a and status = 'ACTIVE')")
			.param("a", accountId)
			.query(Boolean.class)
			.single()) {
			errors.add(new FieldError("plan", account.name() + " has an active recovery plan; close it first"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		StrategicAccount strategic = strategicAccounts.one(accountId, user);
		Baseline baseline = baseline(account, strategic, today);
		Instant now = time.now();
		long id = jdbc
			.sql("""
					insert into recovery_plan (account_id, title, status, starts_on, ends_on, owner_id, created_at, created_by,
					                           updated_at, updated_by)
					values (:a, :title, 'ACTIVE', :starts, :ends, :owner, :now, :by, :now, :by) returning id""")
			.param("a", accountId)
			.param("title", form.title().trim())
			.param("starts", today)
			.param("ends", form.endsOn())
			.param("owner", user.id())
			.param("now", Timestamp.from(now))
			.param("by", user.username())
			.query(Long.class)
			.single();
		int position = 0;
		for (GoalForm g : form.goals()) {
			jdbc.sql("""
					insert into recovery_goal (plan_id, position, measure, baseline, target, due_on)
					values (:plan, :position, :measure, :baseline, :target, :due)""")
				.param("plan", id)
				.param("position", position++)
				.param("measure", g.measure().name())
				.param("baseline", baseline.of(g.measure()))
				.param("target", g.measure() == RecoveryMeasure.RENEWAL ? BigDecimal.ONE : g.target())
				.param("due", g.dueOn())
				.update();
		}
		List<TaskForm> actions = form.actions()
			.stream()
			.map(a -> new TaskForm(a.title().trim(), "Recovery plan: " + form.title().trim(), a.assigneeId(), accountId,
					ENTITY, id, a.dueDate(), null, 0, TaskPriority.HIGH, null))
			.toList();
		if (!actions.isEmpty()) {
			tasks.createAll(actions, user);
		}
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("accountId", accountId);
		state.put("title", form.title().trim());
		state.put("endsOn", form.endsOn());
		state.put("goals", form.goals().stream().map(g -> g.measure().label() + " → " + g.target()).toList());
		audit.recordCreated(ENTITY, id, state, user);
		return active(List.of(strategicAccounts.one(accountId, user)), Map.of()).get(accountId);
	}

	/**
	 * Closes the plan ({@code ACHIEVED} or {@code CLOSED}); a stale version is refused.
	 */
	@Transactional
	public void close(long planId, boolean achieved, long version, CurrentUser user) {
		Long accountId = jdbc.sql("select account_id from recovery_plan where id = :id")
			.param("id", planId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Recovery plan", planId));
		AccountDetails account = accounts.get(accountId, user);
		if (!canManage(account, user)) {
			throw new AccessDeniedException(
					"Only executives, sales directors and the account's manager close recovery plans");
		}
		String status = achieved ? "ACHIEVED" : "CLOSED";
		int changed = jdbc.sql("""
				update recovery_plan set status = :status, version = version + 1, updated_at = :now, updated_by = :by
				 where id = :id and version = :version and status = 'ACTIVE'""")
			.param("status", status)
			.param("now", Timestamp.from(time.now()))
			.param("by", user.username())
			.param("id", planId)
			.param("version", version)
			.update();
		if (changed == 0) {
			long current = jdbc.sql("select version from recovery_plan where id = :id")
				.param("id", planId)
				.query(Long.class)
				.single();
			throw new StaleVersionException("Recovery plan", planId, version, current);
		}
		audit.recordChanges(ENTITY, planId, List.of(new FieldChange("status", "ACTIVE", status)), user);
	}

	/**
	 * The active plans of these accounts with their goals measured now, in two or three
	 * statements whatever their number (plans with goals; NPS unless given; delivery
	 * since each plan began); health and contract end as the accounts were read.
	 * @param knownNps NPS facts already read for these accounts (may be empty)
	 */
	@Transactional(readOnly = true)
	public Map<Long, PlanProgress> active(Collection<StrategicAccount> accounts, Map<Long, NpsFacts> knownNps) {
		Map<Long, PlanProgress> result = new HashMap<>();
		if (accounts.isEmpty()) {
			return result;
		}
		Map<Long, StrategicAccount> byId = new HashMap<>();
		accounts.forEach(a -> byId.put(a.id(), a));
		record Row(long id, long accountId, String title, LocalDate starts, LocalDate ends, long owner,
				String ownerName, long version, List<Object[]> goals) {
		}
		Map<Long, Row> plans = new LinkedHashMap<>();
		jdbc.sql("""
				select p.id, p.account_id, p.title, p.starts_on, p.ends_on, p.owner_id, u.full_name, p.version,
				       g.measure, g.baseline, g.target, g.due_on
				  from recovery_plan p
				  left join app_user u on u.id = p.owner_id
				  join recovery_goal g on g.plan_id = p.id
				 where p.status = 'ACTIVE' and p.account_id = any(:ids)
				 order by p.id, g.position""")
			.param("ids", new SqlArrayValue("bigint", byId.keySet().toArray()))
			.query(rs -> {
				long id = rs.getLong("id");
				Row row = plans.computeIfAbsent(id, k -> {
					try {
						return new Row(id, rs.getLong("account_id"), rs.getString("title"),
								rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
								rs.getLong("owner_id"), rs.getString("full_name"), rs.getLong("version"),
								new ArrayList<>());
					}
					catch (java.sql.SQLException e) {
						throw new IllegalStateException(e);
					}
				});
				row.goals()
					.add(new Object[] { RecoveryMeasure.valueOf(rs.getString("measure")), rs.getBigDecimal("baseline"),
							rs.getBigDecimal("target"), rs.getDate("due_on").toLocalDate() });
			});
		if (plans.isEmpty()) {
			return result;
		}
		LocalDate today = time.organizationToday();
		List<Long> planAccounts = plans.values().stream().map(Row::accountId).toList();
		Map<Long, NpsFacts> nps = new HashMap<>(knownNps);
		if (!nps.keySet().containsAll(planAccounts)) {
			nps.putAll(engagement.nps(today, 180, AccountScope.of(planAccounts)));
		}
		Map<Long, LocalDate> since = new HashMap<>();
		plans.values().forEach(p -> since.put(p.accountId(), p.starts()));
		Map<Long, DeliverySince> delivery = staffing.deliverySince(since, today);
		for (Row p : plans.values()) {
			NpsFacts n = nps.get(p.accountId());
			DeliverySince d = delivery.get(p.accountId());
			StrategicAccount account = byId.get(p.accountId());
			List<PlanProgress.Goal> goals = new ArrayList<>();
			for (Object[] g : p.goals()) {
				RecoveryMeasure measure = (RecoveryMeasure) g[0];
				BigDecimal current = switch (measure) {
					case HEALTH -> account.healthScore() == null ? null : BigDecimal.valueOf(account.healthScore());
					case NPS -> n == null || n.accountNps() == null ? null : BigDecimal.valueOf(n.accountNps());
					case TIME_TO_FILL -> d == null ? null : d.averageDaysToFill();
					case FALLOFFS -> BigDecimal.valueOf(d == null ? 0 : d.falloffs());
					case RENEWAL ->
						account.renewalDate() == null ? null : BigDecimal.valueOf(account.renewalDate().toEpochDay());
				};
				goals.add(goal(measure, (BigDecimal) g[1], (BigDecimal) g[2], (LocalDate) g[3], current, p.starts()));
			}
			int progress = (int) Math
				.round(goals.stream().mapToInt(PlanProgress.Goal::progressPercent).average().orElse(0));
			result.put(p.accountId(), new PlanProgress(p.id(), p.accountId(), p.title(), "ACTIVE", p.starts(), p.ends(),
					p.owner(), p.ownerName(), List.copyOf(goals), progress, p.version()));
		}
		return result;
	}

	/**
	 * A goal measured: how far from baseline toward target the current value has come.
	 * Renewal is met once the contract ends later than it did when the plan was made (the
	 * baseline and current values are epoch days of the contract's end).
	 */
	static PlanProgress.Goal goal(RecoveryMeasure measure, BigDecimal baseline, BigDecimal target, LocalDate dueOn,
			BigDecimal current, LocalDate since) {
		if (measure == RecoveryMeasure.RENEWAL) {
			boolean renewed = current != null && baseline != null && current.compareTo(baseline) > 0;
			String note = renewed ? "Renewed: the contract now ends " + LocalDate.ofEpochDay(current.longValue())
					: baseline == null ? "No active contract when the plan began"
							: "Not yet renewed (ends " + LocalDate.ofEpochDay(baseline.longValue()) + ")";
			return new PlanProgress.Goal(measure, null, BigDecimal.ONE, dueOn,
					renewed ? BigDecimal.ONE : BigDecimal.ZERO, renewed, renewed ? 100 : 0, note);
		}
		if (current == null) {
			String note = switch (measure) {
				case NPS -> "No NPS response in the last 90 days";
				case TIME_TO_FILL -> "No job filled since " + since;
				default -> "No score yet";
			};
			return new PlanProgress.Goal(measure, baseline, target, dueOn, null, false, 0, note);
		}
		boolean higher = measure.higherIsBetter();
		boolean met = higher ? current.compareTo(target) >= 0 : current.compareTo(target) <= 0;
		int progress;
		if (met) {
			progress = 100;
		}
		else if (baseline == null || baseline.compareTo(target) == 0) {
			progress = 0;
		}
		else {
			BigDecimal moved = higher ? current.subtract(baseline) : baseline.subtract(current);
			BigDecimal needed = higher ? target.subtract(baseline) : baseline.subtract(target);
			progress = needed.signum() <= 0 ? 0 : Math.max(0, Math.min(99,
					moved.multiply(BigDecimal.valueOf(100)).divide(needed, 0, RoundingMode.DOWN).intValue()));
		}
		String note = measure == RecoveryMeasure.FALLOFFS ? current.intValue() + " since " + since
				: baseline == null ? "Now " + current.stripTrailingZeros().toPlainString() + measure.unit()
						: baseline.stripTrailingZeros().toPlainString() + " → "
								+ current.stripTrailingZeros().toPlainString() + measure.unit() + " (target "
								+ target.stripTrailingZeros().toPlainString() + measure.unit() + ")";
		return new PlanProgress.Goal(measure, baseline, target, dueOn, current, met, progress, note);
	}

	/** Today's values, recorded as each goal's baseline. */
	private Baseline baseline(AccountDetails account, StrategicAccount strategic, LocalDate today) {
		NpsFacts nps = engagement.nps(today, 180, AccountScope.of(List.of(account.id()))).get(account.id());
		DeliverySince delivery = staffing.deliverySince(Map.of(account.id(), today.minusDays(90)), today)
			.get(account.id());
		LocalDate renewal = strategic.renewalDate();
		Integer health = strategic.healthScore();
		return new Baseline(health == null ? null : BigDecimal.valueOf(health),
				nps == null || nps.accountNps() == null ? null : BigDecimal.valueOf(nps.accountNps()),
				delivery == null ? null : delivery.averageDaysToFill(),
				BigDecimal.valueOf(delivery == null ? 0 : delivery.falloffs()),
				renewal == null ? null : BigDecimal.valueOf(renewal.toEpochDay()));
	}

	private record Baseline(BigDecimal health, BigDecimal nps, BigDecimal timeToFill, BigDecimal falloffs90,
			BigDecimal renewal) {

		BigDecimal of(RecoveryMeasure measure) {
			return switch (measure) {
				case HEALTH -> health;
				case NPS -> nps;
				case TIME_TO_FILL -> timeToFill;
				case FALLOFFS -> falloffs90;
				case RENEWAL -> renewal;
			};
		}
	}

	private static boolean between(BigDecimal value, int min, int max) {
		return value != null && value.compareTo(BigDecimal.valueOf(min)) >= 0
				&& value.compareTo(BigDecimal.valueOf(max)) <= 0;
	}

}
