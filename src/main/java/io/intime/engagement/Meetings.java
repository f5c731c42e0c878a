package io.intime.engagement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.ClientEmail;
import io.intime.notifications.ClientMail;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar's meetings (spec 02 step 4): scheduled with the firm's people and the
 * account's contacts, each invited by email with an iCalendar REQUEST (text/calendar,
 * METHOD:REQUEST); a reschedule sends the same UID with a higher SEQUENCE, a cancellation
 * a CANCEL, so a calendar program keeps one event, or none. Attendees' REPLY emails to
 * the inbound webhook update their answers. The meeting is also a planned call or meeting
 * on the account's timeline. Personal feeds publish a person's meetings to calendar
 * programs under a secret, revocable token.
 */
@Service
public class Meetings {

	public static final Set<String> TYPES = Set.of("CALL", "QBR", "CHECK_IN", "INTERNAL_SYNC");

	private final JdbcClient jdbc;

	private final ActivityManagement activities;

	private final EngagementRules rules;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final ClientMail mail;

	private final Today time;

	private final SecureRandom random = new SecureRandom();

	private final io.intime.identity.AuditTrail audit;

	private final org.springframework.context.ApplicationEventPublisher events;

	Meetings(JdbcClient jdbc, ActivityManagement activities, EngagementRules rules, ContactManagement contacts,
			UserDirectory users, ClientMail mail, Today time, io.intime.identity.AuditTrail audit,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.audit = audit;
		this.jdbc = jdbc;
		this.activities = activities;
		this.rules = rules;
		this.contacts = contacts;
		this.users = users;
		this.mail = mail;
		this.time = time;
	}

