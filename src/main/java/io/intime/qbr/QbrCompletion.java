package io.intime.qbr;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.intime.engagement.MeetingView;
import io.intime.engagement.Meetings;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spec 03's QBR completion rate (QBRs completed / QBRs due, by the cadence of
 * {@link QbrCadence}) with its quality criteria, per account manager (the QBR's owner),
 * per team and per set of accounts: what the QBR calendar's header and the scorecard
 * show. Two statements whatever the period: the QBRs with whether they have action items,
 * and their meetings. No permission check: callers decide whose figures the reader sees.
 */
@Service
public class QbrCompletion {

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final Today time;

	QbrCompletion(JdbcClient jdbc, Meetings meetings, Today time) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.time = time;
	}

	/**
	 * The rate of the QBRs these account managers own, due from {@code from} to
	 * {@code to}.
	 */
	@Transactional(readOnly = true)
	public QbrCompletionRate ofOwners(Collection<Long> ownerIds, LocalDate from, LocalDate to) {
		return QbrCadence.tally(facts("owner_id", ownerIds, from, to), from, to, time.organizationToday());
	}

	/**
	 * Each account manager's rate (by owner id) of the QBRs they own due in the period.
	 */
	@Transactional(readOnly = true)
	public Map<Long, QbrCompletionRate> byOwner(Collection<Long> ownerIds, LocalDate from, LocalDate to) {
		return perOwner(facts("owner_id", ownerIds, from, to), ownerIds, from, to);
	}

	/** A rate in total and per account manager (by owner id). */
	public record Breakdown(QbrCompletionRate total, Map<Long, QbrCompletionRate> byOwner) {
	}

	/** The rate of these accounts' QBRs due in the period, in total and per owner. */
	@Transactional(readOnly = true)
	public Breakdown ofAccounts(Collection<Long> accountIds, LocalDate from, LocalDate to) {
		List<QbrCadence.Fact> facts = facts("account_id", accountIds, from, to);
		List<Long> owners = facts.stream().map(QbrCadence.Fact::ownerId).filter(Objects::nonNull).distinct().toList();
		return new Breakdown(QbrCadence.tally(facts, from, to, time.organizationToday()),
				perOwner(facts, owners, from, to));
	}

	/**
	 * An account manager's rate month by month, from {@code first} to {@code last}: each
	 * month's rate covers the QBRs due in the twelve months ending with it (QBRs fall due
	 * at the ends of quarters, so a month alone would mostly have none), as of the
	 * month's end (or today).
	 */
	@Transactional(readOnly = true)
	public Map<YearMonth, QbrCompletionRate> trailingYearByMonth(long ownerId, YearMonth first, YearMonth last) {
		LocalDate from = first.minusMonths(11).atDay(1);
		List<QbrCadence.Fact> facts = facts("owner_id", List.of(ownerId), from, last.atEndOfMonth());
		LocalDate today = time.organizationToday();
		Map<YearMonth, QbrCompletionRate> months = new LinkedHashMap<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			months.put(m, QbrCadence.tally(facts, m.minusMonths(11).atDay(1), m.atEndOfMonth(), today));
		}
		return months;
	}

	/** The twelve months ending today: the period the calendar's header reports. */
	public LocalDate[] lastTwelveMonths() {
		LocalDate today = time.organizationToday();
		return new LocalDate[] { today.minusYears(1).plusDays(1), today };
	}

	private Map<Long, QbrCompletionRate> perOwner(List<QbrCadence.Fact> facts, Collection<Long> ownerIds,
			LocalDate from, LocalDate to) {
		LocalDate today = time.organizationToday();
		Map<Long, List<QbrCadence.Fact>> byOwner = new HashMap<>();
		facts.forEach(f -> {
			if (f.ownerId() != null) {
				byOwner.computeIfAbsent(f.ownerId(), k -> new ArrayList<>()).add(f);
			}
		});
		Map<Long, QbrCompletionRate> result = new LinkedHashMap<>();
		for (Long owner : ownerIds) {
			result.put(owner, QbrCadence.tally(byOwner.getOrDefault(owner, List.of()), from, to, today));
		}
		return result;
	}

	private List<QbrCadence.Fact> facts(String column, Collection<Long> ids, LocalDate from, LocalDate to) {
		if (ids.isEmpty()) {
			return List.of();
		}
		record Row(long accountId, String quarter, LocalDate dueDate, String status, Long ownerId, Long meetingId,
				Instant deckReadyAt, Boolean executiveAttended, Instant followUpSentAt, Instant completedAt,
				boolean actionItems) {
		}
		List<Row> rows = jdbc.sql("""
				select q.account_id, q.quarter, q.due_date, q.status, q.owner_id, q.meeting_id, q.deck_ready_at,
				       q.executive_attended, q.follow_up_sent_at, q.completed_at,
				       exists (select 1 from qbr_item i where i.qbr_id = q.id and i.kind = 'ACTION') as action_items
				  from qbr q
				 where q.%s = any(:ids) and q.due_date between :from and :to""".formatted(column))
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
					(Long) rs.getObject(5), (Long) rs.getObject(6), instant(rs.getTimestamp(7)),
					(Boolean) rs.getObject(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
					rs.getBoolean(11)))
			.list();
		Map<Long, MeetingView> held = meetings.byIds(rows.stream()
			.filter(r -> "COMPLETED".equals(r.status()) && r.meetingId() != null)
			.map(Row::meetingId)
			.toList());
		return rows.stream().map(r -> {
			MeetingView meeting = r.meetingId() == null ? null : held.get(r.meetingId());
			return new QbrCadence.Fact(r.accountId(), QbrQuarter.parse(r.quarter(), "quarter"), r.dueDate(),
					QbrStatus.valueOf(r.status()), r.ownerId(), meeting == null ? null : meeting.startsAt(),
					r.deckReadyAt(), r.executiveAttended(), r.followUpSentAt(), r.completedAt(), r.actionItems());
		}).toList();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
