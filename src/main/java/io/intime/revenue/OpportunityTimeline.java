package io.intime.revenue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountTimelineSource;
import io.intime.identity.CurrentUser;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;
import io.intime.shared.TimelineEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's expansion opportunities on its timeline, in one statement: identified
 * (positive), won (positive) and lost (negative), dated at noon UTC of their day.
 */
@Component
class OpportunityTimeline implements AccountTimelineSource {

	private final JdbcClient jdbc;

	OpportunityTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(AccountDetails account, CurrentUser reader, Instant since, int limit) {
		long accountId = account.id();
		if (!RevenueRules.access(reader, account).view()) {
			return List.of();
		}
		return jdbc
			.sql("""
					select * from (
					  select id, title, amount, currency, source, stage, 'opportunity.identified' as kind, identified_on as day
					  from opportunity where account_id = :account
					  union all
					  select id, title, amount, currency, source, stage, 'opportunity.' || lower(stage), closed_on
					  from opportunity where account_id = :account and closed_on is not null
					) e
					where (e.day + time '12:00') at time zone 'UTC' >= :since
					order by e.day desc, e.id desc
					limit :limit""")
			.param("account", accountId)
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, row) -> {
				String kind = rs.getString("kind");
				LocalDate day = rs.getDate("day").toLocalDate();
				String value = MoneyFormat.compact(new Money(rs.getBigDecimal("amount"), rs.getString("currency")));
				String title = rs.getString("title");
				String source = rs.getString("source");
				String href = "/accounts/" + accountId + "/opportunities#opportunity-" + rs.getLong("id");
				Instant at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
				return switch (kind) {
					case "opportunity.won" -> new TimelineEntry(at, kind,
							"Expansion won: " + title + " (" + value + ")", null, href, "positive");
					case "opportunity.lost" -> new TimelineEntry(at, kind,
							"Expansion lost: " + title + " (" + value + ")", null, href, "negative");
					default -> new TimelineEntry(at, kind, "Expansion identified: " + title + " (" + value + ")",
							source == null ? null : "Source: " + source, href, "positive");
				};
			})
			.list();
	}

}
