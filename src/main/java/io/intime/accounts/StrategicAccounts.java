package io.intime.accounts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.intime.accounts.internal.AccountRules;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.CurrencyRates;
import io.intime.shared.Money;
import io.intime.shared.NotFoundException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strategic accounts of an executive or a sales director's team (spec 01), read in
 * one statement with what the portfolio needs of their contracts and contacts; the
 * company's ARR in a second; flagging an account critical and taking its sponsorship
 * (flow A1).
 */
@Service
public class StrategicAccounts {

	/**
	 * Who the portfolio is for: the accounts an executive sponsors, or the strategic
	 * accounts owned by a team.
	 */
	public record Scope(Long sponsorId, Collection<Long> ownerIds, boolean all, Long accountId) {

		public static Scope sponsoredBy(long userId) {
			return new Scope(userId, List.of(), false, null);
		}

		public static Scope ownedBy(Collection<Long> ownerIds) {
			return new Scope(null, List.copyOf(ownerIds), false, null);
		}

		/** Every strategic account (an executive who sponsors none sees them all). */
		public static Scope allStrategic() {
			return new Scope(null, List.of(), true, null);
		}

		/** One account, strategic or not (its health dashboard). */
		public static Scope account(long accountId) {
			return new Scope(null, List.of(), false, accountId);
		}
	}

	private final JdbcClient jdbc;

	private final CurrencyRates rates;

	private final AuditTrail audit;

	private final Today time;

	StrategicAccounts(JdbcClient jdbc, CurrencyRates rates, AuditTrail audit, Today time) {
		this.jdbc = jdbc;
		this.rates = rates;
		this.audit = audit;
		this.time = time;
	}

	/**
	 * The accounts of a portfolio and the company's ARR (every live account's, in US
	 * dollars at the constant rates) that the portfolio's share is of.
	 */
	public record Found(List<StrategicAccount> accounts, Money companyArrUsd) {
	}

	/**
	 * The live strategic accounts of the scope, by name, and the company's ARR, in one
	 * statement.
	 */
	@Transactional(readOnly = true)
	public Found of(Scope scope, CurrentUser user) {
		if (scope.sponsorId() == null && scope.ownerIds().isEmpty() && !scope.all() && scope.accountId() == null) {
			return new Found(List.of(), companyArrUsd());
		}
		String[] company = { "" };
		LocalDate today = time.organizationToday();
		String where = scope.accountId() != null ? "a.id = :account"
				: scope.sponsorId() != null ? "a.executive_sponsor_id = :sponsor"
						: scope.all() ? "a.strategic" : "a.strategic and a.owner_id = any(:owners)";
		List<StrategicAccount> accounts = jdbc
			.sql("""
					select a.id, a.account_key, a.name, a.industry, a.employee_count, a.hq_location, a.time_zone,
					       a.relationship_start, a.owner_id, o.full_name as owner_name, a.executive_sponsor_id,
					       s.full_name as sponsor_name, a.arr_amount, a.billing_currency, a.health_score, a.health_band,
					       a.critical_since, a.critical_reason,
					       (select max(c.end_date) from contract c where c.account_id = a.id and c.status = 'ACTIVE') as renewal_date,
					       (select min(c.start_date) from contract c
					         where c.account_id = a.id and c.status = 'ACTIVE' and c.start_date > :since90
					           and exists (select 1 from contract p where p.account_id = a.id and p.status = 'RENEWED'
					                          and p.end_date >= c.start_date - 1 and p.end_date < c.start_date)) as renewed_on,
					       exists (select 1 from contract c where c.account_id = a.id and c.status = 'DRAFT'
					                 and c.start_date >= :today - 31) as stalled,
					       x.name as new_executive, x.created_at as new_executive_added,
					      (select string_agg(t.currency || ':' || coalesce(t.then_value, 0) || ':' || coalesce(t.now_value, 0), ';')
					         from (select c.currency,
					                      sum(l.annual_value) filter (where c.start_date <= :yearAgo and c.end_date >= :yearAgo) as then_value,
					                      sum(l.annual_value) filter (where c.start_date <= :today and c.end_date >= :today) as now_value
					                 from contract c join service_line l on l.contract_id = c.id
					                where c.account_id = a.id and c.status <> 'DRAFT' group by c.currency) t) as arr_history,
					       (select string_agg(t.billing_currency || ':' || t.arr, ';')
					          from (select billing_currency, sum(arr_amount) as arr from account
					                 where archived_at is null group by billing_currency) t) as company_arr
					  from account a
					  left join app_user o on o.id = a.owner_id
					  left join app_user s on s.id = a.executive_sponsor_id
					  left join lateral (select ct.name, ct.created_at from contact ct
					                      where ct.account_id = a.id and ct.stakeholder_role = 'EXECUTIVE' and ct.active
					                        and ct.created_at > :since90ts
					                      order by ct.created_at desc limit 1) x on true
					 where a.archived_at is null and """
					+ " " + where + " order by lower(a.name), a.id")
			.param("sponsor", scope.sponsorId())
			.param("account", scope.accountId())
			.param("owners", new SqlArrayValue("bigint", scope.ownerIds().toArray()))
			.param("today", today)
			.param("yearAgo", today.minusYears(1))
			.param("since90", today.minusDays(90))
			.param("since90ts", Timestamp.from(time.now().minus(java.time.Duration.ofDays(90))))
			.query((rs, n) -> {
				company[0] = rs.getString("company_arr");
				Long owner = (Long) rs.getObject("owner_id");
				boolean health = AccountRules.seesHealthOf(user, owner);
				Money arr = new Money(rs.getBigDecimal("arr_amount"), rs.getString("billing_currency"));
				String band = rs.getString("health_band");
				Timestamp added = rs.getTimestamp("new_executive_added");
				Timestamp critical = rs.getTimestamp("critical_since");
				java.sql.Date renewal = rs.getDate("renewal_date");
				java.sql.Date renewed = rs.getDate("renewed_on");
				java.sql.Date since = rs.getDate("relationship_start");
				Money then = Money.zero("USD");
				Money nowUsd = Money.zero("USD");
				String history = rs.getString("arr_history");
				for (String part : history == null ? new String[0] : history.split(";")) {
					String[] v = part.split(":");
					then = then.plus(rates.convert(new Money(new BigDecimal(v[1]), v[0]), "USD"));
					nowUsd = nowUsd.plus(rates.convert(new Money(new BigDecimal(v[2]), v[0]), "USD"));
				}
				return new StrategicAccount(rs.getLong("id"), rs.getString("account_key"), rs.getString("name"),
						rs.getString("industry"), (Integer) rs.getObject("employee_count"), rs.getString("hq_location"),
						rs.getString("time_zone"), since == null ? null : since.toLocalDate(), owner,
						rs.getString("owner_name"), (Long) rs.getObject("executive_sponsor_id"),
						rs.getString("sponsor_name"), arr, rates.convert(arr, "USD"),
						health ? (Integer) rs.getObject("health_score", Integer.class) : null,
						health && band != null ? HealthBand.valueOf(band) : null,
						renewal == null ? null : renewal.toLocalDate(), renewed == null ? null : renewed.toLocalDate(),
						rs.getBoolean("stalled"), rs.getString("new_executive"),
						added == null ? null : added.toInstant(), critical == null ? null : critical.toInstant(),
						rs.getString("critical_reason"), then, nowUsd);
			})
			.list();
		if (accounts.isEmpty()) {
			return new Found(accounts, companyArrUsd());
		}
		Money total = Money.zero("USD");
		for (String part : company[0] == null ? new String[0] : company[0].split(";")) {
			String[] values = part.split(":");
			total = total.plus(rates.convert(new Money(new BigDecimal(values[1]), values[0]), "USD"));
		}
		return new Found(accounts, total);
	}

