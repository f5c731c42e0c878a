package io.intime.engagement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountTimelineSource;
import io.intime.identity.CurrentUser;
import io.intime.shared.TimelineEntry;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities ("Email – Requested pause on all searches") and NPS responses ("NPS Survey –
 * Score: 3/10 “Not meeting expectations”") on the account timeline, in one statement.
 * Planned activities appear once they have happened. A response is placed at 16:00 UTC of
 * its day (midday in the Americas), as responses carry a date only.
 */
@Component
class EngagementTimeline implements AccountTimelineSource {

	private final JdbcClient jdbc;

	private final EngagementRules rules;

	private final Today time;

	EngagementTimeline(JdbcClient jdbc, EngagementRules rules, Today time) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.time = time;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(AccountDetails account, CurrentUser reader, Instant since, int limit) {
		long accountId = account.id();
		if (!rules.canView(reader, account)) {
			return List.of();
		}
		return jdbc.sql("""
				select * from (
				  select occurred_at as at, 'activity' as source, id, type, direction, subject as title,
				         coalesce(outcome, left(notes, 160)) as detail, sentiment, null::int as score
				  from activity
				  where account_id = :account and occurred_at >= :since and occurred_at <= :now
				  union all
				  select (responded_on + time '16:00') at time zone 'UTC', 'nps', id, survey_type, null, comment,
				         null, null, score
				  from nps_response
				  where account_id = :account and (responded_on + time '16:00') at time zone 'UTC' >= :since
				) entries
				order by at desc, id desc
				limit :limit""")
			.param("account", accountId)
			.param("now", Timestamp.from(time.now()))
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, i) -> entry(accountId, rs.getTimestamp("at").toInstant(), rs.getString("source"),
					rs.getLong("id"), rs.getString("type"), rs.getString("direction"), rs.getString("title"),
					rs.getString("detail"), rs.getString("sentiment"), (Integer) rs.getObject("score")))
			.list();
	}

	static TimelineEntry entry(long accountId, Instant at, String source, long id, String type, String direction,
			String title, String detail, String sentiment, Integer score) {
		String base = "/accounts/" + accountId + "/activities";
		if (source.equals("nps")) {
			String text = "NPS Survey – Score: " + score + "/10"
					+ (title == null || title.isBlank() ? "" : " “" + title + "”");
			String tone = score <= 6 ? "negative" : score >= 9 ? "positive" : "neutral";
			return new TimelineEntry(at, "nps", text, SurveyType.valueOf(type).label() + " survey", base + "#nps-" + id,
					tone);
		}
		ActivityType activityType = ActivityType.valueOf(type);
		String tone = sentiment == null ? "neutral" : sentiment.toLowerCase();
		String second = ActivityDirection.valueOf(direction).label()
				+ (detail == null || detail.isBlank() ? "" : " · " + detail);
		return new TimelineEntry(at, "activity." + type.toLowerCase(), activityType.label() + " – " + title, second,
				base + "#activity-" + id, tone);
	}

}
