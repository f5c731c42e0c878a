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
	 * One QBR.
	 * @throws NotFoundException when there is none
	 * @throws AccessDeniedException when the user may not read it
	 */
	@Transactional(readOnly = true)
	public QbrView get(long id, CurrentUser user) {
		Map<Long, ReportableAccount> visible = visibleAccounts(user);
		List<QbrView> found = views(COLUMNS + " where q.id = :id", Map.of("id", id), visible);
		if (found.isEmpty()) {
			if (jdbc.sql("select count(*) from qbr where id = :id").param("id", id).query(Integer.class).single() > 0) {
				throw new AccessDeniedException("You may not see this account's QBRs");
			}
			throw new NotFoundException("QBR", id);
		}
		return found.get(0);
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