	/**
	 * One account as the portfolio reads it (strategic or not), for its health dashboard.
	 * @throws NotFoundException when there is no such live account
	 */
	@Transactional(readOnly = true)
	public StrategicAccount one(long accountId, CurrentUser user) {
		return of(Scope.account(accountId), user).accounts()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Account", accountId));
	}

	/**
	 * The ARR of every live account in US dollars at the constant rates: the company's
	 * recurring revenue that the portfolio's share is of.
	 */
	@Transactional(readOnly = true)
	public Money companyArrUsd() {
		Money total = Money.zero("USD");
		Map<String, BigDecimal> byCurrency = new java.util.HashMap<>();
		jdbc.sql(
				"""
						select billing_currency, sum(arr_amount) from account where archived_at is null group by billing_currency""")
			.query(rs -> {
				byCurrency.put(rs.getString(1), rs.getBigDecimal(2));
			});
		for (Map.Entry<String, BigDecimal> e : byCurrency.entrySet()) {
			total = total.plus(rates.convert(new Money(e.getValue(), e.getKey()), "USD"));
		}
		return total;
	}

	/**
	 * Flow A1: an executive flags the account critical, with the reason, and takes its
	 * executive sponsorship. Audited on the account.
	 * @throws org.springframework.security.access.AccessDeniedException for anyone but an
	 * executive
	 */
	@Transactional
	public void flagCritical(long accountId, String reason, CurrentUser user) {
		AccountRules.require(user.hasRole(Role.EXECUTIVE), "Only executives flag an account critical");
		Map<String, Object> before = jdbc
			.sql("select executive_sponsor_id, critical_since from account where id = :id and archived_at is null")
			.param("id", accountId)
			.query((rs, n) -> {
				Map<String, Object> row = new java.util.HashMap<>();
				row.put("sponsor", rs.getObject(1));
				row.put("critical", rs.getObject(2));
				return row;
			})
			.optional()
			.orElseThrow(() -> new NotFoundException("Account", accountId));
		Instant now = time.now();
		jdbc.sql("""
				update account set critical_since = coalesce(critical_since, :now), critical_reason = :reason,
				       executive_sponsor_id = :me, version = version + 1, updated_at = :now, updated_by = :by
				 where id = :id""")
			.param("by", user.username())
			.param("now", Timestamp.from(now))
			.param("reason", reason)
			.param("me", user.id())
			.param("id", accountId)
			.update();
		List<FieldChange> changes = new java.util.ArrayList<>();
		if (before.get("critical") == null) {
			changes.add(new FieldChange("critical", null, reason));
		}
		if (!Long.valueOf(user.id()).equals(before.get("sponsor"))) {
			changes.add(new FieldChange("executiveSponsor",
					before.get("sponsor") == null ? null : String.valueOf(before.get("sponsor")), user.fullName()));
		}
		if (!changes.isEmpty()) {
			audit.recordChanges(AccountManagement.ENTITY, accountId, changes, user);
		}
	}

	/** Clears the critical flag (an executive, once the account has recovered). */
	@Transactional
	public void clearCritical(long accountId, CurrentUser user) {
		AccountRules.require(user.hasRole(Role.EXECUTIVE), "Only executives clear the critical flag");
		int changed = jdbc.sql("""
				update account set critical_since = null, critical_reason = null
				 where id = :id and critical_since is not null""").param("id", accountId).update();
		if (changed == 1) {
			audit.recordChanges(AccountManagement.ENTITY, accountId,
					List.of(new FieldChange("critical", "flagged", null)), user);
		}
	}

}
