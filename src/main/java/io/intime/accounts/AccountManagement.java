package io.intime.accounts;

import java.time.LocalDate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.intime.accounts.internal.Account;
import io.intime.accounts.internal.AccountRules;
import io.intime.accounts.internal.Accounts;
import io.intime.accounts.internal.Contract;
import io.intime.accounts.internal.Contracts;
import io.intime.accounts.internal.FormValidation;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.Actor;
import io.intime.shared.CurrencyRates;
import io.intime.shared.Editable;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client accounts: search, Account 360, create, change, archive, restore and purge,
 * ownership and tiers. Every change is checked against {@link AccountRules}, written to
 * the audit trail and published as an {@link AccountChanged} event.
 */
@Service
public class AccountManagement {

	static final String ENTITY = "account";

	private static final Map<String, String> SORTS = Map.of("name", "lower(a.name)", "key", "a.id", "arr",
			"a.arr_amount", "tier", "a.tier", "status", "a.status", "updated", "a.updated_at", "region", "a.region",
			"health", "a.health_score");

	private final Accounts accounts;

	private final Contracts contracts;

	private final AccountRules rules;

	private final FormValidation validation;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final CurrencyRates rates;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	AccountManagement(Accounts accounts, Contracts contracts, AccountRules rules, FormValidation validation,
			UserDirectory users, AuditTrail audit, CurrencyRates rates, ApplicationEventPublisher events,
			JdbcClient jdbc, Today time) {
		this.accounts = accounts;
		this.contracts = contracts;
		this.rules = rules;
		this.validation = validation;
		this.users = users;
		this.audit = audit;
		this.rates = rates;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * One page of the accounts the user may see, filtered and sorted; three SQL
	 * statements whatever the page size (the page, its total, and the owners' names).
	 */
	@Transactional(readOnly = true)
	public PageResult<AccountSummary> search(AccountQuery query, CurrentUser user) {
		PageRequest page = new PageRequest(query.page(), query.size());
		if (query.archived()) {
			AccountRules.require(rules.canRestore(user), "Only executives and admins list archived accounts");
		}
		StringBuilder where = new StringBuilder(
				query.archived() ? " where a.archived_at is not null" : " where a.archived_at is null");
		Map<String, Object> params = new HashMap<>();
		if (query.q() != null && !query.q().isBlank()) {
			where.append(" and (lower(a.name) like :q or lower(a.account_key) = :key)");
			params.put("q", "%" + likeEscape(query.q().trim().toLowerCase()) + "%");
			params.put("key", query.q().trim().toLowerCase());
		}
		if (query.tier() != null) {
			where.append(" and a.tier = :tier");
			params.put("tier", query.tier().name());
		}
		if (query.status() != null) {
			where.append(" and a.status = :status");
			params.put("status", query.status().name());
		}
		if (query.ownerId() != null) {
			where.append(" and a.owner_id = :owner");
			params.put("owner", query.ownerId());
		}
		if (query.strategic() != null) {
			where.append(" and a.strategic = :strategic");
			params.put("strategic", query.strategic());
		}
		// An account manager filters and sorts by the health of the accounts they own
		// only: the
		// others' health is not theirs to see, not even through a filter or an order.
		String ownHealth = "";
		if (!AccountRules.seesHealthOf(user, null)) {
			ownHealth = " and a.owner_id = :healthOwner";
			params.put("healthOwner", user.id());
		}
		if (query.band() != null) {
			where.append(" and a.health_band = :band").append(ownHealth);
			params.put("band", query.band().name());
		}
		if (query.healthMin() != null) {
			where.append(" and a.health_score >= :healthMin").append(ownHealth);
			params.put("healthMin", query.healthMin());
		}
		if (query.healthMax() != null) {
			where.append(" and a.health_score <= :healthMax").append(ownHealth);
			params.put("healthMax", query.healthMax());
		}
		if (user.hasRole(Role.RECRUITER)) {
			where.append(" and a.id in (select account_id from account_team_member where user_id = :me)");
			params.put("me", user.id());
		}
		String sortColumn = SORTS.getOrDefault(query.sort() == null ? "name" : query.sort(), "lower(a.name)");
		if (!ownHealth.isEmpty() && "health".equals(query.sort())) {
			sortColumn = "case when a.owner_id = :healthOwner then a.health_score end";
		}
		// Accounts without a score yet come last whichever way the health column is
		// sorted.
		String direction = query.descending() ? " desc" : " asc";
		String nulls = "health".equals(query.sort()) ? " nulls last" : "";
		String sql = """
				select a.id, a.account_key, a.name, a.industry, a.status, a.tier, a.strategic, a.owner_id,
				       a.arr_amount, a.billing_currency, a.region, a.hq_location, a.updated_at,
				       a.health_score, a.health_band
				from account a""" + where + " order by " + sortColumn + direction + nulls + ", a.id" + direction
				+ " limit :limit offset :offset";
		params.put("limit", page.size());
		params.put("offset", page.offset());
		// The page and its total are two statements: a window count over the whole match
		// would
		// make PostgreSQL read and sort every matching row before it could stop at the
		// limit.
		List<Row> rows = jdbc.sql(sql).params(params).query((rs, i) -> Row.of(rs)).list();
		params.remove("limit");
		params.remove("offset");
		long[] total = { jdbc.sql("select count(*) from account a" + where).params(params).query(Long.class).single() };
		Set<Long> ownerIds = new HashSet<>();
		rows.forEach(row -> {
			if (row.ownerId() != null) {
				ownerIds.add(row.ownerId());
			}
		});
		Map<Long, UserSummary> owners = users.findAll(ownerIds);
		boolean editsAll = user.seesEverything();
		List<AccountSummary> items = rows.stream()
			.map(row -> new AccountSummary(row.id(), row.key(), row.name(), row.industry(), row.status(), row.tier(),
					row.strategic(), row.ownerId(), row.ownerId() == null ? null : nameOf(owners.get(row.ownerId())),
					row.arr(), row.region(), row.hq(),
					editsAll || user.hasRole(Role.ACCOUNT_MANAGER) && Objects.equals(row.ownerId(), user.id()),
					row.updatedAt(), AccountRules.seesHealthOf(user, row.ownerId()) ? row.healthScore() : null,
					AccountRules.seesHealthOf(user, row.ownerId()) ? row.healthBand() : null))
			.toList();
		return new PageResult<>(items, total[0], page.page(), page.size());
	}

	private record Row(long id, String key, String name, String industry, AccountStatus status, Tier tier,
			boolean strategic, Long ownerId, Money arr, String region, String hq, Instant updatedAt,
			Integer healthScore, HealthBand healthBand) {

		static Row of(ResultSet rs) throws SQLException {
			return new Row(rs.getLong("id"), rs.getString("account_key"), rs.getString("name"),
					rs.getString("industry"), AccountStatus.valueOf(rs.getString("status")),
					Tier.valueOf(rs.getString("tier")), rs.getBoolean("strategic"), (Long) rs.getObject("owner_id"),
					new Money(rs.getBigDecimal("arr_amount"), rs.getString("billing_currency")), rs.getString("region"),
					rs.getString("hq_location"), rs.getTimestamp("updated_at").toInstant(),
					(Integer) rs.getObject("health_score", Integer.class),
					rs.getString("health_band") == null ? null : HealthBand.valueOf(rs.getString("health_band")));
		}
	}

	/**
	 * The live accounts these users own, by name, each with the ARR of its contracts in
	 * force on {@code then} and today, in one statement: an account manager's or a team's
	 * portfolio for the console. A contract is in force from its start to its end date
	 * unless it is a draft (a terminated one counts until its end date: when it stopped
	 * is not recorded); its ARR is the sum of its service lines' annual values. Health is
	 * shown only to a reader who may see it.
	 */
	@Transactional(readOnly = true)
	public List<PortfolioAccount> portfolio(Collection<Long> ownerIds, LocalDate then, CurrentUser user) {
		if (ownerIds.isEmpty()) {
			return List.of();
		}
		LocalDate today = time.organizationToday();
		return jdbc
			.sql("""
					select a.id, a.name, a.tier, a.strategic, a.owner_id, u.full_name, a.arr_amount, a.billing_currency,
					       a.health_score, a.health_band,
					       coalesce(arr.currencies, '') as currencies
					  from account a
					  left join app_user u on u.id = a.owner_id
					  left join lateral (
					       select string_agg(c.currency || ':' || coalesce(then_value, 0) || ':' || coalesce(now_value, 0), ';')
					              as currencies
					         from (select c.currency,
					                      sum(l.annual_value) filter (where c.start_date <= :then and c.end_date >= :then) as then_value,
					                      sum(l.annual_value) filter (where c.start_date <= :today and c.end_date >= :today) as now_value
					                 from contract c join service_line l on l.contract_id = c.id
					                where c.account_id = a.id and c.status <> 'DRAFT'
					                group by c.currency) c) arr on true
					 where a.owner_id = any(:owners) and a.archived_at is null
					 order by lower(a.name), a.id""")
			.param("owners", new SqlArrayValue("bigint", ownerIds.toArray()))
			.param("then", then)
			.param("today", today)
			.query((rs, n) -> {
				Long owner = (Long) rs.getObject("owner_id");
				boolean health = AccountRules.seesHealthOf(user, owner);
				Money thenUsd = Money.zero("USD");
				Money nowUsd = Money.zero("USD");
				for (String part : rs.getString("currencies").split(";")) {
					if (part.isBlank()) {
						continue;
					}
					String[] values = part.split(":");
					thenUsd = thenUsd
						.plus(rates.convert(new Money(new java.math.BigDecimal(values[1]), values[0]), "USD"));
					nowUsd = nowUsd
						.plus(rates.convert(new Money(new java.math.BigDecimal(values[2]), values[0]), "USD"));
				}
				String band = rs.getString("health_band");
				return new PortfolioAccount(rs.getLong("id"), rs.getString("name"), Tier.valueOf(rs.getString("tier")),
						rs.getBoolean("strategic"), owner, rs.getString("full_name"),
						new Money(rs.getBigDecimal("arr_amount"), rs.getString("billing_currency")),
						health ? (Integer) rs.getObject("health_score", Integer.class) : null,
						health && band != null ? HealthBand.valueOf(band) : null, thenUsd, nowUsd);
			})
			.list();
	}

	/**
	 * Keeps the latest health scores on the accounts (for the list's filters and sort),
	 * in one statement however many. A derived mark: the accounts' versions, audit trails
	 * and {@code updated_at} do not change, so it never conflicts with a person's edit.
	 * Marks of accounts that no longer exist are ignored; a mark older than the one kept
	 * is ignored, and so is a mark that changes nothing (a nightly recompute rewrites
	 * only the accounts whose score moved).
	 */
	@Transactional
	public void recordHealth(List<HealthMark> marks) {
		if (marks.isEmpty()) {
			return;
		}
		int n = marks.size();
		Long[] ids = new Long[n];
		Integer[] scores = new Integer[n];
		String[] bands = new String[n];
		Timestamp[] at = new Timestamp[n];
		for (int i = 0; i < n; i++) {
			HealthMark mark = marks.get(i);
			ids[i] = mark.accountId();
			scores[i] = mark.score();
			bands[i] = mark.band().name();
			at[i] = Timestamp.from(mark.computedAt());
		}
		jdbc.sql("""
				update account a set health_score = m.score, health_band = m.band, health_computed_at = m.at
				from unnest(:ids, :scores, :bands, :at) as m(id, score, band, at)
				where a.id = m.id and (a.health_computed_at is null or a.health_computed_at <= m.at)
				  and (a.health_score is distinct from m.score or a.health_band is distinct from m.band)""")
			.param("ids", new SqlArrayValue("bigint", (Object[]) ids))
			.param("scores", new SqlArrayValue("int", (Object[]) scores))
			.param("bands", new SqlArrayValue("varchar", (Object[]) bands))
			.param("at", new SqlArrayValue("timestamptz", (Object[]) at))
			.update();
	}

	/**
	 * Who looks after each account, for many accounts in one statement: its key and name,
	 * its owner, its executive sponsor and whether it is strategic. Used by readers that
	 * notify people about accounts (health alerts); no permission check, as no account
	 * content is returned.
	 * @param accountIds the accounts, or null for every account
	 * @return an entry per existing account asked for
	 */
	@Transactional(readOnly = true)
	public Map<Long, Stewards> stewards(Collection<Long> accountIds) {
		Map<Long, Stewards> result = new HashMap<>();
		String sql = "select id, account_key, name, owner_id, executive_sponsor_id, strategic, arr_amount, billing_currency"
				+ " from account" + (accountIds == null ? "" : " where id = any(:ids)");
		var statement = jdbc.sql(sql);
		if (accountIds != null) {
			statement = statement.param("ids", new SqlArrayValue("bigint", accountIds.toArray()));
		}
		statement
			.query((rs, i) -> new Stewards(rs.getLong("id"), rs.getString("account_key"), rs.getString("name"),
					(Long) rs.getObject("owner_id", Long.class),
					(Long) rs.getObject("executive_sponsor_id", Long.class), rs.getBoolean("strategic"),
					new Money(rs.getBigDecimal("arr_amount"), rs.getString("billing_currency"))))
			.list()
			.forEach(stewards -> result.put(stewards.accountId(), stewards));
		return result;
	}

	/**
	 * Of these (account, user) pairs (the lists side by side), which users may see which
	 * account, and whether they may also see its health (an account manager only their
	 * own accounts'): in one statement, for notices sent in bulk.
	 * @return account id → user id → may see its health
	 */
	@Transactional(readOnly = true)
	public Map<Long, Map<Long, Boolean>> mayViewEach(List<Long> accountIds, List<Long> userIds) {
		Map<Long, Map<Long, Boolean>> allowed = new HashMap<>();
		if (accountIds.isEmpty()) {
			return allowed;
		}
		jdbc.sql(
				"""
						select distinct p.a, u.id, (u.role <> 'ACCOUNT_MANAGER' or acc.owner_id = u.id)
						  from unnest(:accounts, :users) as p(a, u)
						  join app_user u on u.id = p.u join account acc on acc.id = p.a
						 where u.enabled
						   and (u.role <> 'RECRUITER'
						     or exists (select 1 from account_team_member t where t.account_id = acc.id and t.user_id = u.id))""")
			.param("accounts", new SqlArrayValue("bigint", accountIds.toArray()))
			.param("users", new SqlArrayValue("bigint", userIds.toArray()))
			.query(rs -> {
				allowed.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getBoolean(3));
			});
		return allowed;
	}

	/**
	 * Which of these users may see the account now, in one statement: enabled users, and
	 * of recruiters only those on its team; with {@code health}, account managers only
	 * when they own it (they see the health of their own accounts). For notifying people.
	 */
	@Transactional(readOnly = true)
	public Set<Long> mayView(Collection<Long> userIds, long accountId, boolean health) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select u.id from app_user u join account a on a.id = :account
				where u.id = any(:ids) and u.enabled
				  and (u.role <> 'RECRUITER'
				    or exists (select 1 from account_team_member t where t.account_id = a.id and t.user_id = u.id))
				  and (not :health or u.role <> 'ACCOUNT_MANAGER' or a.owner_id = u.id)""")
			.param("account", accountId)
			.param("ids", new SqlArrayValue("bigint", userIds.toArray()))
			.param("health", health)
			.query(Long.class)
			.list());
	}

	/**
	 * An account's key and name, owner and executive sponsor (either may be null),
	 * strategic flag and ARR (in its billing currency).
	 */
	public record Stewards(long accountId, String key, String name, Long ownerId, Long executiveSponsorId,
			boolean strategic, Money arr) {
	}

	/**
	 * Whether the user may create accounts (executives, sales directors, admins), for
	 * pages to offer it.
	 */
	public boolean canCreateAccounts(CurrentUser user) {
		return rules.canCreateAccounts(user);
	}

	/** Account 360 as the API reads it. */
	@Transactional(readOnly = true)
	public AccountDetails get(long id, CurrentUser user) {
		Account account = load(id);
		rules.requireView(user, account);
		return details(account, user);
	}

	/**
	 * Account 360 as a person opens it; an executive's first opening of a strategic
	 * account in a day (in their time zone) is recorded as
	 * {@code strategic_account.reviewed}, later ones that day are not.
	 * @param healthScore the score shown with it, or null for the account's latest score
	 * (null when it has none yet)
	 */
	@Transactional
	public AccountDetails open(long id, Integer healthScore, CurrentUser user) {
		Account account = load(id);
		rules.requireView(user, account);
		if (account.strategic() && user.hasRole(Role.EXECUTIVE) && firstReviewToday(id, user)) {
			events.publishEvent(new StrategicAccountReviewed(id,
					healthScore != null ? healthScore : account.healthScore(), user.actor(), time.now()));
		}
		return details(account, user);
	}

	/**
	 * An executive's explicit review (Acknowledge on the account health dashboard):
	 * recorded as {@code strategic_account.reviewed} every time.
	 * @throws org.springframework.security.access.AccessDeniedException for someone who
	 * is not an executive
	 */
	@Transactional
	public void acknowledge(long id, Integer healthScore, CurrentUser user) {
		Account account = load(id);
		rules.requireView(user, account);
		AccountRules.require(user.hasRole(Role.EXECUTIVE), "Only executives review strategic accounts");
		firstReviewToday(id, user);
		events.publishEvent(new StrategicAccountReviewed(id, healthScore != null ? healthScore : account.healthScore(),
				user.actor(), time.now()));
	}

	private boolean firstReviewToday(long accountId, CurrentUser user) {
		return jdbc.sql("""
				insert into account_review (account_id, user_id, reviewed_on, reviewed_at) values (:a, :u, :day, :at)
				on conflict do nothing""")
			.param("a", accountId)
			.param("u", user.id())
			.param("day", time.today(user.timeZone()))
			.param("at", java.sql.Timestamp.from(time.now()))
			.update() == 1;
	}

	@Transactional(readOnly = true)
	public Editable<AccountForm> editable(long id, CurrentUser user) {
		Account account = load(id);
		rules.requireView(user, account);
		return new Editable<>(id, account.toForm(), account.version());
	}

	/**
	 * Creates an account (executives, sales directors, admins); publishes
	 * account.created.
	 */
	@Transactional
	public AccountDetails create(AccountForm form, CurrentUser user) {
		checkCreate(form, user);
		Account account = new Account(nextKey(), form, user.username(), time.now());
		account.arrChanged(BigDecimal.ZERO, Tier.STANDARD);
		accounts.saveAndFlush(account);
		audit.recordCreated(ENTITY, account.id(), account.auditState(), user);
		events.publishEvent(new AccountCreated(account.id(), FieldChange.between(Map.of(), account.auditState()),
				user.actor(), time.now()));
		return details(account, user);
	}

	/**
	 * Checks that {@link #create} would accept the form from this user, without saving or
	 * publishing anything (the CSV import's preview uses it, so that a preview and an
	 * import apply the same rules).
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not create accounts, or may not set the tier or the strategic flag
	 * @throws io.intime.shared.InvalidInputException naming each wrong field
	 */
	@Transactional(readOnly = true)
	public void checkCreate(AccountForm form, CurrentUser user) {
		AccountRules.require(rules.canCreateAccounts(user),
				"Only executives, sales directors and admins create accounts");
		if (!user.hasRole(Role.EXECUTIVE)) {
			AccountRules.require(form.tierOverride() == null && !form.strategic(),
					"Only executives set an account's tier or flag it as strategic");
		}
		validate(form);
	}

	/**
	 * Changes an account. Refused when {@code expectedVersion} is stale (someone else
	 * changed it meanwhile), when the user may not edit the account, or when a field the
	 * user may not set (owner, sponsor, tier, strategic flag) differs. Publishes
	 * account.updated.
	 */
	@Transactional
	public AccountDetails update(long id, AccountForm form, long expectedVersion, CurrentUser user) {
		Account account = load(id);
		rules.requireView(user, account);
		AccountAccess access = rules.access(user, account);
		AccountRules.require(access.edit(), "You may edit only the accounts you own");
		if (account.version() != expectedVersion) {
			throw new StaleVersionException("Account " + account.key(), id, expectedVersion, account.version());
		}
		AccountForm current = account.toForm();
		if (!access.changeOwnership()) {
			AccountRules.require(
					Objects.equals(current.ownerId(), form.ownerId())
							&& Objects.equals(current.executiveSponsorId(), form.executiveSponsorId()),
					"Only executives, sales directors and admins change an account's owner or executive sponsor");
		}
		if (!access.setTierAndStrategic()) {
			AccountRules.require(
					current.tierOverride() == form.tierOverride() && current.strategic() == form.strategic(),
					"Only executives set an account's tier or flag it as strategic");
		}
		validate(form);
		Map<String, Object> before = account.auditState();
		account.apply(form);
		List<FieldChange> changes = FieldChange.between(before, account.auditState());
		if (changes.isEmpty()) {
			return details(account, user);
		}
		account.updated(user.username(), time.now());
		if (!Objects.equals(current.billingCurrency(), form.billingCurrency())
				|| current.tierOverride() != form.tierOverride()) {
			recomputeArr(account);
		}
		accounts.saveAndFlush(account);
		audit.recordChanges(ENTITY, id, changes, user);
		events.publishEvent(new AccountUpdated(id, changes, user.actor(), time.now()));
		return details(account, user);
	}

	/**
	 * Archives an account: what deleting one does (executives, sales directors, admins).
	 * Every record of every module stays; the account leaves the lists, searches, exports
	 * and health scores, and its page still opens with an "Archived" banner. Written to
	 * the audit trail and published as {@link AccountArchived}. Archiving an archived
	 * account changes nothing.
	 * @throws NotFoundException when there is no such account
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not delete accounts
	 */
	@Transactional
	public void archive(long id, CurrentUser user) {
		Account account = load(id);
		rules.requireView(user, account);
		AccountRules.require(rules.access(user, account).delete(),
				"Only executives, sales directors and admins delete accounts");
		if (account.archived()) {
			return;
		}
		Instant at = time.now();
		account.archive(user.username(), at);
		accounts.saveAndFlush(account);
		audit.recordChanges(ENTITY, id, List.of(new FieldChange("archived", "false", "true")), user);
		events.publishEvent(new AccountArchived(id, user.actor(), at));
	}

	/**
	 * Restores an archived account (executives and admins): it is back in lists,
	 * searches, exports and health scores. Written to the audit trail and published as
	 * {@link AccountRestored}; restoring a live account changes nothing.
	 * @throws NotFoundException when there is no such account
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not restore accounts
	 */
	@Transactional
	public AccountDetails restore(long id, CurrentUser user) {
		Account account = load(id);
		rules.requireView(user, account);
		AccountRules.require(rules.canRestore(user), "Only executives and admins restore archived accounts");
		if (!account.archived()) {
			return details(account, user);
		}
		Instant at = time.now();
		account.restore(user.username(), at);
		accounts.saveAndFlush(account);
		audit.recordChanges(ENTITY, id, List.of(new FieldChange("archived", "true", "false")), user);
		events.publishEvent(new AccountRestored(id, user.actor(), at));
		return details(account, user);
	}

	/**
	 * Purges an archived account: the only real delete, removing the account and every
	 * record of every module that belongs to it (admins only). The admin confirms by
	 * typing the account's name. The audit entry (key, name, when it was archived and by
	 * whom) outlives the rows; published as {@link AccountPurged}
	 * ({@code account.deleted}).
	 * @param confirmation what the admin typed; must be the account's name (surrounding
	 * spaces ignored)
	 * @throws NotFoundException when there is no such account
	 * @throws org.springframework.security.access.AccessDeniedException when the user is
	 * not an admin
	 * @throws io.intime.shared.InvalidInputException when the account is not archived
	 * ({@code archived}) or the confirmation is not its name ({@code confirm})
	 */
	@Transactional
	public void purge(long id, String confirmation, CurrentUser user) {
		Account account = load(id);
		AccountRules.require(rules.canPurge(user), "Only admins purge accounts");
		if (!account.archived()) {
			throw new InvalidInputException("archived",
					"account " + account.key() + " is not archived; archive it before purging it");
		}
		if (confirmation == null || !confirmation.trim().equals(account.name())) {
			throw new InvalidInputException("confirm", "type the account's name exactly to purge it");
		}
		String detail = "Purged " + account.key() + " " + account.name() + " with all its records (archived "
				+ account.archivedAt() + " by " + account.archivedBy() + ")";
		accounts.delete(account);
		accounts.flush();
		audit.recordDeleted(ENTITY, id, detail, user);
		events.publishEvent(new AccountPurged(id, account.key(), account.name(), user.actor(), time.now()));
	}

	/**
	 * Whether the user may list archived accounts and restore them (executives, admins),
	 * for pages to offer it.
	 */
	public boolean canRestore(CurrentUser user) {
		return rules.canRestore(user);
	}

	/** Whether the user may purge archived accounts (admins), for pages to offer it. */
	public boolean canPurge(CurrentUser user) {
		return rules.canPurge(user);
	}

	/**
	 * Adds a user (e.g. a recruiter) to the account's team; recruiters see only such
	 * accounts.
	 */
	@Transactional
	public void addTeamMember(long accountId, long userId, String teamRole, CurrentUser user) {
		Account account = load(accountId);
		AccountRules.require(rules.access(user, account).changeOwnership(),
				"Only executives, sales directors and admins change account teams");
		UserSummary member = users.find(userId).orElseThrow(() -> new NotFoundException("User", userId));
		int added = jdbc.sql("""
				insert into account_team_member (account_id, user_id, team_role) values (:a, :u, :r)
				on conflict (account_id, user_id) do update set team_role = excluded.team_role""")
			.param("a", accountId)
			.param("u", userId)
			.param("r", teamRole)
			.update();
		if (added > 0) {
			audit.recordChanges(ENTITY, accountId,
					List.of(new FieldChange("team", null, member.fullName() + " (" + teamRole + ")")), user);
		}
	}

	/** The people on an account's team besides its owner, by name. */
	@Transactional(readOnly = true)
	public List<TeamMember> team(long accountId) {
		Map<Long, String> roles = new HashMap<>();
		jdbc.sql("select user_id, team_role from account_team_member where account_id = :a")
			.param("a", accountId)
			.query(rs -> {
				roles.put(rs.getLong(1), rs.getString(2));
			});
		Map<Long, UserSummary> people = users.findAll(roles.keySet());
		return people.values()
			.stream()
			.sorted(java.util.Comparator.comparing(UserSummary::fullName))
			.map(u -> new TeamMember(u.id(), u.fullName(), u.title(), roles.get(u.id())))
			.toList();
	}

	public record TeamMember(long userId, String name, String title, String teamRole) {
	}

	/** An account whose team a user is on. */
	public record Membership(long accountId, String accountName, String teamRole) {
	}

	/** The live accounts whose team the user is on, by name. */
	@Transactional(readOnly = true)
	public List<Membership> teamsOf(long userId) {
		return jdbc.sql("""
				select a.id, a.name, m.team_role from account_team_member m join account a on a.id = m.account_id
				 where m.user_id = :u and a.archived_at is null order by lower(a.name)""")
			.param("u", userId)
			.query((rs, n) -> new Membership(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * Every account the user may export (all they may see; account managers only those
	 * they own), by name, in one query plus one for owners.
	 */
	@Transactional(readOnly = true)
	public List<AccountSummary> exportable(CurrentUser user) {
		return every(user, AccountRules.accountExportOwner(user));
	}

	/**
	 * Every account the user may see (recruiters: those whose team they are on), by name:
	 * the accounts whose contacts they may export ("Contacts: export ✅").
	 */
	@Transactional(readOnly = true)
	public List<AccountSummary> visible(CurrentUser user) {
		return every(user, null);
	}

	private List<AccountSummary> every(CurrentUser user, Long owner) {
		List<AccountSummary> all = new ArrayList<>();
		int page = 0;
		PageResult<AccountSummary> result;
		do {
			result = search(new AccountQuery(null, null, null, owner, null, null, null, null, "name", false, page++,
					PageRequest.MAX_SIZE), user);
			all.addAll(result.items());
		}
		while (result.hasNext());
		return all;
	}

	/**
	 * Recomputes ARR (sum over ACTIVE contracts, converted to the billing currency) and
	 * tier.
	 */
	void recomputeArr(Account account) {
		List<Contract> active = contracts.findActiveWithLines(account.id());
		Money arr = Money.zero(account.billingCurrency());
		for (Contract contract : active) {
			arr = arr.plus(rates.convert(contract.arr(), account.billingCurrency()));
		}
		Money usd = rates.convert(arr, "USD");
		account.arrChanged(arr.amount(), Tier.forArrUsd(usd.amount()));
	}

	Account load(long id) {
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("Account", id));
	}

	AccountDetails details(Account account, CurrentUser user) {
		Set<Long> ids = new HashSet<>();
		if (account.ownerId() != null) {
			ids.add(account.ownerId());
		}
		if (account.executiveSponsorId() != null) {
			ids.add(account.executiveSponsorId());
		}
		Map<Long, UserSummary> people = users.findAll(ids);
		AccountAccess access = rules.access(user, account);
		return new AccountDetails(account.id(), account.key(), account.name(), account.industry(),
				account.employeeCount(), account.hqLocation(), account.timeZone(), account.status(), account.tier(),
				account.tierOverride(), account.strategic(), account.relationshipStart(), account.ownerId(),
				account.ownerId() == null ? null : nameOf(people.get(account.ownerId())), account.executiveSponsorId(),
				account.executiveSponsorId() == null ? null : nameOf(people.get(account.executiveSponsorId())),
				account.billingCurrency(), account.region(), new Money(account.arr(), account.billingCurrency()),
				account.stamp(), access, access.viewHealth() ? account.healthScore() : null,
				access.viewHealth() ? account.healthBand() : null, account.archivedAt(), account.archivedBy());
	}

	private void validate(AccountForm form) {
		List<FieldError> errors = validation.violations(form);
		FormValidation.checkTimeZone("timeZone", form.timeZone(), errors, true);
		if (form.billingCurrency() != null && form.billingCurrency().matches("[A-Z]{3}")
				&& !rates.supports(form.billingCurrency())) {
			errors.add(new FieldError("billingCurrency",
					"has no conversion rate configured; use one of " + rates.getUsdRates().keySet()));
		}
		Set<Long> people = new HashSet<>();
		if (form.ownerId() != null) {
			people.add(form.ownerId());
		}
		if (form.executiveSponsorId() != null) {
			people.add(form.executiveSponsorId());
		}
		Map<Long, UserSummary> found = users.findAll(people);
		if (form.ownerId() != null && !found.containsKey(form.ownerId())) {
			errors.add(new FieldError("ownerId", "no user with id " + form.ownerId()));
		}
		if (form.executiveSponsorId() != null && !found.containsKey(form.executiveSponsorId())) {
			errors.add(new FieldError("executiveSponsorId", "no user with id " + form.executiveSponsorId()));
		}
		FormValidation.throwIfAny(errors);
	}

	private String nextKey() {
		long number = accounts.nextKeyNumber();
		return number < 1000 ? String.format("ACC-%03d", number) : "ACC-" + number;
	}

	private static String nameOf(UserSummary user) {
		return user == null ? null : user.fullName();
	}

	private static String likeEscape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
