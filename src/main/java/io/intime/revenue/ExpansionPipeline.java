package io.intime.revenue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSummary;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.CurrencyRates;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expansion pipeline board and the quarterly expansion goals behind its coverage. Who
 * sees which opportunities follows {@link RevenueRules}: an account manager the accounts
 * they own; a sales director their team's (the account managers who report to them), or
 * everything on asking; executives, admins and finance everything. Sales directors and
 * admins set the goals.
 */
@Service
public class ExpansionPipeline {

	/** Won and lost opportunities stay on the board this long after they closed. */
	public static final int CLOSED_DAYS = 90;

	/** Spec 03: expansion revenue target, 15% of portfolio ARR a year. */
	static final BigDecimal DEFAULT_GOAL_SHARE = new BigDecimal("0.15");

	static final String GOAL_ENTITY = "expansion_goal";

	private final OpportunityManagement opportunities;

	private final AccountManagement accounts;

	private final UserDirectory users;

	private final CurrencyRates rates;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Today time;

	ExpansionPipeline(OpportunityManagement opportunities, AccountManagement accounts, UserDirectory users,
			CurrencyRates rates, AuditTrail audit, JdbcClient jdbc, Today time) {
		this.opportunities = opportunities;
		this.accounts = accounts;
		this.users = users;
		this.rates = rates;
		this.audit = audit;
		this.jdbc = jdbc;
		this.time = time;
	}

	/** Whether the user may see the board (for the navigation). */
	public static boolean mayOpen(CurrentUser user) {
		return RevenueRules.seesAll(user) || user.hasRole(Role.ACCOUNT_MANAGER);
	}

