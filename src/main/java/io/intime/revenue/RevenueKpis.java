package io.intime.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.ContractManagement;
import io.intime.accounts.ReportableAccount;
import io.intime.engagement.EngagementFacts;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention KPIs of spec 03 for a segment and a period, the trailing-twelve-months
 * series behind the reports page, and the movements and responses behind each figure. Who
 * sees what: account managers their own portfolio; those who see every contract
 * (executives, sales directors, finance, legal, admins) any segment ("Reports - Revenue:
 * Portfolio", spec 03).
 */
@Service
public class RevenueKpis {

	/** The longest period a report covers. */
	static final int MAX_PERIOD_YEARS = 5;

	private final ContractManagement contracts;

	private final EngagementFacts engagement;

	private final UserDirectory users;

	private final FxRates fx;

	private final JdbcClient jdbc;

	private final Today time;

	private final io.intime.identity.AuditTrail audit;

	private final io.intime.accounts.AccountManagement accounts;

	RevenueKpis(ContractManagement contracts, EngagementFacts engagement, UserDirectory users, FxRates fx,
			JdbcClient jdbc, Today time, io.intime.identity.AuditTrail audit,
			io.intime.accounts.AccountManagement accounts) {
		this.audit = audit;
		this.accounts = accounts;
		this.contracts = contracts;
		this.engagement = engagement;
		this.users = users;
		this.fx = fx;
		this.jdbc = jdbc;
		this.time = time;
	}

	/** The KPIs of a segment over a period, with the NPS of its responses. */
	public record Report(RevenueSegment segment, String segmentLabel, Retention.Period retention,
			EngagementFacts.NpsTally npsTally, int accounts) {

		public BigDecimal nps() {
			return Retention.nps(npsTally.responses(), npsTally.promoters(), npsTally.detractors());
		}

	}

	/**
	 * One month of the reports page's chart: the month's movements and the T12M rates.
	 */
	public record Month(YearMonth month, Retention.Period trailingYear, Retention.Period inMonth) {
	}

	/** The accounts of a segment the user may report on, by id with their names. */
	public record Scope(Map<Long, ReportableAccount> accounts, String label, boolean everything, int count) {

		/** Whether the scope covers this account. */
		public boolean covers(long accountId) {
			return everything || accounts.containsKey(accountId);
		}

		/**
		 * The accounts as fact queries take them: all of them when the scope is the whole
		 * company (no list of ten thousand ids to match), else these.
		 */
		public AccountScope accountScope() {
			return everything ? AccountScope.all() : AccountScope.of(accounts.keySet());
		}

		/**
		 * The condition on an account id column ({@code :ids} bound when not everything).
		 */
		String clause(String column) {
			return everything ? " true " : " " + column + " = any(:ids) ";
		}

	}

	/**
	 * The KPIs of {@code segment} from {@code from} to {@code to} (inclusive).
	 * @throws AccessDeniedException when the user may not report on that segment
	 * @throws InvalidInputException on a period that ends before it starts or spans more
	 * than five years
	 */
	@Transactional(readOnly = true)
	public Report report(RevenueSegment segment, LocalDate from, LocalDate to, CurrentUser user) {
		checkPeriod(from, to);
		Scope scope = scope(segment, user);
		Retention.Period period = Retention.fromSums(sums(scope, from, to), from, to, fx.table());
		EngagementFacts.NpsTally nps = engagement.npsTally(from, to, scope.accountScope());
		return new Report(segment, scope.label(), period, nps, scope.count());
	}

	/**
	 * The twelve months ending with {@code lastMonth}: each month's own movements and the
	 * trailing-twelve-months retention at its end, from one read of the movements.
	 */
	@Transactional(readOnly = true)
	public List<Month> trailingYear(RevenueSegment segment, YearMonth lastMonth, CurrentUser user) {
		Scope scope = scope(segment, user);
		LocalDate to = lastMonth.atEndOfMonth();
		List<Retention.Bucket> buckets = monthlyBuckets(scope, to);
		FxRates.Table rates = fx.table();
		List<Month> months = new ArrayList<>();
		for (int i = 11; i >= 0; i--) {
			YearMonth month = lastMonth.minusMonths(i);
			Retention.Period trailing = Retention.compute(buckets, month.minusMonths(11).atDay(1), month.atEndOfMonth(),
					rates);
			Retention.Period own = Retention.compute(buckets, month.atDay(1), month.atEndOfMonth(), rates);
			months.add(new Month(month, trailing, own));
		}
		return months;
	}

	/** What a figure's drill-down lists. */
	public enum Figure {

		EXPANSION, CONTRACTION, CHURN, NEW_CLIENTS, RENEWALS, ALL

	}

	/**
	 * The movements behind a figure of {@link #report}: the starting clients' expansions
	 * (with re-activations), contractions or churns (optionally of one category), the new
	 * clients' movements, the renewals, or all; newest first.
	 */
	@Transactional(readOnly = true)
	public PageResult<ArrMovement> movements(RevenueSegment segment, LocalDate from, LocalDate to, Figure figure,
			ChurnCategory category, PageRequest page, CurrentUser user) {
		checkPeriod(from, to);
		Scope scope = scope(segment, user);
		if (scope.count() == 0) {
			return new PageResult<>(List.of(), 0, page.page(), page.size());
		}
		String kinds = switch (figure) {
			case EXPANSION -> "'NEW','EXPANSION'";
			case CONTRACTION -> "'CONTRACTION'";
			case CHURN -> "'CHURN'";
			case NEW_CLIENTS -> "'NEW','EXPANSION','CONTRACTION','CHURN'";
			case RENEWALS -> "'RENEWAL'";
			case ALL -> "'NEW','EXPANSION','CONTRACTION','CHURN','RENEWAL'";
		};
		String cohort = switch (figure) {
			case EXPANSION, CONTRACTION, CHURN -> " and s.account_id is not null";
			case NEW_CLIENTS -> " and s.account_id is null";
			default -> "";
		};
		String where = " from arr_movement m left join (select account_id from arr_movement where"
				+ scope.clause("account_id") + "and occurred_on < :from and kind <> 'RENEWAL'"
				+ " group by account_id, currency having sum(amount) > 0) s on s.account_id = m.account_id where"
				+ scope.clause("m.account_id") + "and m.occurred_on between :from and :to and m.kind in (" + kinds + ")"
				+ cohort + (category != null ? " and m.churn_category = :category" : "");
		SqlArrayValue ids = new SqlArrayValue("bigint", scope.accounts().keySet().toArray());
		var count = jdbc.sql("select count(distinct m.id)" + where)
			.param("ids", ids)
			.param("from", from)
			.param("to", to);
		var list = jdbc
			.sql("select distinct m.id, m.account_id, m.contract_id, m.contract_number, m.kind,"
					+ " m.occurred_on, m.amount, m.currency, m.cause, m.churn_category, m.version" + where
					+ " order by m.occurred_on desc, m.id desc limit :limit offset :offset")
			.param("ids", ids)
			.param("from", from)
			.param("to", to)
			.param("limit", page.size())
			.param("offset", page.offset());
		if (category != null) {
			count = count.param("category", category.name());
			list = list.param("category", category.name());
		}
		long total = count.query(Long.class).single();
		List<ArrMovement> unnamed = list
			.query((rs,
					n) -> new ArrMovement(rs.getLong("id"), rs.getLong("account_id"), null,
							(Long) rs.getObject("contract_id"), rs.getString("contract_number"),
							ArrMovementKind.valueOf(rs.getString("kind")), rs.getDate("occurred_on").toLocalDate(),
							new Money(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getString("cause"),
							rs.getString("churn_category") == null ? null
									: ChurnCategory.valueOf(rs.getString("churn_category")),
							rs.getLong("version")))
			.list();
		Map<Long, String> names = names(scope, unnamed.stream().map(ArrMovement::accountId).toList());
		List<ArrMovement> items = unnamed.stream()
			.map(m -> new ArrMovement(m.id(), m.accountId(), names.get(m.accountId()), m.contractId(),
					m.contractNumber(), m.kind(), m.occurredOn(), m.amount(), m.cause(), m.churnCategory(),
					m.version()))
			.toList();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/** The NPS responses behind the report's NPS, newest first (at most 500). */
	@Transactional(readOnly = true)
	public List<EngagementFacts.NpsAnswer> npsAnswers(RevenueSegment segment, LocalDate from, LocalDate to,
			CurrentUser user) {
		checkPeriod(from, to);
		Scope scope = scope(segment, user);
		return engagement.npsAnswers(from, to, scope.accountScope(), 500);
	}

	/**
	 * The accounts of a segment the user may report on.
	 * @throws AccessDeniedException for an account manager asking for another portfolio
	 * or a team, or a role that sees no revenue
	 */
	@Transactional(readOnly = true)
	public Scope scope(RevenueSegment segment, CurrentUser user) {
		boolean everything = user.seesEverything() || user.hasRole(Role.FINANCE, Role.LEGAL);
		if (!everything
				&& (segment.teamOf() != null || (segment.ownerId() != null && segment.ownerId() != user.id()))) {
			throw new AccessDeniedException("Account managers report on their own portfolio");
		}
		RevenueSegment effective = everything ? segment
				: new RevenueSegment(user.id(), null, segment.tier(), segment.region());
		Set<Long> owners = null;
		List<String> label = new ArrayList<>();
		if (effective.teamOf() != null) {
			owners = new HashSet<>();
			for (UserSummary member : users.directReports(effective.teamOf())) {
				owners.add(member.id());
			}
			label.add("Team of " + users.find(effective.teamOf()).map(UserSummary::fullName).orElse("?"));
		}
		if (effective.ownerId() != null) {
			label.add(users.find(effective.ownerId()).map(UserSummary::fullName).orElse("?") + "'s portfolio");
		}
		if (effective.tier() != null) {
			label.add(effective.tier().label() + " tier");
		}
		if (effective.region() != null && !effective.region().isBlank()) {
			label.add(effective.region());
		}
		if (everything && effective.isCompany()) {
			// the whole company: fact queries read every account, so none is listed here
			return new Scope(Map.of(), "Company", true, contracts.reportableAccountCount(user));
		}
		Map<Long, ReportableAccount> accounts = new LinkedHashMap<>();
		for (ReportableAccount a : contracts.reportableAccounts(user)) {
			if ((effective.ownerId() == null || effective.ownerId().equals(a.ownerId()))
					&& (owners == null || owners.contains(a.ownerId()))
					&& (effective.tier() == null || effective.tier() == a.tier()) && (effective.region() == null
							|| effective.region().isBlank() || effective.region().equalsIgnoreCase(a.region()))) {
				accounts.put(a.id(), a);
			}
		}
		return new Scope(accounts, label.isEmpty() ? "Company" : String.join(" · ", label), false, accounts.size());
	}

	/**
	 * The names of these accounts of a scope (read for the whole company, known
	 * otherwise).
	 */
	public Map<Long, String> names(Scope scope, java.util.Collection<Long> accountIds) {
		Map<Long, String> names = new java.util.HashMap<>();
		if (scope.everything()) {
			accounts.stewards(new java.util.HashSet<>(accountIds)).forEach((id, s) -> names.put(id, s.name()));
		}
		else {
			accountIds.forEach(id -> {
				ReportableAccount a = scope.accounts().get(id);
				if (a != null) {
					names.put(id, a.name());
				}
			});
		}
		return names;
	}

	/** The regions of the accounts the user may report on, for the filter. */
	@Transactional(readOnly = true)
	public List<String> regions(CurrentUser user) {
		return contracts.reportableAccounts(user)
			.stream()
			.map(ReportableAccount::region)
			.filter(r -> r != null && !r.isBlank())
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * The period's sums in one statement, summed by the database rather than per account:
	 * the starting clients (accounts with ARR the day before the period) and how many of
	 * them have none left; their starting and ending ARR per currency; the period's
	 * movements per currency, month, kind and category, told apart by whether they are
	 * the starting clients'; the new clients (won in the period, no ARR before it). A few
	 * hundred rows whatever the organization's size.
	 */
	private List<Retention.Sum> sums(Scope scope, LocalDate from, LocalDate to) {
		if (scope.count() == 0) {
			return List.of();
		}
		// one pass over the movements up to the period's end gives each account's
		// starting
		// and ending ARR and whether it was won in the period; the clients and the new
		// clients are counted from that (no second scan for the new ones)
		String sql = """
				with acct as (
				  select account_id, currency, coalesce(sum(amount) filter (where occurred_on < :from), 0) as s,
				         sum(amount) as e, bool_or(kind = 'NEW' and occurred_on >= :from) as new_in
				    from arr_movement
				   where occurred_on <= :to and kind <> 'RENEWAL' and""" + scope.clause("account_id")
				+ """
						   group by account_id, currency
						), client as (
						  select account_id, bool_or(s > 0) as starting, bool_and(e <= 0) as lost, bool_or(new_in) as new_in
						    from acct group by account_id
						)
						select 'START' as part, a.currency, null::date as month, null as kind, null as category, true as starting,
						       sum(a.s) as amount, sum(a.e) as ending
						  from acct a join client c on c.account_id = a.account_id and c.starting group by a.currency
						union all
						select 'CLIENTS', null, null, null, null, true, count(*) filter (where starting),
						       count(*) filter (where starting and lost) from client
						union all
						select 'NEW', null, null, null, null, false, count(*) filter (where new_in and not starting), null
						  from client
						union all
						select 'IN', m.currency, greatest(date_trunc('month', m.occurred_on)::date, :from), m.kind,
						       m.churn_category, coalesce(c.starting, false), sum(m.amount), null
						  from arr_movement m left join client c on c.account_id = m.account_id
						 where m.occurred_on between :from and :to and"""
				+ scope.clause("m.account_id") + """
						group by 2, 3, 4, 5, 6""";
		return jdbc.sql(sql)
			.param("ids", new SqlArrayValue("bigint", scope.accounts().keySet().toArray()))
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> {
				java.sql.Date month = rs.getDate("month");
				String kind = rs.getString("kind");
				String category = rs.getString("category");
				return new Retention.Sum(rs.getString("part"), rs.getString("currency"),
						month == null ? null : month.toLocalDate(), kind == null ? null : ArrMovementKind.valueOf(kind),
						category == null ? null : ChurnCategory.valueOf(category), rs.getBoolean("starting"),
						rs.getBigDecimal("amount"), rs.getBigDecimal("ending"));
			})
			.list();
	}

	/**
	 * Sums of movements by account, currency, kind and month up to {@code to}: what the
	 * monthly series computes every window from in memory.
	 */
	private List<Retention.Bucket> monthlyBuckets(Scope scope, LocalDate to) {
		if (scope.count() == 0) {
			return List.of();
		}
		return jdbc
			.sql("select account_id, currency, date_trunc('month', occurred_on)::date as month, kind,"
					+ " churn_category, sum(amount) from arr_movement where" + scope.clause("account_id")
					+ "and occurred_on <= :to group by 1, 2, 3, 4, 5")
			.param("ids", new SqlArrayValue("bigint", scope.accounts().keySet().toArray()))
			.param("to", to)
			.query((rs, n) -> {
				java.sql.Date m = rs.getDate(3);
				String category = rs.getString(5);
				return new Retention.Bucket(rs.getLong(1), rs.getString(2), m == null ? null : m.toLocalDate(),
						ArrMovementKind.valueOf(rs.getString(4)),
						category == null ? null : ChurnCategory.valueOf(category), rs.getBigDecimal(6));
			})
			.list();
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (from == null) {
			throw new InvalidInputException("from", "Give the first day of the period");
		}
		if (to == null) {
			throw new InvalidInputException("to", "Give the last day of the period");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "must be on or after the start of the period (" + from + ")");
		}
		if (from.plusYears(MAX_PERIOD_YEARS).isBefore(to)) {
			throw new InvalidInputException("to", "A report covers at most " + MAX_PERIOD_YEARS + " years");
		}
	}

	/**
	 * Says why a client was lost: changes a churn movement's category (its amount and
	 * date stay, being derived). Finance, sales directors, executives, admins and the
	 * account's manager may; the version read is checked in the write.
	 */
	@Transactional
	public ArrMovement reclassify(long movementId, ChurnCategory category, long expectedVersion, CurrentUser user) {
		if (category == null) {
			throw new InvalidInputException("churnCategory", "Choose VOLUNTARY, INVOLUNTARY or STRUCTURAL");
		}
		var found = jdbc.sql("select account_id, kind, churn_category, version from arr_movement where id = :id")
			.param("id", movementId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4) })
			.optional()
			.orElseThrow(() -> new io.intime.shared.NotFoundException("ARR movement", movementId));
		long accountId = (Long) found[0];
		if (!(user.hasRole(Role.FINANCE, Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN, Role.ACCOUNT_MANAGER))
				|| !scope(RevenueSegment.company(), user).covers(accountId)) {
			throw new AccessDeniedException("You may not classify this account's churn");
		}
		if (!"CHURN".equals(found[1])) {
			throw new InvalidInputException("churnCategory", "Only a churn has a category");
		}
		int changed = jdbc
			.sql("update arr_movement set churn_category = :category, version = version + 1"
					+ " where id = :id and version = :version")
			.param("category", category.name())
			.param("id", movementId)
			.param("version", expectedVersion)
			.update();
		if (changed == 0) {
			throw new io.intime.shared.StaleVersionException("ARR movement", movementId, expectedVersion,
					(Long) found[3]);
		}
		audit.recordChanges("arr_movement", movementId,
				List.of(new io.intime.identity.FieldChange("churnCategory", (String) found[2], category.name())), user);
		return one(movementId, user);
	}

	/** One movement, to a reader who may report on its account. */
	@Transactional(readOnly = true)
	public ArrMovement one(long movementId, CurrentUser user) {
		Scope scope = scope(RevenueSegment.company(), user);
		return jdbc
			.sql("select id, account_id, contract_id, contract_number, kind, occurred_on, amount, currency, cause,"
					+ " churn_category, version from arr_movement where id = :id")
			.param("id", movementId)
			.query((rs, n) -> new ArrMovement(rs.getLong("id"), rs.getLong("account_id"),
					scope.covers(rs.getLong("account_id"))
							? names(scope, List.of(rs.getLong("account_id"))).get(rs.getLong("account_id")) : null,
					(Long) rs.getObject("contract_id"), rs.getString("contract_number"),
					ArrMovementKind.valueOf(rs.getString("kind")), rs.getDate("occurred_on").toLocalDate(),
					new Money(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getString("cause"),
					rs.getString("churn_category") == null ? null
							: ChurnCategory.valueOf(rs.getString("churn_category")),
					rs.getLong("version")))
			.optional()
			.filter(m -> m.accountName() != null)
			.orElseThrow(() -> new io.intime.shared.NotFoundException("ARR movement", movementId));
	}

	/** The organization's today (for default periods). */
	public LocalDate today() {
		return time.organizationToday();
	}

}