	/**
	 * Schedules the meeting and sends its invitations.
	 * @throws InvalidInputException naming {@code accountId}, {@code title},
	 * {@code date}, {@code start}, {@code durationMinutes}, {@code timeZone},
	 * {@code attendees}
	 */
	@Transactional
	public MeetingView schedule(MeetingForm form, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		if (form.accountId() == null) {
			errors.add(new FieldError("accountId", "is required: the account the meeting is with"));
		}
		if (form.title() == null || form.title().isBlank()) {
			errors.add(new FieldError("title", "is required"));
		}
		String type = form.type() == null ? "CALL" : form.type();
		if (!TYPES.contains(type)) {
			errors.add(new FieldError("type", "must be a call, a QBR, a check-in or an internal sync"));
		}
		ZonedDateTime start = start(form, user, errors);
		if (form.userIds().stream().noneMatch(id -> id != user.id()) && form.contactIds().isEmpty()) {
			errors.add(new FieldError("attendees", "an invitation needs at least one attendee besides you"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		AccountDetails account = rules.account(form.accountId(), user);
		EngagementRules.require(rules.canView(user, account), "You may not plan meetings at " + account.name());
		Map<Long, ContactView> people = new HashMap<>();
		contacts.forAccount(account.id(), user).forEach(c -> people.put(c.id(), c));
		List<MeetingView.Attendee> attendees = new ArrayList<>();
		UserSummary organizer = users.find(user.id()).orElseThrow();
		attendees
			.add(new MeetingView.Attendee(organizer.id(), null, organizer.fullName(), organizer.email(), "ACCEPTED"));
		Map<Long, UserSummary> invitedUsers = users.findAll(form.userIds());
		for (Long id : form.userIds()) {
			UserSummary u = invitedUsers.get(id);
			if (u == null) {
				errors.add(new FieldError("attendees", "names someone who is not a user"));
			}
			else if (u.id() != user.id()) {
				attendees.add(new MeetingView.Attendee(u.id(), null, u.fullName(), u.email(), "NEEDS-ACTION"));
			}
		}
		for (Long id : form.contactIds()) {
			ContactView c = people.get(id);
			if (c == null) {
				errors.add(new FieldError("attendees", "names a contact who is not at " + account.name()));
			}
			else if (c.email() == null || c.email().isBlank()) {
				errors.add(new FieldError("attendees", c.name() + " has no email address to invite"));
			}
			else {
				attendees.add(new MeetingView.Attendee(null, c.id(), c.name(), c.email(), "NEEDS-ACTION"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant startsAt = start.toInstant();
		Instant endsAt = startsAt.plus(Duration.ofMinutes(form.durationMinutes()));
		ActivityView planned = activities.create(account.id(), new ActivityForm(
				"CALL".equals(type) || "CHECK_IN".equals(type) ? ActivityType.CALL : ActivityType.MEETING,
				ActivityDirection.OUTBOUND, form.title().trim(), form.agenda(), startsAt, form.durationMinutes(), null,
				null, List.of(), form.contactIds(),
				attendees.stream().map(MeetingView.Attendee::userId).filter(java.util.Objects::nonNull).toList()),
				user);
		Instant now = time.now();
		long id = jdbc.sql("""
				insert into meeting (uid, account_id, activity_id, meeting_type, title, starts_at, ends_at, time_zone,
				                     location, video_link, agenda, organizer_id, created_at, updated_at)
				values (:uid, :account, :activity, :type, :title, :starts, :ends, :zone, :location, :video, :agenda,
				        :organizer, :now, :now) returning id""")
			.param("uid", UUID.randomUUID() + "@intime")
			.param("account", account.id())
			.param("activity", planned.id())
			.param("type", type)
			.param("title", form.title().trim())
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(endsAt))
			.param("zone", start.getZone().getId())
			.param("location", blank(form.location()))
			.param("video", blank(form.videoLink()))
			.param("agenda", blank(form.agenda()))
			.param("organizer", user.id())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		for (MeetingView.Attendee a : attendees) {
			jdbc.sql("""
					insert into meeting_attendee (meeting_id, user_id, contact_id, name, email, partstat)
					values (:meeting, :user, :contact, :name, :email, :partstat)""")
				.param("meeting", id)
				.param("user", a.userId())
				.param("contact", a.contactId())
				.param("name", a.name())
				.param("email", a.email())
				.param("partstat", a.partstat())
				.update();
		}
		MeetingView meeting = load(id);
		invite(meeting, organizer, false);
		return meeting;
	}

	/**
	 * Moves the meeting and sends the update (same UID, SEQUENCE + 1).
	 * @throws StaleVersionException when it changed since {@code version}
	 */
	@Transactional
	public MeetingView reschedule(long id, MeetingForm when, long version, CurrentUser user) {
		MeetingView meeting = mine(id, user);
		List<FieldError> errors = new ArrayList<>();
		ZonedDateTime start = start(new MeetingForm(meeting.accountId(), meeting.type(), meeting.title(), when.date(),
				when.start(), when.durationMinutes(), when.timeZone() == null ? meeting.timeZone() : when.timeZone(),
				null, null, null, List.of(), List.of()), user, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant startsAt = start.toInstant();
		Instant endsAt = startsAt.plus(Duration.ofMinutes(when.durationMinutes()));
		int updated = jdbc.sql("""
				update meeting set starts_at = :starts, ends_at = :ends, time_zone = :zone, sequence = sequence + 1,
				       version = version + 1, updated_at = :now
				 where id = :id and version = :version and status = 'SCHEDULED'""")
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(endsAt))
			.param("zone", start.getZone().getId())
			.param("now", Timestamp.from(time.now()))
			.param("id", id)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new StaleVersionException("Meeting “" + meeting.title() + "”", id, version, meeting.version());
		}
		// the move is in the audit trail of the meeting and of its planned activity
		List<io.intime.identity.FieldChange> changes = io.intime.identity.FieldChange.between(
				java.util.Map.of("startsAt", String.valueOf(meeting.startsAt()), "endsAt",
						String.valueOf(meeting.endsAt()), "timeZone", meeting.timeZone()),
				java.util.Map.of("startsAt", String.valueOf(startsAt), "endsAt", String.valueOf(endsAt), "timeZone",
						start.getZone().getId()));
		audit.recordChanges("meeting", id, changes, user);
		if (meeting.activityId() != null) {
			jdbc.sql(
					"update activity set occurred_at = :starts, duration_minutes = :minutes, version = version + 1 where id = :id")
				.param("starts", Timestamp.from(startsAt))
				.param("minutes", when.durationMinutes())
				.param("id", meeting.activityId())
				.update();
			audit.recordChanges(ActivityManagement.ENTITY, meeting.activityId(),
					List.of(new io.intime.identity.FieldChange("occurredAt", String.valueOf(meeting.startsAt()),
							String.valueOf(startsAt))),
					user);
		}
		MeetingView moved = load(id);
		invite(moved, users.find(user.id()).orElseThrow(), false);
		executiveCallMoved(moved, user);
		return moved;
	}

	/**
	 * Spec 01's {@code executive.call.scheduled} is recorded again when an executive call
	 * that lies ahead is moved, with its new date.
	 */
	private void executiveCallMoved(MeetingView moved, CurrentUser user) {
		if (moved.activityId() == null || !moved.startsAt().isAfter(time.now())) {
			return;
		}
		boolean touchpoint = jdbc.sql("select executive_touchpoint from activity where id = :id")
			.param("id", moved.activityId())
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (touchpoint) {
			String clientContact = moved.attendees()
				.stream()
				.filter(a -> a.contactId() != null)
				.map(MeetingView.Attendee::name)
				.collect(java.util.stream.Collectors.joining("; "));
			events.publishEvent(
					new ExecutiveCallScheduled(moved.accountId(), moved.activityId(), clientContact, moved.startsAt(),
							moved.agenda() == null ? moved.title() : moved.agenda(), user.actor(), time.now()));
		}
	}

	/** Cancels the meeting and sends the cancellation (same UID, METHOD:CANCEL). */
	@Transactional
	public MeetingView cancel(long id, long version, CurrentUser user) {
		MeetingView meeting = mine(id, user);
		int updated = jdbc
			.sql("""
					update meeting set status = 'CANCELLED', sequence = sequence + 1, version = version + 1, updated_at = :now
					 where id = :id and version = :version and status = 'SCHEDULED'""")
			.param("now", Timestamp.from(time.now()))
			.param("id", id)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new StaleVersionException("Meeting “" + meeting.title() + "”", id, version, meeting.version());
		}
		audit.recordChanges("meeting", id,
				List.of(new io.intime.identity.FieldChange("status", meeting.status(), "CANCELLED")), user);
		if (meeting.activityId() != null) {
			// a planned meeting that will not happen leaves the timeline
			jdbc.sql("delete from activity where id = :id and occurred_at > :now")
				.param("id", meeting.activityId())
				.param("now", Timestamp.from(time.now()))
				.update();
		}
		MeetingView cancelled = load(id);
		invite(cancelled, users.find(user.id()).orElseThrow(), true);
		return cancelled;
	}

	/**
	 * An attendee's REPLY (from the inbound webhook): records their answer. Returns
	 * whether a meeting and attendee matched.
	 */
	@Transactional
	public boolean applyReply(String ics) {
		return Invitations.reply(ics)
			.map(reply -> jdbc.sql("""
					update meeting_attendee set partstat = :partstat
					 where lower(email) = lower(:email) and meeting_id = (select id from meeting where uid = :uid)""")
				.param("partstat", switch (reply.partstat().toUpperCase(java.util.Locale.ROOT)) {
					case "ACCEPTED", "DECLINED", "TENTATIVE" -> reply.partstat().toUpperCase(java.util.Locale.ROOT);
					default -> "NEEDS-ACTION";
				})
				.param("email", reply.email())
				.param("uid", reply.uid())
				.update() > 0)
			.orElse(false);
	}

	@ApplicationModuleListener
	void on(InboundEmailReceived email) {
		for (InboundEmailReceived.Attachment a : email.attachments()) {
			if (a.contentType() != null
					&& a.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/calendar")) {
				applyReply(new String(a.content(), StandardCharsets.UTF_8));
			}
		}
	}

	/**
	 * The user's meetings (organized or invited to) that end after {@code from}, by
	 * start.
	 */
	@Transactional(readOnly = true)
	public List<MeetingView> of(CurrentUser user, Instant from, Instant to) {
		List<Long> ids = jdbc
			.sql("""
					select m.id from meeting m
					 where m.ends_at > :from and m.starts_at < :to
					   and (m.organizer_id = :me or exists (select 1 from meeting_attendee a where a.meeting_id = m.id and a.user_id = :me))
					 order by m.starts_at, m.id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("me", user.id())
			.query(Long.class)
			.list();
		return loadAll(ids);
	}

	/**
	 * Meetings by id, for a module that keeps the meeting of its own record (a QBR's) and
	 * has checked that the reader may see the record's account; in one statement.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, MeetingView> byIds(java.util.Collection<Long> ids) {
		java.util.Map<Long, MeetingView> found = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			loadAll(List.copyOf(new java.util.LinkedHashSet<>(ids))).forEach(m -> found.put(m.id(), m));
		}
		return found;
	}

	@Transactional(readOnly = true)
	public MeetingView get(long id, CurrentUser user) {
		MeetingView meeting = load(id);
		rules.account(meeting.accountId(), user);
		boolean invited = meeting.organizerId() == user.id()
				|| meeting.attendees().stream().anyMatch(a -> a.userId() != null && a.userId() == user.id());
		if (!invited && !user.seesEverything()) {
			throw new AccessDeniedException("You are not invited to this meeting");
		}
		return meeting;
	}

	// ------------------------------------------------------------------ feeds

	/**
	 * A new feed URL token for the user (only its hash is kept); earlier ones stay valid
	 * until revoked.
	 */
	@Transactional
	public String newFeedToken(CurrentUser user) {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		jdbc.sql("insert into calendar_feed (user_id, token_hash, created_at) values (:user, :hash, :now)")
			.param("user", user.id())
			.param("hash", hash(token))
			.param("now", Timestamp.from(time.now()))
			.update();
		return token;
	}

	/** Revokes every feed token of the user; returns how many. */
	@Transactional
	public int revokeFeeds(CurrentUser user) {
		return jdbc.sql("update calendar_feed set revoked_at = :now where user_id = :user and revoked_at is null")
			.param("now", Timestamp.from(time.now()))
			.param("user", user.id())
			.update();
	}

	@Transactional(readOnly = true)
	public boolean hasFeed(CurrentUser user) {
		return jdbc.sql("select count(*) from calendar_feed where user_id = :user and revoked_at is null")
			.param("user", user.id())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The iCalendar feed of the token's owner (the last 30 days and what lies ahead), or
	 * empty.
	 */
	@Transactional(readOnly = true)
	public Optional<String> feed(String token) {
		Optional<UserSummary> owner = jdbc
			.sql("select user_id from calendar_feed where token_hash = :hash and revoked_at is null")
			.param("hash", hash(token))
			.query(Long.class)
			.optional()
			.flatMap(users::find);
		return owner.map(u -> {
			CurrentUser as = new CurrentUser(u.id(), u.username(), u.fullName(), u.role(), ZoneId.of(u.timeZone()));
			Instant now = time.now();
			return Invitations.publish(of(as, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(365))),
					u.email());
		});
	}

	// ------------------------------------------------------------------ internals

	private void invite(MeetingView meeting, UserSummary organizer, boolean cancelled) {
		String ics = cancelled ? Invitations.cancel(meeting, organizer.email())
				: Invitations.request(meeting, organizer.email());
		String method = cancelled ? "CANCEL" : "REQUEST";
		String when = meeting.startIn(ZoneId.of(meeting.timeZone()))
			.format(java.time.format.DateTimeFormatter.ofPattern("EEE, MMM d, yyyy 'at' h:mm a z",
					java.util.Locale.US));
		for (MeetingView.Attendee a : meeting.attendees()) {
			if (a.userId() != null && a.userId() == organizer.id()) {
				continue;
			}
			String subject = (cancelled ? "Cancelled: " : meeting.sequence() > 0 ? "Updated: " : "Invitation: ")
					+ meeting.title() + " (" + when + ")";
			String text = "Hi " + a.name().split(" ")[0] + ",\n\n"
					+ (cancelled ? "This meeting is cancelled: "
							: meeting.sequence() > 0 ? "This meeting moved: " : "You are invited to: ")
					+ meeting.title() + "\nWhen: " + when + " (" + meeting.minutes() + " minutes)\n"
					+ (meeting.location() == null ? "" : "Where: " + meeting.location() + "\n")
					+ (meeting.videoLink() == null ? "" : "Join: " + meeting.videoLink() + "\n")
					+ (meeting.agenda() == null ? "" : "\nAgenda:\n" + meeting.agenda() + "\n") + "\n"
					+ organizer.fullName();
			mail.send(new ClientEmail(organizer.fullName(), organizer.email(), a.name(), a.email(), subject, text, null,
					List.of(new ClientEmail.Attachment("invite.ics", "text/calendar; charset=UTF-8; method=" + method,
							ics.getBytes(StandardCharsets.UTF_8)))));
		}
	}

	private MeetingView mine(long id, CurrentUser user) {
		MeetingView meeting = load(id);
		rules.account(meeting.accountId(), user);
		if (meeting.organizerId() != user.id() && !user.seesEverything()) {
			throw new AccessDeniedException("Only the organizer changes a meeting");
		}
		if (meeting.cancelled()) {
			throw new InvalidInputException(List.of(new FieldError("status", "the meeting is cancelled already")));
		}
		return meeting;
	}

	private ZonedDateTime start(MeetingForm form, CurrentUser user, List<FieldError> errors) {
		ZoneId zone = user.timeZone();
		if (form.timeZone() != null && !form.timeZone().isBlank()) {
			try {
				zone = ZoneId.of(form.timeZone().trim());
			}
			catch (DateTimeException e) {
				errors.add(new FieldError("timeZone", "is not a time zone, e.g. America/New_York"));
			}
		}
		if (form.date() == null) {
			errors.add(new FieldError("date", "is required"));
		}
		if (form.start() == null) {
			errors.add(new FieldError("start", "is required"));
		}
		if (form.durationMinutes() == null || form.durationMinutes() < 5 || form.durationMinutes() > 600) {
			errors.add(new FieldError("durationMinutes", "must be between 5 and 600 minutes"));
		}
		if (form.date() == null || form.start() == null) {
			return null;
		}
		ZonedDateTime start = form.date().atTime(form.start()).atZone(zone);
		if (start.toInstant().isBefore(time.now())) {
			errors.add(new FieldError("start", "is in the past"));
		}
		return start;
	}

	private MeetingView load(long id) {
		List<MeetingView> found = loadAll(List.of(id));
		if (found.isEmpty()) {
			throw new NotFoundException("Meeting", id);
		}
		return found.get(0);
	}

	private List<MeetingView> loadAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<MeetingView.Attendee>> attendees = new HashMap<>();
		jdbc.sql("""
				select meeting_id, user_id, contact_id, name, email, partstat from meeting_attendee
				 where meeting_id = any(:ids) order by id""")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.query(rs -> {
				attendees.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new MeetingView.Attendee((Long) rs.getObject(2), (Long) rs.getObject(3), rs.getString(4),
							rs.getString(5), rs.getString(6)));
			});
		Map<Long, MeetingView> byId = new LinkedHashMap<>();
		jdbc.sql("""
				select m.*, a.name as account_name, u.full_name as organizer_name
				  from meeting m join account a on a.id = m.account_id join app_user u on u.id = m.organizer_id
				 where m.id = any(:ids)""").param("ids", new SqlArrayValue("bigint", ids.toArray())).query(rs -> {
			long id = rs.getLong("id");
			byId.put(id,
					new MeetingView(id, rs.getString("uid"), rs.getInt("sequence"), rs.getLong("account_id"),
							rs.getString("account_name"), rs.getString("meeting_type"), rs.getString("title"),
							rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
							rs.getString("time_zone"), rs.getString("location"), rs.getString("video_link"),
							rs.getString("agenda"), rs.getLong("organizer_id"), rs.getString("organizer_name"),
							rs.getString("status"), rs.getLong("version"), (Long) rs.getObject("activity_id"),
							attendees.getOrDefault(id, List.of())));
		});
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
