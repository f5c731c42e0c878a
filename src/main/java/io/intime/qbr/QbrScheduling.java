package io.intime.qbr;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.PortfolioAccount;
import io.intime.accounts.ReportableAccount;
import io.intime.engagement.MeetingForm;
import io.intime.engagement.MeetingView;
import io.intime.engagement.Meetings;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning and scheduling QBRs by the cadence of {@link QbrCadence}: the planned QBRs of
 * the current quarter (rows in {@code qbr}, status PLANNED, owned by the account's
 * manager), made by the daily scheduler job once across nodes and when a calendar is
 * opened, idempotently (one live QBR per account and quarter); scheduling one as a
 * meeting of engagement's calendar with its invitations ({@link Meetings#schedule}),
 * which links the meeting and makes it SCHEDULED; the next QBR by cadence after one is
 * held; and a QBR whose meeting was cancelled going back to PLANNED.
 * <p>
 * An account is planned for when it is a client today (a contract of it in force) and has
 * an account manager; archived accounts are not.
 */
@Service
public class QbrScheduling {

	static final String ENTITY = "qbr";

	/**
	 * The scheduler acting for the organization: it reads every account's portfolio entry
	 * (only to plan).
	 */
	private static final CurrentUser SYSTEM = new CurrentUser(0, "system", "InTime", Role.ADMIN, ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private final JdbcClient jdbc;

	private final Qbrs qbrs;

	private final AccountManagement accounts;

	private final UserDirectory users;

	private final Meetings meetings;

	private final AuditTrail audit;

	private final Today time;

	QbrScheduling(JdbcClient jdbc, Qbrs qbrs, AccountManagement accounts, UserDirectory users, Meetings meetings,
			AuditTrail audit, Today time) {
		this.jdbc = jdbc;
		this.qbrs = qbrs;
		this.accounts = accounts;
		this.users = users;
		this.meetings = meetings;
		this.audit = audit;
		this.time = time;
	}

	// ------------------------------------------------------------------ planning

	/**
	 * Plans the current quarter's QBRs of every client by its cadence (the daily job).
	 * @return how many were planned now
	 */
	@Transactional
	public int planDue() {
		return plan(users.all().stream().map(UserSummary::id).toList(), time.organizationToday());
	}

	/**
	 * Plans the current quarter's QBRs of the clients these users manage (a calendar
	 * being opened): what the daily job does, for them only.
	 * @return how many were planned now
	 */
	@Transactional
	public int planFor(Collection<Long> ownerIds) {
		return plan(ownerIds, time.organizationToday());
	}

	/**
	 * Plans the QBRs reviewing the quarter of {@code today} that the cadence wants of the
	 * clients these users manage, and hands the open QBRs of an account whose manager
	 * changed to the new one. Safe to run again and on several nodes at once: the unique
	 * index on account and quarter keeps one.
	 */
	int plan(Collection<Long> ownerIds, LocalDate today) {
		if (ownerIds.isEmpty()) {
			return 0;
		}
		List<PortfolioAccount> clients = accounts.portfolio(ownerIds, today, SYSTEM)
			.stream()
			.filter(a -> a.ownerId() != null && a.arrNowUsd().amount().signum() > 0)
			.toList();
		if (clients.isEmpty()) {
			return 0;
		}
		reassign(clients);
		Map<Long, QbrQuarter> last = lastReviewed(clients.stream().map(PortfolioAccount::id).toList());
		QbrQuarter quarter = QbrQuarter.of(today);
		int planned = 0;
		for (PortfolioAccount a : clients) {
			if (QbrCadence.due(a.tier(), a.strategic(), quarter, last.get(a.id()))
					&& insertPlanned(a.id(), quarter, a.ownerId(), null) != null) {
				planned++;
			}
		}
		return planned;
	}

	/** The latest quarter each account's live QBRs review. */
	private Map<Long, QbrQuarter> lastReviewed(List<Long> accountIds) {
		Map<Long, QbrQuarter> last = new HashMap<>();
		jdbc.sql("""
				select account_id, max(quarter) from qbr
				 where account_id = any(:ids) and status <> 'CANCELLED' group by account_id""")
			.param("ids", new SqlArrayValue("bigint", accountIds.toArray()))
			.query(rs -> {
				last.put(rs.getLong(1), QbrQuarter.parse(rs.getString(2), "quarter"));
			});
		return last;
	}

	/**
	 * An open QBR belongs to the account's manager: when the account changed hands, its
	 * planned and scheduled QBRs follow (held ones stay with who held them).
	 */
	private void reassign(List<PortfolioAccount> clients) {
		List<Long[]> moved = jdbc.sql("""
				with moved as (
				  select q.id, q.owner_id as old_owner, m.owner_id as new_owner
				    from qbr q join unnest(:accounts, :owners) as m(account_id, owner_id) on m.account_id = q.account_id
				   where q.status in ('PLANNED', 'SCHEDULED') and q.owner_id is distinct from m.owner_id)
				update qbr q set owner_id = moved.new_owner, version = q.version + 1, updated_at = :now,
				       updated_by = 'system'
				  from moved where q.id = moved.id
				returning q.id, moved.old_owner, moved.new_owner""")
			.param("accounts",
					new SqlArrayValue("bigint", clients.stream().map(PortfolioAccount::id).toArray(Object[]::new)))
			.param("owners",
					new SqlArrayValue("bigint", clients.stream().map(PortfolioAccount::ownerId).toArray(Object[]::new)))
			.param("now", Timestamp.from(time.now()))
			.query((rs, n) -> new Long[] { rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3) })
			.list();
		for (Long[] m : moved) {
			audit.recordChanges(ENTITY, m[0],
					List.of(new FieldChange("ownerId", m[1] == null ? null : m[1].toString(), m[2].toString())), null);
		}
	}

