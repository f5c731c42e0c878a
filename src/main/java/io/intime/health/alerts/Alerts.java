package io.intime.health.alerts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.intime.accounts.AccountArchived;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountManagement.Stewards;
import io.intime.accounts.HealthBand;
import io.intime.health.HealthAlertCleared;
import io.intime.health.HealthAlertRaised;
import io.intime.health.HealthNotificationKinds;
import io.intime.identity.AuditTrail;
import io.intime.health.Citations;
import io.intime.health.HealthRules;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
import io.intime.shared.Actor;
import io.intime.shared.CurrencyRates;
import io.intime.shared.Money;
import io.intime.shared.Today;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Health alerts: raised when a rule starts to hold for an account, for its owner and
 * (strategic accounts) its executive sponsor; never a second unresolved alert for the
 * same account and rule; cleared (resolved as {@code CLEARED}) when the condition stops
 * holding; acknowledged or resolved by the people it is for. {@link #sync} works on many
 * accounts in a few statements, so a full recompute of every account evaluates the rules
 * set-based, and publishes {@link HealthAlertRaised} and {@link HealthAlertCleared} for
 * the alerts it raised and cleared.
 */
@Service
public class Alerts {

	static final String ENTITY = "health_alert";

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Today time;

	private final HealthRules rules;

	private final CurrencyRates rates;

	private final Notifications notifications;

	Alerts(JdbcClient jdbc, AccountManagement accounts, UserDirectory users, AuditTrail audit,
			ApplicationEventPublisher events, Today time, HealthRules rules, CurrencyRates rates,
			Notifications notifications) {
		this.rates = rates;
		this.notifications = notifications;
		this.time = time;
		this.rules = rules;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.users = users;
		this.audit = audit;
		this.events = events;
	}

	// ------------------------------------------------------------------ rules → alerts

	/** What {@link #sync} did. */
	public record SyncResult(int raised, int updated, int cleared) {
	}

	/**
	 * Brings the alerts of these accounts in line with the rules: raises alerts for
	 * conditions that hold and have no unresolved alert, refreshes the reason and
	 * severity of those that still hold, and clears those whose condition no longer
	 * holds.
	 */
	@Transactional
	public SyncResult sync(List<AlertSituation> situations, AlertThresholds thresholds) {
		if (situations.isEmpty()) {
			return new SyncResult(0, 0, 0);
		}
		return sync(situations, thresholds,
				accounts.stewards(situations.stream().map(AlertSituation::accountId).toList()));
	}

	/**
	 * As {@link #sync(List, AlertThresholds)}, for a caller that has already read who
	 * looks after these accounts (the health recompute does, to know which are
	 * strategic).
	 */
	@Transactional
	public SyncResult sync(List<AlertSituation> situations, AlertThresholds thresholds, Map<Long, Stewards> stewards) {
		return sync(situations, thresholds, stewards, accountId -> Actor.SYSTEM);
	}

	/**
	 * As {@link #sync(List, AlertThresholds, Map)}, publishing {@link HealthAlertRaised}
	 * and {@link HealthAlertCleared} for each alert raised or cleared, with the actor
	 * that {@code actors} gives for its account (who caused the recompute).
	 */
	@Transactional
	public SyncResult sync(List<AlertSituation> situations, AlertThresholds thresholds, Map<Long, Stewards> stewards,
			Function<Long, Actor> actors) {
		if (situations.isEmpty()) {
			return new SyncResult(0, 0, 0);
		}
		Map<Long, AlertSituation> byAccount = new HashMap<>();
		situations.forEach(s -> byAccount.put(s.accountId(), s));
		Map<Key, AlertCondition> holding = new HashMap<>();
		for (AlertSituation situation : situations) {
			for (AlertCondition condition : AlertRules.evaluate(situation, thresholds)) {
				holding.put(new Key(situation.accountId(), condition.rule()), condition);
			}
		}
		List<Open> open = jdbc.sql("""
				select id, account_id, rule, from_band, severity, reason from health_alert
				where status <> 'RESOLVED' and account_id = any(:ids)""")
			.param("ids", new SqlArrayValue("bigint", byAccount.keySet().toArray()))
			.query((rs, i) -> new Open(rs.getLong("id"), rs.getLong("account_id"),
					AlertRule.valueOf(rs.getString("rule")),
					rs.getString("from_band") == null ? null : HealthBand.valueOf(rs.getString("from_band")),
					rs.getString("severity"), rs.getString("reason")))
			.list();
		List<Long> cleared = new ArrayList<>();
		List<Long> updatedIds = new ArrayList<>();
		List<String> updatedSeverities = new ArrayList<>();
		List<String> updatedReasons = new ArrayList<>();
		Set<Key> alreadyOpen = new HashSet<>();
		for (Open alert : open) {
			Key key = new Key(alert.accountId(), alert.rule());
			alreadyOpen.add(key);
			AlertCondition condition = holding.get(key);
			if (condition != null && alert.rule() == AlertRule.BAND_DROP) {
				// A further drop while the first is open: one alert, from where the
				// account was.
				AlertSituation now = byAccount.get(alert.accountId());
				condition = new AlertCondition(AlertRule.BAND_DROP, condition.severity(), "Health dropped from "
						+ alert.fromBand().label() + " to " + now.band().label() + " (" + now.score() + "/100)",
						condition.evidenceHref());
			}
			boolean holds = alert.rule() == AlertRule.BAND_DROP
					? AlertRules.bandDropStillHolds(alert.fromBand(), byAccount.get(alert.accountId()).band())
					: condition != null;
			if (!holds) {
				cleared.add(alert.id());
			}
			else if (condition != null && (!condition.reason().equals(alert.reason())
					|| !condition.severity().name().equals(alert.severity()))) {
				updatedIds.add(alert.id());
				updatedSeverities.add(condition.severity().name());
				updatedReasons.add(condition.reason());
			}
		}
		List<Object[]> raised = new ArrayList<>();
		holding.forEach((key, condition) -> {
			if (alreadyOpen.contains(key)) {
				return;
			}
			Stewards who = stewards.get(key.accountId());
			if (who == null) {
				return;
			}
			AlertSituation situation = byAccount.get(key.accountId());
			raised.add(new Object[] { key.accountId(), key.rule().name(), condition.severity().name(),
					condition.reason(), condition.evidenceHref(),
					key.rule() == AlertRule.BAND_DROP ? situation.previousBand().name() : null, recipients(who) });
		});
		Instant now = time.now();
		if (!cleared.isEmpty()) {
			jdbc.sql("""
					update health_alert set status = 'RESOLVED', resolution = 'CLEARED', resolved_at = now(),
					       updated_at = now(), version = version + 1
					where id = any(:ids) returning id, account_id, rule""")
				.param("ids", new SqlArrayValue("bigint", cleared.toArray()))
				.query((rs, i) -> new HealthAlertCleared(rs.getLong("id"), rs.getLong("account_id"),
						rs.getString("rule"), actors.apply(rs.getLong("account_id")), now))
				.list()
				.forEach(events::publishEvent);
		}
		if (!updatedIds.isEmpty()) {
			jdbc.sql("""
					update health_alert a set severity = u.severity, reason = u.reason, updated_at = now(),
					       version = a.version + 1
					from unnest(:ids, :severities, :reasons) as u(id, severity, reason) where a.id = u.id""")
				.param("ids", new SqlArrayValue("bigint", updatedIds.toArray()))
				.param("severities", new SqlArrayValue("varchar", updatedSeverities.toArray()))
				.param("reasons", new SqlArrayValue("varchar", updatedReasons.toArray()))
				.update();
		}
		for (int from = 0; from < raised.size(); from += 5_000) {
			insert(raised.subList(from, Math.min(raised.size(), from + 5_000)), stewards, actors, now);
		}
		return new SyncResult(raised.size(), updatedIds.size(), cleared.size());
	}

	/**
	 * An archived account leaves the scores: its open and acknowledged alerts are cleared
	 * (kept, resolved as {@code CLEARED}), after the archive committed.
	 */
	@ApplicationModuleListener
	void on(AccountArchived event) {
		clearAll(event.accountId());
	}

	/** Clears every unresolved alert of an account; how many. */
	@Transactional
	public int clearAll(long accountId) {
		return jdbc.sql("""
				update health_alert set status = 'RESOLVED', resolution = 'CLEARED', resolved_at = now(),
				       updated_at = now(), version = version + 1
				where account_id = :account and status <> 'RESOLVED'""").param("account", accountId).update();
	}

	/**
	 * Recipients as a PostgreSQL array literal, e.g. {3,9}: the owner and, for strategic
	 * accounts, the sponsor.
	 */
	private static String recipients(Stewards who) {
		Set<Long> ids = new LinkedHashSet<>();
		if (who.ownerId() != null) {
			ids.add(who.ownerId());
		}
		if (who.strategic() && who.executiveSponsorId() != null) {
			ids.add(who.executiveSponsorId());
		}
		StringBuilder literal = new StringBuilder("{");
		ids.forEach(id -> literal.append(literal.length() > 1 ? "," : "").append(id));
		return literal.append('}').toString();
	}

	private void insert(List<Object[]> rows, Map<Long, Stewards> stewards, Function<Long, Actor> actors, Instant now) {
		int n = rows.size();
		Object[][] columns = new Object[7][n];
		for (int i = 0; i < n; i++) {
			for (int c = 0; c < 7; c++) {
				columns[c][i] = rows.get(i)[c];
			}
		}
		// A concurrent sync of the same account may have raised the same alert a moment
		// ago; the
		// partial unique index keeps it single and this insert skips it.
		List<HealthAlertRaised> inserted = jdbc.sql("""
				insert into health_alert (account_id, rule, severity, reason, evidence_href, from_band, recipient_ids)
				select account_id, rule, severity, reason, href, from_band, recipients::bigint[]
				from unnest(:accounts, :rules, :severities, :reasons, :hrefs, :fromBands, :recipients)
				     as r(account_id, rule, severity, reason, href, from_band, recipients)
				on conflict (account_id, rule) where status <> 'RESOLVED' do nothing
				returning id, account_id, rule, severity, reason, recipient_ids""")
			.param("accounts", new SqlArrayValue("bigint", columns[0]))
			.param("rules", new SqlArrayValue("varchar", columns[1]))
			.param("severities", new SqlArrayValue("varchar", columns[2]))
			.param("reasons", new SqlArrayValue("varchar", columns[3]))
			.param("hrefs", new SqlArrayValue("varchar", columns[4]))
			.param("fromBands", new SqlArrayValue("varchar", columns[5]))
			.param("recipients", new SqlArrayValue("varchar", columns[6]))
			.query((rs, i) -> new HealthAlertRaised(rs.getLong("id"), rs.getLong("account_id"), rs.getString("rule"),
					rs.getString("severity"), rs.getString("reason"),
					Arrays.asList((Long[]) rs.getArray("recipient_ids").getArray()),
					actors.apply(rs.getLong("account_id")), now))
			.list();
		inserted.forEach(events::publishEvent);
		notifications.sendAll(inserted.stream().map(alert -> notice(alert, stewards.get(alert.accountId()))).toList());
	}

	/**
	 * The notice of a raised alert, to the people the alert is for. Its words cite no
	 * other module's record (an invoice's number): a notice is written once for all its
	 * recipients and read outside the pages that check each reader.
	 */
	static Notice notice(HealthAlertRaised alert, Stewards account) {
		AlertRule rule = AlertRule.valueOf(alert.rule());
		String reason = Citations.render(alert.reason(), Set.of());
		String name = account == null ? "Account " + alert.accountId() : account.name();
		String link = "/accounts/" + alert.accountId() + "/health";
		String body = rule.label() + " (" + alert.severity().toLowerCase(Locale.ROOT) + "): " + reason
				+ ".\n\nOpen the account's health page to see the facts behind it and to acknowledge or resolve the alert.";
		NotificationSeverity severity = switch (AlertSeverity.valueOf(alert.severity())) {
			case CRITICAL, HIGH -> NotificationSeverity.HIGH;
			case MEDIUM -> NotificationSeverity.NORMAL;
			case LOW -> NotificationSeverity.LOW;
		};
		return new Notice(
				rule == AlertRule.BAND_DROP ? HealthNotificationKinds.BAND_DROPPED
						: HealthNotificationKinds.ALERT_RAISED,
				alert.accountId(), ENTITY, alert.alertId(), "raised:" + alert.alertId(), name + ": " + reason, body,
				link, severity, Set.copyOf(alert.recipientIds()), alert.actor());
	}

	private record Key(long accountId, AlertRule rule) {
	}

	private record Open(long id, long accountId, AlertRule rule, HealthBand fromBand, String severity, String reason) {
	}

	// ------------------------------------------------------------------ reading

	/**
	 * The alerts addressed to the user; {@code status} null means the unresolved ones
	 * (OPEN and ACKNOWLEDGED). Unresolved alerts come in triage order ({@link #triage}):
	 * grouped by account, the accounts by their most urgent alert's priority, then by how
	 * many alerts they have at it and by ARR at stake; resolved ones most severe, then
	 * most recently raised, first.
	 */
	@Transactional(readOnly = true)
	public PageResult<AlertView> mine(AlertStatus status, PageRequest page, CurrentUser user) {
		String where = " where " + FOR_ME + " and " + (status == null ? "status <> 'RESOLVED'" : "status = :status");
		Map<String, Object> params = new HashMap<>();
		params.put("me", user.id());
		params.put("followed", followed(user));
		if (status != null) {
			params.put("status", status.name());
		}
		if (status != AlertStatus.RESOLVED) {
			// The unresolved alerts of one person: at most one per rule and account they
			// look after, so all of them are read and put in order here.
			List<AlertView> all = triage(views(jdbc.sql("select * from health_alert" + where + " " + ORDER)
				.params(params)
				.query((rs, i) -> Row.of(rs))
				.list(), user));
			int from = (int) Math.min(all.size(), page.offset());
			return new PageResult<>(all.subList(from, (int) Math.min(all.size(), from + (long) page.size())),
					all.size(), page.page(), page.size());
		}
		long total = jdbc.sql("select count(*) from health_alert" + where).params(params).query(Long.class).single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<Row> rows = jdbc.sql("select * from health_alert" + where + " " + ORDER + " limit :limit offset :offset")
			.params(params)
			.query((rs, i) -> Row.of(rs))
			.list();
		return new PageResult<>(views(rows, user), total, page.page(), page.size());
	}

	/**
	 * The alerts for a user: addressed to them, or of a rule they follow
	 * ({@link HealthRules#followedRules}).
	 */
	private static final String FOR_ME = "(:me = any(recipient_ids) or rule = any(:followed))";

	private SqlArrayValue followed(CurrentUser user) {
		return new SqlArrayValue("varchar", rules.followedRules(user).stream().map(Enum::name).toArray());
	}

	/** How many unresolved alerts are addressed to the user (the navigation badge). */
	@Transactional(readOnly = true)
	public long openCount(CurrentUser user) {
		return jdbc.sql("select count(*) from health_alert where " + FOR_ME + " and status = 'OPEN'")
			.param("me", user.id())
			.param("followed", followed(user))
			.query(Long.class)
			.single();
	}

	/**
	 * The alerts of one account, unresolved first, then the resolved ones of the last 90
	 * days.
	 * @throws NotFoundException when there is no such account
	 * @throws AccessDeniedException when the user may not see it
	 */
	@Transactional(readOnly = true)
	public List<AlertView> forAccount(long accountId, CurrentUser user) {
		rules.requireView(accounts.get(accountId, user), user);
		List<Row> rows = jdbc
			.sql("select * from health_alert where account_id = :account"
					+ " and (status <> 'RESOLVED' or resolved_at > now() - interval '90 days') " + ORDER + " limit 100")
			.param("account", accountId)
			.query((rs, i) -> Row.of(rs))
			.list();
		return views(rows, user);
	}

	/**
	 * Alerts in triage order: grouped by account, the accounts by their most urgent
	 * alert's priority, then by how many alerts they have at that priority, then by ARR
	 * (in USD) and name; within an account open before acknowledged, then by priority and
	 * newest first.
	 */
	List<AlertView> triage(List<AlertView> alerts) {
		Map<Long, AlertSeverity> worst = new HashMap<>();
		alerts.forEach(a -> worst.merge(a.accountId(), a.priority(), (x, y) -> x.compareTo(y) <= 0 ? x : y));
		Map<Long, Integer> atWorst = new HashMap<>();
		alerts.stream()
			.filter(a -> a.priority() == worst.get(a.accountId()))
			.forEach(a -> atWorst.merge(a.accountId(), 1, Integer::sum));
		Comparator<AlertView> order = Comparator.<AlertView, AlertSeverity>comparing(a -> worst.get(a.accountId()))
			.thenComparing(a -> atWorst.get(a.accountId()), Comparator.reverseOrder())
			.thenComparing(a -> usd(a.arr()), Comparator.reverseOrder())
			.thenComparing(AlertView::accountName)
			.thenComparingLong(AlertView::accountId)
			.thenComparing(AlertView::status)
			.thenComparing(AlertView::priority)
			.thenComparing(AlertView::raisedAt, Comparator.reverseOrder())
			.thenComparing(AlertView::id, Comparator.reverseOrder());
		return alerts.stream().sorted(order).toList();
	}

	private BigDecimal usd(Money arr) {
		return arr == null || !rates.supports(arr.currency()) ? BigDecimal.ZERO : rates.convert(arr, "USD").amount();
	}

	private static final String ORDER = """
			order by case status when 'OPEN' then 0 when 'ACKNOWLEDGED' then 1 else 2 end,
			         case severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, raised_at desc, id desc""";

	/** One alert. */
	@Transactional(readOnly = true)
	public AlertView get(long id, CurrentUser user) {
		Row row = load(id);
		rules.requireView(accounts.get(row.accountId(), user), user);
		return views(List.of(row), user).get(0);
	}

	// ------------------------------------------------------------------ acting

	/**
	 * Marks the alert as seen and being handled. Its recipients, executives, sales
	 * directors and admins may; a stale {@code version} is a conflict.
	 */
	@Transactional
	public AlertView acknowledge(long id, long version, CurrentUser user) {
		return change(id, version, user, AlertStatus.ACKNOWLEDGED);
	}

	/**
	 * Resolves the alert by hand (resolution {@code USER}); the same rules as
	 * {@link #acknowledge}.
	 */
	@Transactional
	public AlertView resolve(long id, long version, CurrentUser user) {
		return change(id, version, user, AlertStatus.RESOLVED);
	}

	private AlertView change(long id, long version, CurrentUser user, AlertStatus target) {
		Row row = load(id);
		if (!rules.canActOnAlert(Set.copyOf(row.recipientIds()), row.rule(), user)) {
			throw new AccessDeniedException("Only the people this alert is for can "
					+ (target == AlertStatus.RESOLVED ? "resolve" : "acknowledge") + " it");
		}
		if (row.version() != version) {
			throw new StaleVersionException(ENTITY, id, version, row.version());
		}
		if (row.status() == AlertStatus.RESOLVED) {
			throw new InvalidInputException(List.of(new FieldError("status", "This alert is already resolved")));
		}
		if (row.status() == target) {
			return views(List.of(row), user).get(0);
		}
		// The version check is part of the write: of two changes made from the same
		// version, the
		// second waits for the first's lock, then finds the version moved on and changes
		// nothing.
		int changed;
		if (target == AlertStatus.ACKNOWLEDGED) {
			changed = jdbc.sql("""
					update health_alert set status = 'ACKNOWLEDGED', acknowledged_at = now(), acknowledged_by = :me,
					       updated_at = now(), version = version + 1 where id = :id and version = :version""")
				.param("me", user.id())
				.param("id", id)
				.param("version", version)
				.update();
		}
		else {
			changed = jdbc
				.sql("""
						update health_alert set status = 'RESOLVED', resolution = 'USER', resolved_at = now(), resolved_by = :me,
						       updated_at = now(), version = version + 1 where id = :id and version = :version""")
				.param("me", user.id())
				.param("id", id)
				.param("version", version)
				.update();
		}
		if (changed == 0) {
			throw new StaleVersionException(ENTITY, id, version, load(id).version());
		}
		audit.recordChanges(ENTITY, id, List.of(new FieldChange("status", row.status().name(), target.name())), user);
		return views(List.of(load(id)), user).get(0);
	}

	private Row load(long id) {
		return jdbc.sql("select * from health_alert where id = :id")
			.param("id", id)
			.query((rs, i) -> Row.of(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(ENTITY, id));
	}

	// ------------------------------------------------------------------ thresholds

	/** The thresholds the rules use now, with the settings' version for an edit. */
	@Transactional(readOnly = true)
	public Settings settings() {
		return jdbc.sql("select * from health_alert_settings where id = 1")
			.query((rs, i) -> new Settings(
					new AlertThresholds(rs.getInt("nps_drop_points"), rs.getInt("touchpoint_days_strategic"),
							rs.getInt("touchpoint_days_other"), rs.getInt("no_hiring_days"),
							rs.getInt("invoice_overdue_days"), rs.getInt("escalations_per_month")),
					rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
			.single();
	}

	/** The thresholds and their version. */
	public record Settings(AlertThresholds thresholds, long version, Instant updatedAt, String updatedBy) {
	}

	/**
	 * Changes the thresholds (admins only). Every threshold is a whole number of at least
	 * 1; days at most 365, NPS points at most 200, escalations at most 100.
	 */
	@Transactional
	public Settings updateSettings(AlertThresholds changed, long version, CurrentUser user) {
		if (!user.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins change the alert thresholds");
		}
		List<FieldError> errors = new ArrayList<>();
		check(errors, "npsDropPoints", changed.npsDropPoints(), 200);
		check(errors, "touchpointDaysStrategic", changed.touchpointDaysStrategic(), 365);
		check(errors, "touchpointDaysOther", changed.touchpointDaysOther(), 365);
		check(errors, "noHiringDays", changed.noHiringDays(), 365);
		check(errors, "invoiceOverdueDays", changed.invoiceOverdueDays(), 365);
		check(errors, "escalationsPerMonth", changed.escalationsPerMonth(), 100);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Settings current = settings();
		if (current.version() != version) {
			throw new StaleVersionException(ENTITY + "_settings", 1L, version, current.version());
		}
		AlertThresholds before = current.thresholds();
		int saved = jdbc.sql("""
				update health_alert_settings set nps_drop_points = :nps, touchpoint_days_strategic = :strategic,
				       touchpoint_days_other = :other, no_hiring_days = :hiring, invoice_overdue_days = :invoice,
				       escalations_per_month = :escalations, version = version + 1, updated_at = now(), updated_by = :by
				where id = 1 and version = :version""")
			.param("nps", changed.npsDropPoints())
			.param("strategic", changed.touchpointDaysStrategic())
			.param("other", changed.touchpointDaysOther())
			.param("hiring", changed.noHiringDays())
			.param("invoice", changed.invoiceOverdueDays())
			.param("escalations", changed.escalationsPerMonth())
			.param("by", user.username())
			.param("version", version)
			.update();
		if (saved == 0) {
			// Someone saved between our read and our write (the check is part of the
			// write).
			throw new StaleVersionException(ENTITY + "_settings", 1L, version, settings().version());
		}
		audit.recordChanges(ENTITY + "_settings", 1L, FieldChange.between(asMap(before), asMap(changed)), user);
		return settings();
	}

	private static Map<String, Integer> asMap(AlertThresholds t) {
		return Map.of("npsDropPoints", t.npsDropPoints(), "touchpointDaysStrategic", t.touchpointDaysStrategic(),
				"touchpointDaysOther", t.touchpointDaysOther(), "noHiringDays", t.noHiringDays(), "invoiceOverdueDays",
				t.invoiceOverdueDays(), "escalationsPerMonth", t.escalationsPerMonth());
	}

	private static void check(List<FieldError> errors, String field, int value, int max) {
		if (value < 1 || value > max) {
			errors.add(new FieldError(field, "must be between 1 and " + max));
		}
	}

	// ------------------------------------------------------------------ rows → views

	private List<AlertView> views(List<Row> rows, CurrentUser reader) {
		Map<Long, Set<Citations.Source>> citable = new HashMap<>();
		Set<Long> accountIds = new HashSet<>();
		Set<Long> people = new HashSet<>();
		for (Row row : rows) {
			accountIds.add(row.accountId());
			citable.computeIfAbsent(row.accountId(), id -> citable(id, reader));
			if (row.acknowledgedBy() != null) {
				people.add(row.acknowledgedBy());
			}
			if (row.resolvedBy() != null) {
				people.add(row.resolvedBy());
			}
		}
		Map<Long, Stewards> names = accountIds.isEmpty() ? Map.of() : accounts.stewards(accountIds);
		Map<Long, UserSummary> users = people.isEmpty() ? Map.of() : this.users.findAll(people);
		Map<Long, Health> health = health(accountIds);
		return rows.stream().map(row -> {
			Stewards account = names.get(row.accountId());
			Health scored = health.get(row.accountId());
			boolean strategic = account != null && account.strategic();
			Money arr = account == null ? null : account.arr();
			HealthBand band = scored == null ? null : scored.band();
			return new AlertView(row.id(), row.accountId(),
					account != null ? account.name() : "Account " + row.accountId(), row.rule(), row.rule().label(),
					row.severity(),
					AlertTriage.priority(row.severity(), strategic, arr == null ? null : usd(arr), band),
					Citations.render(row.reason(), citable.get(row.accountId())), row.evidenceHref(), row.status(),
					row.recipientIds(), row.raisedAt(), row.acknowledgedAt(), nameOf(users, row.acknowledgedBy()),
					row.resolvedAt(), nameOf(users, row.resolvedBy()), row.resolution(), row.version(), strategic,
					scored == null ? null : scored.score(), band, arr);
		}).toList();
	}

	/** The current score of the accounts that have one (one statement). */
	private Map<Long, Health> health(Set<Long> accountIds) {
		Map<Long, Health> health = new HashMap<>();
		if (accountIds.isEmpty()) {
			return health;
		}
		jdbc.sql("select account_id, score, band from account_health where account_id = any(:ids)")
			.param("ids", new SqlArrayValue("bigint", accountIds.toArray()))
			.query((rs, i) -> new Health(rs.getLong(1), rs.getInt(2), HealthBand.valueOf(rs.getString(3))))
			.list()
			.forEach(h -> health.put(h.accountId(), h));
		return health;
	}

	private record Health(long accountId, int score, HealthBand band) {
	}

	/**
	 * What the reader may see of the records an alert of the account cites (nothing when
	 * not the account).
	 */
	private Set<Citations.Source> citable(long accountId, CurrentUser reader) {
		try {
			return rules.citable(accounts.get(accountId, reader), reader);
		}
		catch (AccessDeniedException | NotFoundException e) {
			return Set.of();
		}
	}

	private static String nameOf(Map<Long, UserSummary> users, Long id) {
		if (id == null) {
			return null;
		}
		UserSummary user = users.get(id);
		return user == null ? "a former user" : user.fullName();
	}

	private record Row(long id, long accountId, AlertRule rule, AlertSeverity severity, String reason,
			String evidenceHref, AlertStatus status, List<Long> recipientIds, Instant raisedAt, Instant acknowledgedAt,
			Long acknowledgedBy, Instant resolvedAt, Long resolvedBy, String resolution, long version) {

		static Row of(ResultSet rs) throws SQLException {
			Long[] recipients = (Long[]) rs.getArray("recipient_ids").getArray();
			return new Row(rs.getLong("id"), rs.getLong("account_id"), AlertRule.valueOf(rs.getString("rule")),
					AlertSeverity.valueOf(rs.getString("severity")), rs.getString("reason"),
					rs.getString("evidence_href"), AlertStatus.valueOf(rs.getString("status")),
					Arrays.asList(recipients), instant(rs.getTimestamp("raised_at")),
					instant(rs.getTimestamp("acknowledged_at")), (Long) rs.getObject("acknowledged_by", Long.class),
					instant(rs.getTimestamp("resolved_at")), (Long) rs.getObject("resolved_by", Long.class),
					rs.getString("resolution"), rs.getLong("version"));
		}

		private static Instant instant(Timestamp timestamp) {
			return timestamp == null ? null : timestamp.toInstant();
		}
	}

}