	/** The quarter of a day, e.g. "2026-Q4". */
	public static String quarterOf(LocalDate day) {
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

	/**
	 * The board as the user may see it.
	 * @param everything for a sales director: every account rather than their team's
	 * @throws AccessDeniedException for roles that see no opportunities
	 */
	@Transactional(readOnly = true)
	public ExpansionBoard board(boolean everything, CurrentUser user) {
		if (!mayOpen(user)) {
			throw new AccessDeniedException("Your role does not see the expansion pipeline");
		}
		LocalDate today = time.organizationToday();
		String quarter = quarterOf(today);
		List<AccountSummary> visible = user.hasRole(Role.ACCOUNT_MANAGER) ? accounts.exportable(user)
				: accounts.visible(user);
		String scope;
		boolean team = false;
		List<UserSummary> managers;
		if (user.hasRole(Role.ACCOUNT_MANAGER)) {
			visible = visible.stream().filter(a -> a.ownerId() != null && a.ownerId() == user.id()).toList();
			scope = "Your accounts";
			managers = users.find(user.id()).map(List::of).orElse(List.of());
		}
		else {
			List<UserSummary> reports = user.hasRole(Role.SALES_DIRECTOR)
					? users.directReports(user.id()).stream().filter(u -> u.role() == Role.ACCOUNT_MANAGER).toList()
					: List.of();
			if (!reports.isEmpty() && !everything) {
				Set<Long> ids = reports.stream().map(UserSummary::id).collect(Collectors.toSet());
				visible = visible.stream().filter(a -> a.ownerId() != null && ids.contains(a.ownerId())).toList();
				scope = "Your team (" + reports.size()
						+ (reports.size() == 1 ? " account manager)" : " account managers)");
				team = true;
				managers = reports;
			}
			else {
				scope = "All accounts";
				Set<Long> owners = visible.stream()
					.map(AccountSummary::ownerId)
					.filter(java.util.Objects::nonNull)
					.collect(Collectors.toSet());
				managers = users.findAll(owners)
					.values()
					.stream()
					.filter(u -> u.role() == Role.ACCOUNT_MANAGER)
					.sorted(Comparator.comparing(UserSummary::fullName))
					.toList();
			}
		}
		Map<Long, String> names = new LinkedHashMap<>();
		Map<Long, Long> ownerOf = new HashMap<>();
		visible.forEach(a -> {
			names.put(a.id(), a.name());
			ownerOf.put(a.id(), a.ownerId());
		});
		LocalDate closedSince = today.minusDays(CLOSED_DAYS);
		List<OpportunityView> all = opportunities.ofAccounts(names, closedSince);
		boolean canEditAll = user.seesEverything();
		List<ExpansionBoard.Column> columns = new ArrayList<>();
		Money open = Money.zero("USD");
		int openCount = 0;
		for (OpportunityStage stage : OpportunityStage.values()) {
			List<OpportunityView> in = all.stream()
				.filter(o -> o.stage() == stage)
				.sorted(stage.open() ? Comparator.comparing((OpportunityView o) -> o.valueUsd().amount()).reversed()
						: Comparator.comparing(OpportunityView::closedOn).reversed())
				.toList();
			Money total = in.stream().map(OpportunityView::valueUsd).reduce(Money.zero("USD"), Money::plus);
			List<ExpansionBoard.Card> cards = in.stream()
				.map(o -> new ExpansionBoard.Card(o,
						canEditAll || user.hasRole(Role.ACCOUNT_MANAGER)
								&& java.util.Objects.equals(ownerOf.get(o.accountId()), user.id()),
						o.overdue(today)))
				.toList();
			columns.add(new ExpansionBoard.Column(stage, in.size(), total, cards));
			if (stage.open()) {
				open = open.plus(total);
				openCount += in.size();
			}
		}
		List<ExpansionBoard.Coverage> coverage = new ArrayList<>();
		Map<Long, Goal> goals = goals(managers.stream().map(UserSummary::id).toList(), quarter);
		for (UserSummary manager : managers) {
			Set<Long> theirs = visible.stream()
				.filter(a -> a.ownerId() != null && a.ownerId() == manager.id())
				.map(AccountSummary::id)
				.collect(Collectors.toSet());
			Money qualified = all.stream()
				.filter(o -> theirs.contains(o.accountId()) && o.open() && o.stage() != OpportunityStage.IDENTIFIED)
				.map(OpportunityView::valueUsd)
				.reduce(Money.zero("USD"), Money::plus);
			Goal goal = goals.get(manager.id());
			Money goalUsd;
			if (goal != null) {
				goalUsd = rates.convert(goal.amount(), "USD");
			}
			else {
				Money arr = visible.stream()
					.filter(a -> theirs.contains(a.id()) && a.arr() != null)
					.map(a -> rates.convert(a.arr(), "USD"))
					.reduce(Money.zero("USD"), Money::plus);
				goalUsd = new Money(arr.amount()
					.multiply(DEFAULT_GOAL_SHARE)
					.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP), "USD");
			}
			coverage.add(coverage(manager, qualified, goalUsd, goal));
		}
		return new ExpansionBoard(scope, team, canSetGoals(user), quarter, today, closedSince, columns, openCount, open,
				coverage);
	}

	static ExpansionBoard.Coverage coverage(UserSummary manager, Money qualified, Money goalUsd, Goal goal) {
		BigDecimal ratio = goalUsd.amount().signum() <= 0 ? null
				: qualified.amount().divide(goalUsd.amount(), 1, RoundingMode.HALF_UP);
		String band = ratio == null ? "gray" : ratio.compareTo(ExpansionBoard.TARGET) >= 0 ? "green"
				: ratio.compareTo(BigDecimal.valueOf(2)) >= 0 ? "yellow" : "red";
		return new ExpansionBoard.Coverage(manager.id(), manager.fullName(), qualified, goalUsd, goal == null,
				goal == null ? null : goal.version(), ratio, band);
	}

	/** Sales directors and admins set the account managers' quarterly goals. */
	public boolean canSetGoals(CurrentUser user) {
		return user.hasRole(Role.SALES_DIRECTOR, Role.ADMIN);
	}

	record Goal(long ownerId, Money amount, long version) {
	}