	/**
	 * A PLANNED QBR of the account reviewing the quarter, unless it has a live one.
	 * @return its id, or null when the account has a live QBR for the quarter
	 */
	private Long insertPlanned(long accountId, QbrQuarter quarter, Long ownerId, CurrentUser user) {
		Instant now = time.now();
		Long id = jdbc.sql("""
				insert into qbr (account_id, quarter, due_date, status, owner_id, created_at, created_by, updated_at,
				                 updated_by)
				values (:account, :quarter, :due, 'PLANNED', :owner, :now, :by, :now, :by)
				on conflict do nothing returning id""")
			.param("account", accountId)
			.param("quarter", quarter.code())
			.param("due", QbrCadence.dueDate(quarter))
			.param("owner", ownerId, java.sql.Types.BIGINT)
			.param("now", Timestamp.from(now))
			.param("by", user == null ? "system" : user.username())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id != null) {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("quarter", quarter.code());
			state.put("dueDate", QbrCadence.dueDate(quarter));
			state.put("status", QbrStatus.PLANNED.name());
			state.put("ownerId", ownerId);
			audit.recordCreated(ENTITY, id, state, user);
		}
		return id;
	}

	/**
	 * Puts back to PLANNED the scheduled QBRs whose meeting was cancelled or deleted in
	 * the calendar, so that none claims a meeting that will not happen.
	 * @param accountIds the accounts to look at, or null for all
	 * @return how many went back
	 */
	@Transactional
	public int releaseCancelledMeetings(Collection<Long> accountIds) {
		if (accountIds != null && accountIds.isEmpty()) {
			return 0;
		}
		record Row(long id, Long meetingId, long version) {
		}
		List<Row> scheduled = jdbc
			.sql("select id, meeting_id, version from qbr where status = 'SCHEDULED'"
					+ (accountIds == null ? "" : " and account_id = any(:ids)"))
			.paramSource(accountIds == null ? new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
					: new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("ids",
							new SqlArrayValue("bigint", accountIds.toArray())))
			.query((rs, n) -> new Row(rs.getLong(1), (Long) rs.getObject(2), rs.getLong(3)))
			.list();
		if (scheduled.isEmpty()) {
			return 0;
		}
		Map<Long, MeetingView> found = meetings
			.byIds(scheduled.stream().map(Row::meetingId).filter(Objects::nonNull).toList());
		int released = 0;
		for (Row r : scheduled) {
			MeetingView meeting = r.meetingId() == null ? null : found.get(r.meetingId());
			if (meeting != null && !meeting.cancelled()) {
				continue;
			}
			int updated = jdbc.sql("""
					update qbr set status = 'PLANNED', meeting_id = null, version = version + 1, updated_at = :now,
					       updated_by = 'system'
					 where id = :id and version = :version and status = 'SCHEDULED'""")
				.param("now", Timestamp.from(time.now()))
				.param("id", r.id())
				.param("version", r.version())
				.update();
			if (updated > 0) {
				released++;
				audit.recordChanges(ENTITY, r.id(), List.of(new FieldChange("status", "SCHEDULED", "PLANNED"),
						new FieldChange("meetingId", r.meetingId() == null ? null : r.meetingId().toString(), null)),
						null);
			}
		}
		return released;
	}

	// ------------------------------------------------------------------ scheduling

	/**
	 * A quarter the scheduling form offers for an account: its planned QBRs (overdue
	 * first), then the first quarters from the current one without a QBR.
	 *
	 * @param qbrId the planned QBR, or null when scheduling plans it
	 */
	public record Option(String quarter, String label, Long qbrId, boolean overdue) {
	}

	/**
	 * The quarters a QBR of the account may be scheduled for.
	 * @throws AccessDeniedException unless the user may change the account's QBRs
	 */
	@Transactional(readOnly = true)
	public List<Option> options(long accountId, CurrentUser user) {
		ReportableAccount account = editableAccount(accountId, user);
		LocalDate today = time.organizationToday();
		List<Option> options = new ArrayList<>();
		java.util.Set<String> taken = new java.util.HashSet<>();
		jdbc.sql("select id, quarter, due_date, status from qbr where account_id = :a and status <> 'CANCELLED'"
				+ " order by due_date, id")
			.param("a", account.id())
			.query(rs -> {
				QbrQuarter q = QbrQuarter.parse(rs.getString(2), "quarter");
				taken.add(q.code());
				if ("PLANNED".equals(rs.getString(4))) {
					LocalDate due = rs.getDate(3).toLocalDate();
					boolean overdue = due.isBefore(today);
					options.add(new Option(q.code(),
							q.label() + " review · " + (overdue ? "overdue since " : "due by ") + DAY.format(due),
							rs.getLong(1), overdue));
				}
			});
		QbrQuarter q = QbrQuarter.of(today);
		for (int added = 0; added < 2; q = q.next()) {
			if (taken.add(q.code())) {
				options.add(new Option(q.code(), q.label() + " review · due by " + DAY.format(QbrCadence.dueDate(q)),
						null, false));
				added++;
			}
		}
		return options;
	}

	/**
	 * Schedules a QBR: plans it when the account has none for the quarter, makes its
	 * meeting with the invitations through the calendar ({@link Meetings#schedule}: type
	 * QBR, "&lt;Account&gt; QBR – Q4 2026", 90 minutes by default), links the meeting and
	 * marks it SCHEDULED; in one transaction (a refusal sends nothing).
	 * @throws InvalidInputException naming {@code attendees} when no one from the client
	 * is invited ("invite at least one person from the client"), {@code accountId},
	 * {@code quarter}, {@code qbr} (already scheduled or held), and the meeting's fields
	 * ({@code date}, {@code start}, {@code durationMinutes}, {@code timeZone},
	 * {@code title})
	 * @throws StaleVersionException when the QBR changed since {@code version}
	 * @throws AccessDeniedException unless the user may change the QBR
	 */
	@Transactional
	public QbrView schedule(QbrScheduleForm form, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		QbrView planned = null;
		ReportableAccount account = null;
		QbrQuarter quarter = null;
		if (form.qbrId() != null) {
			planned = qbrs.get(form.qbrId(), user);
			qbrs.requireEditor(planned, user);
			account = qbrs.account(planned.accountId(), user);
			quarter = planned.quarter();
			if (planned.status() != QbrStatus.PLANNED) {
				errors.add(new FieldError("qbr", notOpen(planned)));
			}
			else if (form.version() != null && form.version() != planned.version()) {
				throw new StaleVersionException("QBR " + planned.quarter().label() + " of " + planned.accountName(),
						planned.id(), form.version(), planned.version());
			}
		}
		else if (form.accountId() == null) {
			errors.add(new FieldError("accountId", "is required: the account whose QBR this is"));
		}
		else {
			account = editableAccount(form.accountId(), user);
			if (form.quarter() != null && !form.quarter().isBlank()) {
				try {
					quarter = QbrQuarter.parse(form.quarter(), "quarter");
				}
				catch (InvalidInputException e) {
					errors.addAll(e.errors());
				}
			}
			else {
				quarter = defaultQuarter(account.id());
			}
		}
		if (form.contactIds().isEmpty()) {
			errors.add(new FieldError("attendees", "invite at least one person from the client"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (planned == null) {
			planned = liveFor(account, quarter, true, user);
		}
		String title = form.title() == null || form.title().isBlank()
				? planned.accountName() + " QBR – " + planned.quarter().label() : form.title().trim();
		MeetingView meeting = meetings.schedule(new MeetingForm(planned.accountId(), "QBR", title, form.date(),
				form.start(), form.durationMinutes() == null ? QbrScheduleForm.DEFAULT_MINUTES : form.durationMinutes(),
				form.timeZone(), form.location(), form.videoLink(), form.agenda(), form.userIds(), form.contactIds()),
				user);
		int updated = jdbc.sql("""
				update qbr set meeting_id = :meeting, status = 'SCHEDULED', version = version + 1, updated_at = :now,
				       updated_by = :by
				 where id = :id and version = :version and status = 'PLANNED'""")
			.param("meeting", meeting.id())
			.param("now", Timestamp.from(time.now()))
			.param("by", user.username())
			.param("id", planned.id())
			.param("version", planned.version())
			.update();
		if (updated == 0) {
			QbrView now = qbrs.get(planned.id(), user);
			throw new StaleVersionException("QBR " + planned.quarter().label() + " of " + planned.accountName(),
					planned.id(), planned.version(), now.version());
		}
		audit.recordChanges(ENTITY, planned.id(), List.of(new FieldChange("status", "PLANNED", "SCHEDULED"),
				new FieldChange("meetingId", null, String.valueOf(meeting.id()))), user);
		return qbrs.get(planned.id(), user);
	}

	/**
	 * The QBR after this one by the account's cadence (the quarter one or two after the
	 * one it reviews), planned now when there is none yet.
	 * @throws AccessDeniedException unless the user may change the QBR
	 */
	@Transactional
	public QbrView planNext(long qbrId, CurrentUser user) {
		QbrView done = qbrs.get(qbrId, user);
		qbrs.requireEditor(done, user);
		ReportableAccount account = qbrs.account(done.accountId(), user);
		QbrQuarter next = QbrCadence.next(account.tier(), account.strategic(), done.quarter());
		return liveFor(account, next, false, user);
	}

	/**
	 * The next QBR as "Finalize QBR" would schedule it, without changing anything: its
	 * quarter by cadence and its start (its meeting's when it has one, else 91 days per
	 * quarter after this QBR's meeting at the same time; null without a meeting to copy).
	 */
	public record NextQbr(QbrQuarter quarter, Long id, Long meetingId, Instant startsAt, ZoneId zone) {
	}

	@Transactional(readOnly = true)
	public NextQbr nextOf(long qbrId, CurrentUser user) {
		QbrView done = qbrs.get(qbrId, user);
		ReportableAccount account = qbrs.account(done.accountId(), user);
		QbrQuarter quarter = QbrCadence.next(account.tier(), account.strategic(), done.quarter());
		QbrView existing = jdbc
			.sql("select id from qbr where account_id = :account and quarter = :quarter" + " and status <> 'CANCELLED'")
			.param("account", done.accountId())
			.param("quarter", quarter.code())
			.query(Long.class)
			.optional()
			.map(id -> qbrs.get(id, user))
			.orElse(null);
		MeetingView meeting = done.meetingId() == null ? null
				: meetings.byIds(List.of(done.meetingId())).get(done.meetingId());
		ZoneId zone = meeting == null ? user.timeZone() : ZoneId.of(meeting.timeZone());
		if (existing != null && existing.startsAt() != null) {
			return new NextQbr(quarter, existing.id(), existing.meetingId(), existing.startsAt(), zone);
		}
		Instant start = meeting == null || meeting.cancelled() ? null
				: defaultDay(done, quarter, meeting).atTime(meeting.startIn(zone).toLocalTime())
					.atZone(zone)
					.toInstant();
		return new NextQbr(quarter, existing == null ? null : existing.id(), null, start, zone);
	}

	/**
	 * The day the next QBR is held by default: 91 days (13 weeks, spec 02's "90 days
	 * out") per quarter between the two after this one's meeting, on a weekday, and a
	 * week from today when that has passed.
	 */
	private LocalDate defaultDay(QbrView done, QbrQuarter next, MeetingView meeting) {
		ZoneId zone = ZoneId.of(meeting.timeZone());
		int quarters = Math.max(1,
				(next.year() * 4 + next.quarter()) - (done.quarter().year() * 4 + done.quarter().quarter()));
		LocalDate day = weekday(meeting.startIn(zone).toLocalDate().plusDays(91L * quarters));
		LocalDate today = time.today(zone);
		return day.isAfter(today) ? day : weekday(today.plusWeeks(1));
	}

	/**
	 * "Finalize QBR" (spec 02 step 9: "Schedules next QBR (90 days out)"): the next QBR
	 * by cadence ({@link #planNext}), scheduled with this QBR's attendees on both sides,
	 * place, video link and length, in its meeting's time zone, with the invitations. A
	 * next QBR that has its meeting already is returned as it is.
	 * @param date the day, or null for 91 days after this QBR's meeting (the next weekday
	 * when that falls on a weekend; a week from today when that has passed)
	 * @param start the time in the meeting's zone, or null for this QBR's start time
	 * @throws InvalidInputException naming {@code attendees} when this QBR had no meeting
	 * with someone from the client to invite again
	 */
	@Transactional
	public QbrView scheduleNext(long qbrId, LocalDate date, LocalTime start, CurrentUser user) {
		QbrView done = qbrs.get(qbrId, user);
		QbrView next = planNext(qbrId, user);
		if (next.status() != QbrStatus.PLANNED) {
			return next;
		}
		MeetingView meeting = done.meetingId() == null ? null
				: meetings.byIds(List.of(done.meetingId())).get(done.meetingId());
		List<Long> contacts = meeting == null ? List.of()
				: meeting.attendees().stream().map(MeetingView.Attendee::contactId).filter(Objects::nonNull).toList();
		if (contacts.isEmpty()) {
			throw new InvalidInputException("attendees", "invite at least one person from the client: the "
					+ done.quarter().label() + " QBR had no meeting with the client to take them from");
		}
		ZoneId zone = ZoneId.of(meeting.timeZone());
		LocalDate day = date != null ? date : defaultDay(done, next.quarter(), meeting);
		List<Long> people = meeting.attendees()
			.stream()
			.map(MeetingView.Attendee::userId)
			.filter(Objects::nonNull)
			.filter(id -> id != user.id())
			.distinct()
			.toList();
		return schedule(new QbrScheduleForm(next.id(), null, null, next.version(), null, day,
				start != null ? start : meeting.startIn(zone).toLocalTime(), (int) meeting.minutes(), zone.getId(),
				meeting.location(), meeting.videoLink(), agenda(next.quarter()), people, contacts), user);
	}

	/**
	 * The agenda an invitation to the quarter's QBR starts from: the organization's QBR
	 * agenda template with the quarter filled in.
	 */
	@Transactional(readOnly = true)
	public String agenda(QbrQuarter quarter) {
		String body = jdbc.sql("select body from qbr_agenda_template order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse("");
		return body.replace("{{quarter}}", quarter.label()).replace("{{nextQuarter}}", quarter.next().label());
	}

	/**
	 * The quarter a QBR scheduled without one reviews: the account's oldest planned QBR,
	 * else the first quarter from the current one without a live QBR.
	 */
	private QbrQuarter defaultQuarter(long accountId) {
		java.util.Set<String> taken = new java.util.HashSet<>();
		QbrQuarter[] oldestPlanned = { null };
		jdbc.sql("select quarter, status from qbr where account_id = :a and status <> 'CANCELLED' order by quarter")
			.param("a", accountId)
			.query(rs -> {
				taken.add(rs.getString(1));
				if (oldestPlanned[0] == null && "PLANNED".equals(rs.getString(2))) {
					oldestPlanned[0] = QbrQuarter.parse(rs.getString(1), "quarter");
				}
			});
		if (oldestPlanned[0] != null) {
			return oldestPlanned[0];
		}
		QbrQuarter q = QbrQuarter.of(time.organizationToday());
		while (taken.contains(q.code())) {
			q = q.next();
		}
		return q;
	}

	/**
	 * The account's live QBR for the quarter, else a new PLANNED one.
	 * @param planned whether it must be planned (to be scheduled)
	 * @throws InvalidInputException naming {@code quarter} when it must be planned and is
	 * scheduled or held
	 */
	private QbrView liveFor(ReportableAccount account, QbrQuarter quarter, boolean planned, CurrentUser user) {
		Long existing = jdbc
			.sql("select id from qbr where account_id = :a and quarter = :q and status <> 'CANCELLED' for update")
			.param("a", account.id())
			.param("q", quarter.code())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (existing != null) {
			QbrView view = qbrs.get(existing, user);
			if (planned && view.status() != QbrStatus.PLANNED) {
				throw new InvalidInputException("quarter", notOpen(view));
			}
			return view;
		}
		Long id = insertPlanned(account.id(), quarter, account.ownerId(), user);
		if (id == null) {
			// another request planned it between the two statements
			return liveFor(account, quarter, planned, user);
		}
		return qbrs.get(id, user);
	}

	private static String notOpen(QbrView qbr) {
		return qbr.status() == QbrStatus.COMPLETED
				? "the " + qbr.quarter().label() + " QBR of " + qbr.accountName() + " is held already"
				: "the " + qbr.quarter().label() + " QBR of " + qbr.accountName()
						+ " is scheduled already; move its meeting in the calendar";
	}

	/**
	 * The account when the user may change its QBRs: account managers their own accounts,
	 * sales directors, executives and admins any they see.
	 */
	private ReportableAccount editableAccount(long accountId, CurrentUser user) {
		ReportableAccount account = qbrs.account(accountId, user);
		if (user.hasRole(Role.ACCOUNT_MANAGER) && !Objects.equals(account.ownerId(), user.id())) {
			throw new AccessDeniedException("Only the account's manager, sales directors and executives plan its QBRs");
		}
		return account;
	}

	private static LocalDate weekday(LocalDate day) {
		LocalDate d = day;
		while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
			d = d.plusDays(1);
		}
		return d;
	}

}
