package io.intime.health;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.accounts.PortfolioAccount;
import io.intime.health.alerts.AlertRule;
import io.intime.health.alerts.AlertSeverity;
import io.intime.health.alerts.AlertTriage;
import io.intime.identity.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unresolved health alerts of a portfolio, most urgent first, in one statement: the
 * "urgent alerts" of the account manager's console. Only the alerts addressed to the
 * reader (or of a rule they follow) on accounts whose health they see; the console's
 * readers (an account manager on their own accounts, a sales director) may see every
 * record an alert's reason cites.
 */
@Service
public class UrgentAlerts {

	private final JdbcClient jdbc;

	private final HealthRules rules;

	UrgentAlerts(JdbcClient jdbc, HealthRules rules) {
		this.jdbc = jdbc;
		this.rules = rules;
	}

	/**
	 * An alert as the console lists it.
	 *
	 * @param priority CRITICAL, HIGH, MEDIUM or LOW: the rule's severity weighed by the
	 * account's band, strategic flag and ARR (the triage of the alerts page)
	 * @param evidenceHref the page that shows why
	 */
	public record Urgent(long id, long accountId, String accountName, String rule, String severity, String priority,
			String reason, String evidenceHref, Instant raisedAt, boolean acknowledged) {

		public boolean critical() {
			return "CRITICAL".equals(priority) || "HIGH".equals(priority);
		}

	}

	/** The reader's unresolved alerts on these accounts, most urgent first. */
	@Transactional(readOnly = true)
	public List<Urgent> of(List<PortfolioAccount> accounts, CurrentUser user) {
		List<PortfolioAccount> seen = accounts.stream()
			.filter(a -> !user.hasRole(io.intime.identity.Role.ACCOUNT_MANAGER)
					|| java.util.Objects.equals(a.ownerId(), user.id()))
			.toList();
		if (seen.isEmpty()) {
			return List.of();
		}
		Map<Long, PortfolioAccount> byId = seen.stream()
			.collect(Collectors.toMap(PortfolioAccount::id, Function.identity()));
		return jdbc.sql("""
				select id, account_id, rule, severity, reason, evidence_href, raised_at, status from health_alert
				 where account_id = any(:accounts) and status <> 'RESOLVED'
				   and (:me = any(recipient_ids) or rule = any(:followed))""")
			.param("accounts", new SqlArrayValue("bigint", byId.keySet().toArray()))
			.param("me", user.id())
			.param("followed",
					new SqlArrayValue("varchar", rules.followedRules(user).stream().map(Enum::name).toArray()))
			.query((rs, n) -> {
				PortfolioAccount account = byId.get(rs.getLong("account_id"));
				AlertRule rule = AlertRule.valueOf(rs.getString("rule"));
				AlertSeverity severity = AlertSeverity.valueOf(rs.getString("severity"));
				BigDecimal arr = account.arrNowUsd() == null ? null : account.arrNowUsd().amount();
				AlertSeverity priority = AlertTriage.priority(severity, account.strategic(), arr, account.healthBand());
				return new Urgent(rs.getLong("id"), account.id(), account.name(), rule.label(), severity.name(),
						priority.name(), rs.getString("reason"), rs.getString("evidence_href"),
						((Timestamp) rs.getTimestamp("raised_at")).toInstant(),
						"ACKNOWLEDGED".equals(rs.getString("status")));
			})
			.list()
			.stream()
			.sorted(Comparator.comparing((Urgent u) -> AlertSeverity.valueOf(u.priority()))
				.thenComparing(u -> u.acknowledged())
				.thenComparing(Urgent::raisedAt, Comparator.reverseOrder()))
			.toList();
	}

}