	private Map<Long, Goal> goals(List<Long> ownerIds, String quarter) {
		Map<Long, Goal> goals = new HashMap<>();
		if (ownerIds.isEmpty()) {
			return goals;
		}
		jdbc.sql(
				"select owner_id, amount, currency, version from expansion_goal where quarter = :q and owner_id = any(:ids)")
			.param("q", quarter)
			.param("ids", new org.springframework.jdbc.support.SqlArrayValue("bigint", ownerIds.toArray()))
			.query(rs -> {
				goals.put(rs.getLong(1),
						new Goal(rs.getLong(1), new Money(rs.getBigDecimal(2), rs.getString(3)), rs.getLong(4)));
			});
		return goals;
	}

	/**
	 * Sets an account manager's expansion goal for a quarter, in US dollars (sales
	 * directors and admins); audited. The write checks the version read (null: there was
	 * none yet), so that two directors do not overwrite each other.
	 * @param quarter e.g. "2026-Q4"
	 * @throws InvalidInputException naming {@code amount}, {@code quarter} or
	 * {@code ownerId}
	 * @throws StaleVersionException when someone else set it since
	 */
	@Transactional
	public void setGoal(long ownerId, String quarter, BigDecimal amount, Long expectedVersion, CurrentUser user) {
		if (!canSetGoals(user)) {
			throw new AccessDeniedException("Only sales directors and admins set expansion goals");
		}
		if (quarter == null || !quarter.matches("\\d{4}-Q[1-4]")) {
			throw new InvalidInputException("quarter", "must be a quarter such as 2026-Q4");
		}
		if (amount == null || amount.signum() <= 0) {
			throw new InvalidInputException("amount", "Enter the quarter's expansion goal in USD, more than 0");
		}
		if (amount.scale() > 2 || amount.precision() - amount.scale() > 12) {
			throw new InvalidInputException("amount", "must be an amount with at most 2 decimals, under $1 trillion");
		}
		UserSummary owner = users.find(ownerId)
			.filter(u -> u.role() == Role.ACCOUNT_MANAGER)
			.orElseThrow(() -> new InvalidInputException("ownerId", "is not an account manager (id " + ownerId + ")"));
		java.sql.Timestamp at = java.sql.Timestamp.from(time.now());
		BigDecimal before = jdbc.sql("select amount from expansion_goal where owner_id = :o and quarter = :q")
			.param("o", ownerId)
			.param("q", quarter)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
		int written;
		if (expectedVersion == null) {
			written = jdbc.sql("""
					insert into expansion_goal (owner_id, quarter, amount, currency, set_by, set_at)
					values (:o, :q, :amount, 'USD', :by, :at) on conflict do nothing""")
				.param("o", ownerId)
				.param("q", quarter)
				.param("amount", amount)
				.param("by", user.username())
				.param("at", at)
				.update();
		}
		else {
			written = jdbc.sql("""
					update expansion_goal set amount = :amount, currency = 'USD', set_by = :by, set_at = :at,
					       version = version + 1
					 where owner_id = :o and quarter = :q and version = :version""")
				.param("o", ownerId)
				.param("q", quarter)
				.param("amount", amount)
				.param("by", user.username())
				.param("at", at)
				.param("version", expectedVersion)
				.update();
		}
		if (written == 0) {
			long current = jdbc.sql("select version from expansion_goal where owner_id = :o and quarter = :q")
				.param("o", ownerId)
				.param("q", quarter)
				.query(Long.class)
				.optional()
				.orElse(-1L);
			throw new StaleVersionException("The " + quarter + " goal of " + owner.fullName(), ownerId,
					expectedVersion == null ? -1 : expectedVersion, current);
		}
		audit.recordChanges(GOAL_ENTITY, ownerId,
				FieldChange.between(Map.of("goal " + quarter, before == null ? "default" : before.toPlainString()),
						Map.of("goal " + quarter, amount.toPlainString())),
				user);
	}

}
