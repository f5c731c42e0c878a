package io.intime.qbr;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.ContractManagement;
import io.intime.accounts.ReportableAccount;
import io.intime.engagement.MeetingView;
import io.intime.engagement.Meetings;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading QBRs and who may: the "QBR documents" row of spec 03's permissions. Account
 * managers see the QBRs of the accounts assigned to them and change their own; sales
 * directors, executives and admins see and change all. A QBR presents revenue, so only
 * these roles read it (the accounts a user may report on are the contracts facade's).
 */
@Service
public class Qbrs {

	private final JdbcClient jdbc;

	private final ContractManagement contracts;

	private final Meetings meetings;

	Qbrs(JdbcClient jdbc, ContractManagement contracts, Meetings meetings) {
		this.jdbc = jdbc;
		this.contracts = contracts;
		this.meetings = meetings;
	}

	static final String COLUMNS = """
			select q.id, q.account_id, q.quarter, q.due_date, q.status, q.meeting_id, q.owner_id, q.agenda, q.notes,
			       q.deck_ready_at, q.executive_attended, q.follow_up_sent_at, q.completed_at, q.version
			  from qbr q
			""";

	/** Whether the user's role reads QBRs at all. */
	public static boolean reads(CurrentUser user) {
		return user.hasRole(Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN);
	}

	/**
	 * @throws AccessDeniedException unless the user's role reads QBRs
	 */
	public static void requireReader(CurrentUser user) {
		if (!reads(user)) {
			throw new AccessDeniedException("Account managers, sales directors and executives work with QBRs");
		}
	}

	/** The accounts whose QBRs the user may read, by id. */
	@Transactional(readOnly = true)
	public Map<Long, ReportableAccount> visibleAccounts(CurrentUser user) {
		requireReader(user);
		Map<Long, ReportableAccount> visible = new HashMap<>();
		contracts.reportableAccounts(user).forEach(a -> visible.put(a.id(), a));
		return visible;
	}

	/**
	 * One account whose QBRs the user may read (reading that account only).
	 * @throws AccessDeniedException when the user may not
	 */
	@Transactional(readOnly = true)
	public ReportableAccount account(long accountId, CurrentUser user) {
		requireReader(user);
		return contracts.reportableAccounts(user, List.of(accountId))
			.stream()
			.findFirst()
			.orElseThrow(() -> new AccessDeniedException("You may not see this account's QBRs"));
	}

	/** Whether the user reads the account's QBRs (without refusing). */
	@Transactional(readOnly = true)
	public boolean mayRead(long accountId, CurrentUser user) {
		return reads(user) && !contracts.reportableAccounts(user, List.of(accountId)).isEmpty();
	}

	/**
	 * One QBR.
	 * @throws NotFoundException when there is none
	 * @throws AccessDeniedException when the user may not read it
	 */
	@Transactional(readOnly = true)
	public QbrView get(long id, CurrentUser user) {
		requireReader(user);
		Long accountId = jdbc.sql("select account_id from qbr where id = :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("QBR", id));
		ReportableAccount account = account(accountId, user);
		return views(COLUMNS + " where q.id = :id", Map.of("id", id), Map.of(accountId, account)).get(0);
	}

	/**
	 * The QBRs of the given accounts (all the user may read when {@code accountIds} is
	 * null) whose due date or meeting falls in [from, to], by date.
	 */
	@Transactional(readOnly = true)
	public List<QbrView> between(java.time.LocalDate from, java.time.LocalDate to, Collection<Long> accountIds,
			CurrentUser user) {
		Map<Long, ReportableAccount> visible = visibleAccounts(user);
		List<Long> ids = accountIds == null ? List.copyOf(visible.keySet())
				: accountIds.stream().filter(visible::containsKey).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		return views(COLUMNS
				+ " where q.account_id = any(:ids) and q.due_date between :from and :to order by q.due_date, q.id",
				Map.of("ids", new SqlArrayValue("bigint", ids.toArray()), "from", from, "to", to), visible);
	}

	/**
	 * The QBRs of the given accounts (all the user may read when {@code accountIds} is
	 * null) that fall on a calendar day from {@code from} to {@code to} in {@code zone}:
	 * the day its meeting starts when it has one, else the day it was completed when
	 * done, else its due date. Cancelled ones are left out. Three statements: the rows,
	 * their meetings, and the accounts the user may read.
	 * <p>
	 * A QBR held without its meeting found among the rows finalized up to a quarter after
	 * the range is missed; a QBR is finalized within days of its meeting.
	 */
	@Transactional(readOnly = true)
	public List<QbrView> onCalendar(java.time.LocalDate from, java.time.LocalDate to, Collection<Long> accountIds,
			java.time.ZoneId zone, CurrentUser user) {
		Map<Long, ReportableAccount> visible = visibleAccounts(user);
		List<Long> ids = readable(accountIds, visible);
		if (ids.isEmpty()) {
			return List.of();
		}
		java.time.Instant completedFrom = from.minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		java.time.Instant completedTo = to.plusDays(CALENDAR_FINALIZE_DAYS)
			.atStartOfDay(java.time.ZoneOffset.UTC)
			.toInstant();
		List<QbrView> candidates = views(COLUMNS + """
				where q.account_id = any(:ids) and q.status <> 'CANCELLED'
				  and (q.due_date between :from and :to or q.status = 'SCHEDULED'
				       or q.status = 'COMPLETED' and q.completed_at >= :completedFrom and q.completed_at < :completedTo)
				order by q.due_date, q.id""", Map.of("ids", new SqlArrayValue("bigint", ids.toArray()), "from", from,
				"to", to, "completedFrom", Timestamp.from(completedFrom), "completedTo", Timestamp.from(completedTo)),
				visible);
		return candidates.stream().filter(q -> {
			java.time.LocalDate day = calendarDay(q, zone);
			return !day.isBefore(from) && !day.isAfter(to);
		})
			.sorted(java.util.Comparator.comparing((QbrView q) -> calendarDay(q, zone))
				.thenComparing(q -> q.startsAt() == null ? java.time.Instant.MAX : q.startsAt())
				.thenComparing(QbrView::accountName))
			.toList();
	}

	/**
	 * How long after its meeting a QBR may be finalized and still be found by its
	 * meeting's day.
	 */
	static final int CALENDAR_FINALIZE_DAYS = 92;

	/**
	 * The day a QBR stands on a calendar in {@code zone}: its meeting's start, else when
	 * it was completed, else its due date.
	 */
	public static java.time.LocalDate calendarDay(QbrView qbr, java.time.ZoneId zone) {
		if (qbr.startsAt() != null) {
			return qbr.startsAt().atZone(zone).toLocalDate();
		}
		if (qbr.completedAt() != null) {
			return qbr.completedAt().atZone(zone).toLocalDate();
		}
		return qbr.dueDate();
	}

	/**
	 * The QBRs of the given accounts (all the user may read when null) that are planned
	 * and have no meeting yet, overdue first (by due date).
	 */
	@Transactional(readOnly = true)
	public List<QbrView> unscheduled(Collection<Long> accountIds, CurrentUser user) {
		Map<Long, ReportableAccount> visible = visibleAccounts(user);
		List<Long> ids = readable(accountIds, visible);
		if (ids.isEmpty()) {
			return List.of();
		}
		return views(COLUMNS + " where q.account_id = any(:ids) and q.status = 'PLANNED' order by q.due_date, q.id",
				Map.of("ids", new SqlArrayValue("bigint", ids.toArray())), visible);
	}

	/**
	 * One page of the QBRs the user may read, of one account or all, whose due date falls
	 * from {@code from} to {@code to} (either may be null: open-ended), optionally in one
	 * status; by due date. Four statements: the page, its total, the meetings and the
	 * accounts the user may read.
	 */
	@Transactional(readOnly = true)
	public io.intime.shared.PageResult<QbrView> search(Long accountId, java.time.LocalDate from, java.time.LocalDate to,
			QbrStatus status, io.intime.shared.PageRequest page, CurrentUser user) {
		Map<Long, ReportableAccount> visible = visibleAccounts(user);
		List<Long> ids = readable(accountId == null ? null : List.of(accountId), visible);
		if (accountId != null && ids.isEmpty()) {
			if (jdbc.sql("select count(*) from qbr where account_id = :id")
				.param("id", accountId)
				.query(Integer.class)
				.single() > 0 && !visible.containsKey(accountId)) {
				throw new AccessDeniedException("You may not see this account's QBRs");
			}
		}
		if (ids.isEmpty()) {
			return new io.intime.shared.PageResult<>(List.of(), 0, page.page(), page.size());
		}
		StringBuilder where = new StringBuilder(" where q.account_id = any(:ids)");
		Map<String, Object> params = new HashMap<>();
		params.put("ids", new SqlArrayValue("bigint", ids.toArray()));
		if (from != null) {
			where.append(" and q.due_date >= :from");
			params.put("from", from);
		}
		if (to != null) {
			where.append(" and q.due_date <= :to");
			params.put("to", to);
		}
		if (status != null) {
			where.append(" and q.status = :status");
			params.put("status", status.name());
		}
		long total = jdbc.sql("select count(*) from qbr q" + where).params(params).query(Long.class).single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<QbrView> items = views(COLUMNS + where + " order by q.due_date, q.id limit :limit offset :offset", params,
				visible);
		return new io.intime.shared.PageResult<>(items, total, page.page(), page.size());
	}

	private static List<Long> readable(Collection<Long> accountIds, Map<Long, ReportableAccount> visible) {
		return accountIds == null ? List.copyOf(visible.keySet())
				: accountIds.stream().filter(visible::containsKey).distinct().toList();
	}

	/**
	 * The account's QBR to prepare next: its open QBR (scheduled or planned) due first,
	 * or none.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<QbrView> nextOpen(long accountId, CurrentUser user) {
		Map<Long, ReportableAccount> visible = Map.of(accountId, account(accountId, user));
		return views(COLUMNS + " where q.account_id = :account and q.status in ('PLANNED', 'SCHEDULED')"
				+ " order by q.due_date, q.id limit 1", Map.of("account", accountId), visible)
			.stream()
			.findFirst();
	}

	/**
	 * Whether the user may change the QBR: its owner (or the account's manager), sales
	 * directors, executives and admins.
	 */
	public boolean mayEdit(QbrView qbr, CurrentUser user) {
		if (user.hasRole(Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN)) {
			return true;
		}
		return user.hasRole(Role.ACCOUNT_MANAGER) && qbr.ownerId() != null && qbr.ownerId() == user.id();
	}

	/**
	 * @throws AccessDeniedException unless {@link #mayEdit}
	 */
	public void requireEditor(QbrView qbr, CurrentUser user) {
		if (!mayEdit(qbr, user)) {
			throw new AccessDeniedException("Only the QBR's account manager, sales directors and executives change it");
		}
	}

	private List<QbrView> views(String sql, Map<String, ?> params, Map<Long, ReportableAccount> visible) {
		List<Row> rows = jdbc.sql(sql).params(params).query(Qbrs::row).list();
		List<Row> readable = rows.stream().filter(r -> visible.containsKey(r.accountId)).toList();
		Map<Long, MeetingView> meetingsById = meetings
			.byIds(readable.stream().map(r -> r.meetingId).filter(java.util.Objects::nonNull).toList());
		List<QbrView> views = new ArrayList<>();
		for (Row r : readable) {
			ReportableAccount account = visible.get(r.accountId);
			MeetingView meeting = r.meetingId == null ? null : meetingsById.get(r.meetingId);
			Long owner = r.ownerId != null ? r.ownerId : account.ownerId();
			String ownerName = owner != null && owner.equals(account.ownerId()) ? account.ownerName() : null;
			views.add(new QbrView(r.id, r.accountId, account.name(), QbrQuarter.parse(r.quarter, "quarter"), r.dueDate,
					QbrStatus.valueOf(r.status), r.meetingId, meeting == null ? null : meeting.startsAt(), owner,
					ownerName, r.agenda, r.notes, r.deckReadyAt, r.executiveAttended, r.followUpSentAt, r.completedAt,
					r.version));
		}
		return views;
	}

	private record Row(long id, long accountId, String quarter, java.time.LocalDate dueDate, String status,
			Long meetingId, Long ownerId, String agenda, String notes, Instant deckReadyAt, Boolean executiveAttended,
			Instant followUpSentAt, Instant completedAt, long version) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("account_id"), rs.getString("quarter"),
				rs.getDate("due_date").toLocalDate(), rs.getString("status"), (Long) rs.getObject("meeting_id"),
				(Long) rs.getObject("owner_id"), rs.getString("agenda"), rs.getString("notes"),
				instant(rs.getTimestamp("deck_ready_at")), (Boolean) rs.getObject("executive_attended"),
				instant(rs.getTimestamp("follow_up_sent_at")), instant(rs.getTimestamp("completed_at")),
				rs.getLong("version"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
