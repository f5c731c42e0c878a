package io.intime.staffing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountTimelineSource;
import io.intime.identity.CurrentUser;
import io.intime.shared.TimelineEntry;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account timeline's staffing entries: jobs opened, filled and cancelled, placements
 * started and fallen off. Staffing events are days, not moments: each is placed at noon
 * UTC of its day, so that it shows on that day in every time zone of the Americas and
 * Europe.
 */
@Component
class StaffingTimeline implements AccountTimelineSource {

	private static final LocalTime NOON = LocalTime.NOON;

	private final JdbcClient jdbc;

	private final RecruiterManagement recruiters;

	private final Today time;

	StaffingTimeline(JdbcClient jdbc, RecruiterManagement recruiters, Today time) {
		this.jdbc = jdbc;
		this.recruiters = recruiters;
		this.time = time;
	}

	/** One statement over jobs and placements, newest first. */
	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(AccountDetails account, CurrentUser reader, Instant since, int limit) {
		long accountId = account.id();
		Instant now = time.now();
		LocalDate first = dayOf(since);
		if (at(first).isBefore(since)) {
			first = first.plusDays(1);
		}
		LocalDate last = dayOf(now);
		if (at(last).isAfter(now)) {
			last = last.minusDays(1);
		}
		if (last.isBefore(first)) {
			return List.of();
		}
		record Row(LocalDate day, String kind, long id, String title, String candidate, String type, String priority,
				String department, Long recruiterId, Integer days) {
		}
		List<Row> rows = jdbc.sql("""
				select * from (
				  select p.start_date as day, 'placement' as kind, p.id, j.title, p.candidate_name, p.type,
				         null as priority, j.department, p.recruiter_id, null::int as days
				  from placement p join job j on j.id = p.job_id
				  where p.account_id = :account and p.start_date between :first and :last
				  union all
				  select p.falloff_date, 'placement.falloff', p.id, j.title, p.candidate_name, p.type,
				         null, j.department, p.recruiter_id, p.falloff_date - p.start_date
				  from placement p join job j on j.id = p.job_id
				  where p.account_id = :account and p.falloff_date between :first and :last
				  union all
				  select opened_on, 'job.opened', id, title, null, null, priority, department, recruiter_id, null
				  from job where account_id = :account and opened_on between :first and :last
				  union all
				  select filled_on, 'job.filled', id, title, null, null, priority, department, recruiter_id,
				         filled_on - opened_on
				  from job where account_id = :account and filled_on between :first and :last
				  union all
				  select cancelled_on, 'job.cancelled', id, title, null, null, priority, department, recruiter_id,
				         cancelled_on - opened_on
				  from job where account_id = :account and cancelled_on between :first and :last
				) entries
				order by day desc,
				         case kind when 'placement.falloff' then 0 when 'job.cancelled' then 1 when 'job.filled' then 2
				                   when 'placement' then 3 else 4 end,
				         id desc
				limit :limit""")
			.param("account", accountId)
			.param("first", first)
			.param("last", last)
			.param("limit", limit)
			.query((rs, i) -> new Row(rs.getDate("day").toLocalDate(), rs.getString("kind"), rs.getLong("id"),
					rs.getString("title"), rs.getString("candidate_name"), rs.getString("type"),
					rs.getString("priority"), rs.getString("department"),
					(Long) rs.getObject("recruiter_id", Long.class), (Integer) rs.getObject("days", Integer.class)))
			.list();
		Map<Long, String> names = recruiters
			.names(rows.stream().map(Row::recruiterId).filter(java.util.Objects::nonNull).toList());
		List<TimelineEntry> entries = new ArrayList<>();
		String base = "/accounts/" + accountId + "/jobs";
		for (Row r : rows) {
			String by = r.recruiterId() == null ? null : names.get(r.recruiterId());
			switch (r.kind()) {
				case "placement" -> entries.add(new TimelineEntry(at(r.day()), r.kind(),
						"Placement – " + r.title() + " (" + r.candidate() + ") started",
						label(r.type()) + " placement" + (by == null ? "" : " · by " + by),
						base + "#placement-" + r.id(), "positive"));
				case "placement.falloff" -> entries.add(new TimelineEntry(at(r.day()), r.kind(),
						"Placement fell off – " + r.title() + " (" + r.candidate() + ")", "After " + r.days()
								+ (r.days() == 1 ? " day" : " days") + (by == null ? "" : " · placed by " + by),
						base + "#placement-" + r.id(), "negative"));
				case "job.opened" -> entries.add(new TimelineEntry(at(r.day()), r.kind(), "Job opened – " + r.title(),
						label(r.priority()) + " priority" + (r.department() == null ? "" : " · " + r.department())
								+ (by == null ? "" : " · " + by),
						base + "#job-" + r.id(), "neutral"));
				case "job.filled" -> entries.add(new TimelineEntry(at(r.day()), r.kind(), "Job filled – " + r.title(),
						"Filled in " + r.days() + (r.days() == 1 ? " day" : " days") + (by == null ? "" : " · " + by),
						base + "#job-" + r.id(), "positive"));
				default -> entries.add(new TimelineEntry(at(r.day()), r.kind(), "Job cancelled – " + r.title(),
						"After " + r.days() + (r.days() == 1 ? " day" : " days") + " open", base + "#job-" + r.id(),
						"negative"));
			}
		}
		return entries;
	}

	static Instant at(LocalDate day) {
		return day.atTime(NOON).toInstant(ZoneOffset.UTC);
	}

	private static LocalDate dayOf(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate();
	}

	private static String label(String constant) {
		if (constant == null) {
			return "";
		}
		String text = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
