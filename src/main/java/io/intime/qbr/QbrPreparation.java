package io.intime.qbr;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.MeetingView;
import io.intime.engagement.Meetings;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.ClientEmail;
import io.intime.notifications.ClientMail;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preparing a QBR (spec 01 step 6): its details from its meeting (date and time in the
 * reader's zone, duration, place or video link, attendees on both sides), the agenda (the
 * organization's template with the quarters filled in until the account manager edits
 * it), the review of the quarter ({@link QbrMetrics}), the meeting's notes and items, the
 * quality criteria of spec 03, and the pre-read email to the client's attendees with the
 * latest deck's PDF.
 */
@Service
public class QbrPreparation {

	static final String ENTITY = "qbr";

	private static final int MAX_TEXT = 20_000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a z", Locale.US);

	private static final DateTimeFormatter EMAIL_WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a z",
			Locale.US);

	/** Whether a quality criterion of spec 03 is met. */
	public enum Outcome {

		MET("Met"), NOT_YET("Not yet"), MISSED("Missed");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * A quality criterion of spec 03 for this QBR.
	 *
	 * @param key deckReady, executiveAttendance, actionItems or followUp
	 * @param detail why it stands as it does, e.g. "Ready Dec 10, 5 days before"
	 */
	public record Criterion(String key, String label, Outcome outcome, String detail) {
	}

	/**
	 * When and where the QBR's meeting is, in the reader's time zone.
	 *
	 * @param date "Tuesday, December 15, 2025"
	 * @param time "10:00 AM PST"
	 * @param location null when none was given
	 * @param videoLink null when none was given
	 */
	public record Schedule(String date, String time, long minutes, String location, String videoLink,
			boolean cancelled) {
	}

	/**
	 * An attendee of the meeting.
	 *
	 * @param role the user's title or role, the contact's title; may be null
	 * @param you whether it is the reader
	 * @param reply ACCEPTED, DECLINED, TENTATIVE or NEEDS-ACTION
	 */
	public record Person(String name, String role, boolean you, String reply) {

		/** The answer to the invitation as people read it. */
		public String replyLabel() {
			return switch (reply == null ? "" : reply) {
				case "ACCEPTED" -> "Accepted";
				case "DECLINED" -> "Declined";
				case "TENTATIVE" -> "Tentative";
				default -> "No reply yet";
			};
		}

	}

	/** A generated deck of the QBR (its newest finished version). */
	public record Deck(long id, int versionNo, Instant finishedAt, boolean hasPdf) {
	}

	/**
	 * How a finalized QBR ended.
	 *
	 * @param completedBy the name of who finalized it
	 * @param nextQbrId the QBR that follows it, or null
	 * @param nextQbrStartsAt when its meeting is, or null
	 */
	public record Completion(Instant completedAt, String completedBy, Boolean executiveAttended, Instant followUpSentAt,
			Long nextQbrId, String nextQbrQuarter, Instant nextQbrStartsAt) {
	}

	/**
	 * Everything the QBR's page shows.
	 *
	 * @param meeting null when it has none yet
	 * @param schedule null without a meeting
	 * @param agenda the QBR's agenda, or the template's when it has none yet
	 * @param agendaFromTemplate whether {@code agenda} is the template's
	 * @param deck the newest finished deck, or null
	 * @param completion null until it is finalized
	 */
	public record Prep(QbrView qbr, MeetingView meeting, Schedule schedule, List<Person> internal, List<Person> client,
			String agenda, boolean agendaFromTemplate, QuarterReview review, List<QbrItems.Item> actionItems,
			List<QbrItems.Item> decisions, List<QbrItems.Owner> owners, List<Criterion> quality, Deck deck,
			boolean mayEdit, Completion completion, LocalDate today) {

		public boolean open() {
			return qbr.status() == QbrStatus.PLANNED || qbr.status() == QbrStatus.SCHEDULED;
		}

		public boolean completed() {
			return qbr.status() == QbrStatus.COMPLETED;
		}

		/** The firm's people the page offers as owners of an action item. */
		public List<QbrItems.Owner> internalOwners() {
			return owners.stream().filter(o -> o.side() == QbrItems.Side.INTERNAL).toList();
		}

		/**
		 * The client's contacts the page offers as owners, the meeting's attendees first.
		 */
		public List<QbrItems.Owner> clientOwners() {
			return owners.stream().filter(o -> o.side() == QbrItems.Side.CLIENT).toList();
		}

		/** The total revenue potential of the expansion opportunities, per currency. */
		public List<Money> expansionTotal() {
			return QbrPreparation.expansionTotal(review);
		}

	}

	/** What a pre-read email did: to whom, with which deck. */
	public record PreRead(List<String> recipients, long documentId, int deckVersion) {
	}

	private final JdbcClient jdbc;

	private final Qbrs qbrs;

	private final QbrItems items;

	private final QbrMetrics metrics;

	private final Meetings meetings;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final ActivityManagement activities;

	private final ClientMail mail;

	private final AuditTrail audit;

	private final Today time;

	QbrPreparation(JdbcClient jdbc, Qbrs qbrs, QbrItems items, QbrMetrics metrics, Meetings meetings,
			ContactManagement contacts, UserDirectory users, ActivityManagement activities, ClientMail mail,
			AuditTrail audit, Today time) {
		this.jdbc = jdbc;
		this.qbrs = qbrs;
		this.items = items;
		this.metrics = metrics;
		this.meetings = meetings;
		this.contacts = contacts;
		this.users = users;
		this.activities = activities;
		this.mail = mail;
		this.audit = audit;
		this.time = time;
	}

	/**
	 * The QBR's page as the user reads it.
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not read the QBR
	 * @throws io.intime.shared.NotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public Prep prepare(long id, CurrentUser user) {
		QbrView qbr = qbrs.get(id, user);
		MeetingView meeting = meetingOf(qbr);
		ZoneId zone = user.timeZone();
		Schedule schedule = null;
		List<Person> internal = new ArrayList<>();
		List<Person> client = new ArrayList<>();
		if (meeting != null) {
			ZonedDateTime start = meeting.startIn(zone);
			schedule = new Schedule(start.format(DAY), start.format(TIME), meeting.minutes(), meeting.location(),
					meeting.videoLink(), meeting.cancelled());
			Map<Long, UserSummary> people = users.findAll(meeting.attendees()
				.stream()
				.map(MeetingView.Attendee::userId)
				.filter(java.util.Objects::nonNull)
				.toList());
			Map<Long, ContactView> theirs = contactsById(qbr, user);
			for (MeetingView.Attendee a : meeting.attendees()) {
				if (a.userId() != null) {
					UserSummary u = people.get(a.userId());
					String role = u == null ? null : u.title() != null ? u.title() : u.role().label();
					internal.add(new Person(a.name(), role, a.userId() == user.id(), a.partstat()));
				}
				else {
					ContactView c = a.contactId() == null ? null : theirs.get(a.contactId());
					client.add(new Person(a.name(), c == null ? null : c.title(), false, a.partstat()));
				}
			}
			// the reader first, as spec 01 draws it ("You (CEO), Sarah Chen (AM)")
			internal.sort(java.util.Comparator.comparing((Person p) -> !p.you()));
		}
		boolean fromTemplate = qbr.agenda() == null || qbr.agenda().isBlank();
		List<QbrItems.Item> all = items.load(qbr.id());
		QuarterReview review = metrics.review(qbr, user);
		boolean mayEdit = qbrs.mayEdit(qbr, user);
		return new Prep(qbr, meeting, schedule, internal, client,
				fromTemplate ? agendaTemplate(qbr.quarter()) : qbr.agenda(), fromTemplate, review,
				all.stream().filter(QbrItems.Item::action).toList(), all.stream().filter(i -> !i.action()).toList(),
				mayEdit ? items.owners(qbr, meeting, user) : List.of(), quality(qbr, meeting, all, zone),
				latestDeck(qbr.id(), false).orElse(null), mayEdit, completion(qbr), time.today(zone));
	}

	/**
	 * A QBR with its agenda (the template's until it has its own), items and quality
	 * criteria: what the API reads, without the quarter's review.
	 */
	public record Overview(QbrView qbr, String agenda, boolean agendaFromTemplate, List<QbrItems.Item> items,
			List<Criterion> quality) {
	}

	/**
	 * The QBR with its items and quality criteria.
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not read the QBR
	 */
	@Transactional(readOnly = true)
	public Overview overview(long id, CurrentUser user) {
		QbrView qbr = qbrs.get(id, user);
		boolean fromTemplate = qbr.agenda() == null || qbr.agenda().isBlank();
		List<QbrItems.Item> all = items.load(qbr.id());
		return new Overview(qbr, fromTemplate ? agendaTemplate(qbr.quarter()) : qbr.agenda(), fromTemplate, all,
				quality(qbr, meetingOf(qbr), all, user.timeZone()));
	}

	/**
	 * The organization's agenda template with the quarter reviewed and the next one
	 * filled in.
	 */
	@Transactional(readOnly = true)
	public String agendaTemplate(QbrQuarter quarter) {
		String body = jdbc.sql("select body from qbr_agenda_template order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse("");
		return body.replace("{{quarter}}", quarter.label()).replace("{{nextQuarter}}", quarter.next().label());
	}

	/**
	 * Saves the agenda and the notes; a null one stays as it is. The agenda of a
	 * finalized QBR stays as it was held; its notes may still be completed.
	 * @throws StaleVersionException when the QBR changed since {@code version}
	 * @throws InvalidInputException naming {@code agenda} or {@code notes}
	 */
	@Transactional
	public QbrView update(long id, String agenda, String notes, long version, CurrentUser user) {
		QbrView qbr = qbrs.get(id, user);
		qbrs.requireEditor(qbr, user);
		List<FieldError> errors = new ArrayList<>();
		if (agenda != null && agenda.length() > MAX_TEXT) {
			errors.add(new FieldError("agenda", "is longer than " + MAX_TEXT + " characters"));
		}
		if (notes != null && notes.length() > MAX_TEXT) {
			errors.add(new FieldError("notes", "is longer than " + MAX_TEXT + " characters"));
		}
		if (agenda != null && !agenda.equals(qbr.agenda()) && qbr.status() != QbrStatus.PLANNED
				&& qbr.status() != QbrStatus.SCHEDULED) {
			errors.add(new FieldError("agenda", "stays as the QBR was held; it is " + qbr.status().label()));
		}
		if (notes != null && qbr.status() == QbrStatus.CANCELLED) {
			errors.add(new FieldError("notes", "the QBR is cancelled"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int updated = jdbc.sql("""
				update qbr set agenda = coalesce(:agenda, agenda), notes = coalesce(:notes, notes),
				       version = version + 1, updated_at = :now, updated_by = :by
				 where id = :id and version = :version""")
			.param("agenda", agenda == null ? null : agenda.strip())
			.param("notes", notes == null ? null : notes.strip())
			.param("now", Timestamp.from(time.now()))
			.param("by", user.username())
			.param("id", id)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new StaleVersionException("QBR of " + qbr.accountName() + " " + qbr.quarter().label(), id, version,
					qbr.version());
		}
		QbrView after = qbrs.get(id, user);
		audit.recordChanges(ENTITY, id, FieldChange.between(Map.of("agenda", qbr.agenda(), "notes", qbr.notes()),
				Map.of("agenda", after.agenda(), "notes", after.notes())), user);
		return after;
	}

	/**
	 * Sends the pre-read: an email to each client attendee of the meeting with the newest
	 * deck's PDF, logged on the account as one outbound email.
	 * @throws InvalidInputException naming {@code deck} ("Generate the deck first"),
	 * {@code meeting}, {@code attendees} or {@code status}
	 */
	@Transactional
	public PreRead sendPreRead(long id, CurrentUser user) {
		QbrView qbr = qbrs.get(id, user);
		qbrs.requireEditor(qbr, user);
		if (qbr.status() == QbrStatus.COMPLETED || qbr.status() == QbrStatus.CANCELLED) {
			throw new InvalidInputException("status", "the QBR is " + qbr.status().label().toLowerCase(Locale.ROOT)
					+ "; a pre-read goes out before the meeting");
		}
		MeetingView meeting = meetingOf(qbr);
		if (meeting == null || meeting.cancelled()) {
			throw new InvalidInputException("meeting",
					"Schedule the QBR's meeting first: the pre-read goes to its client attendees");
		}
		List<ContactView> to = clientRecipients(qbr, meeting, user);
		if (to.isEmpty()) {
			throw new InvalidInputException("attendees",
					"The meeting has no client attendee with an email address to send the pre-read to");
		}
		DeckFile deck = latestPdf(qbr.id())
			.orElseThrow(() -> new InvalidInputException("deck", "Generate the deck first"));
		UserSummary me = users.find(user.id()).orElseThrow();
		String subject = qbr.accountName() + " " + qbr.quarter().label() + " QBR – pre-read";
		String greeting = greeting(to);
		String agenda = qbr.agenda() == null || qbr.agenda().isBlank() ? agendaTemplate(qbr.quarter()) : qbr.agenda();
		ClientEmail.Attachment pdf = new ClientEmail.Attachment(deckFileName(qbr), "application/pdf", deck.pdf());
		for (ContactView c : to) {
			ZonedDateTime when = meeting.startIn(zoneOf(c, meeting));
			String body = greeting + "\n\n" + "Ahead of our " + qbr.quarter().label() + " business review on "
					+ when.format(EMAIL_WHEN) + ", I attach the deck we will walk through, so that you can read it "
					+ "beforehand.\n\n" + "AGENDA:\n" + agenda.strip() + "\n\n"
					+ "If there is anything you would like us to add, please let me know.\n\n" + "Best regards,\n"
					+ me.fullName();
			mail.send(
					new ClientEmail(me.fullName(), me.email(), c.name(), c.email(), subject, body, null, List.of(pdf)));
		}
		logEmail(qbr, subject,
				"Pre-read with the QBR deck (version " + deck.versionNo() + ") sent to " + names(to) + ".", to, user);
		return new PreRead(to.stream().map(ContactView::name).toList(), deck.id(), deck.versionNo());
	}

	/** The total revenue potential of the review's opportunities, per currency. */
	public static List<Money> expansionTotal(QuarterReview review) {
		Map<String, Money> totals = new LinkedHashMap<>();
		if (review != null && review.opportunities() != null) {
			for (QuarterReview.Opportunity o : review.opportunities()) {
				if (o.value() != null) {
					totals.merge(o.value().currency(), o.value(), Money::plus);
				}
			}
		}
		return List.copyOf(totals.values());
	}

	// ------------------------------------------------------------------ shared with the
	// module

	/** The QBR's meeting, or null when it has none. */
	MeetingView meetingOf(QbrView qbr) {
		if (qbr.meetingId() == null) {
			return null;
		}
		MeetingView meeting = meetings.byIds(List.of(qbr.meetingId())).get(qbr.meetingId());
		// a meeting at another account never lends a QBR its attendees
		return meeting == null || meeting.accountId() != qbr.accountId() ? null : meeting;
	}

	/**
	 * The meeting's client attendees who are contacts of the QBR's account and have an
	 * email address: whom the QBR's emails go to.
	 */
	List<ContactView> clientRecipients(QbrView qbr, MeetingView meeting, CurrentUser user) {
		Map<Long, ContactView> theirs = contactsById(qbr, user);
		List<ContactView> to = new ArrayList<>();
		for (MeetingView.Attendee a : meeting.attendees()) {
			ContactView c = a.contactId() == null ? null : theirs.get(a.contactId());
			if (c != null && c.email() != null && !c.email().isBlank()
					&& to.stream().noneMatch(t -> t.id() == c.id())) {
				to.add(c);
			}
		}
		return to;
	}

	/** A finished deck's PDF. */
	record DeckFile(long id, int versionNo, byte[] pdf) {
	}

	/** The newest finished deck that has a PDF. */
	Optional<DeckFile> latestPdf(long qbrId) {
		return jdbc.sql("""
				select id, version_no, pdf from qbr_document
				 where qbr_id = :qbr and status = 'DONE' and pdf is not null
				 order by version_no desc limit 1""")
			.param("qbr", qbrId)
			.query((rs, n) -> new DeckFile(rs.getLong(1), rs.getInt(2), rs.getBytes(3)))
			.optional();
	}

	/** The newest finished deck, or with {@code withPdf} the newest that has a PDF. */
	Optional<Deck> latestDeck(long qbrId, boolean withPdf) {
		return jdbc.sql("""
				select id, version_no, finished_at, pdf is not null as has_pdf from qbr_document
				 where qbr_id = :qbr and status = 'DONE' and (not :withPdf or pdf is not null)
				 order by version_no desc limit 1""")
			.param("qbr", qbrId)
			.param("withPdf", withPdf)
			.query((rs, n) -> new Deck(rs.getLong(1), rs.getInt(2),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
			.optional();
	}

	static String deckFileName(QbrView qbr) {
		return (qbr.accountName() + "_" + qbr.quarter().label() + "_QBR_Presentation").replaceAll("[^A-Za-z0-9]+", "_")
				+ ".pdf";
	}

	/** "Hi Sarah,", "Hi Sarah and Mark,", "Hi Sarah, Mark and Lisa,". */
	static String greeting(List<ContactView> to) {
		List<String> first = to.stream().map(c -> c.name().trim().split("\\s+")[0]).toList();
		String names = first.size() == 1 ? first.get(0)
				: String.join(", ", first.subList(0, first.size() - 1)) + " and " + first.get(first.size() - 1);
		return "Hi " + names + ",";
	}

	static String names(List<ContactView> to) {
		return String.join(", ", to.stream().map(ContactView::name).toList());
	}

	static ZoneId zoneOf(ContactView contact, MeetingView meeting) {
		try {
			if (contact.timeZone() != null && !contact.timeZone().isBlank()) {
				return ZoneId.of(contact.timeZone());
			}
		}
		catch (java.time.DateTimeException e) {
			// a contact's unknown zone falls back to the meeting's
		}
		return ZoneId.of(meeting.timeZone());
	}

	/** Logs an email the QBR sent on the account's timeline, as the user's. */
	void logEmail(QbrView qbr, String subject, String body, List<ContactView> to, CurrentUser user) {
		activities
			.create(qbr.accountId(),
					new ActivityForm(ActivityType.EMAIL, ActivityDirection.OUTBOUND, subject, body, time.now(), null,
							null, null, List.of(), to.stream().map(ContactView::id).toList(), List.of(user.id())),
					user);
	}

	private Map<Long, ContactView> contactsById(QbrView qbr, CurrentUser user) {
		Map<Long, ContactView> byId = new HashMap<>();
		contacts.forAccount(qbr.accountId(), user).forEach(c -> byId.put(c.id(), c));
		return byId;
	}

	private Completion completion(QbrView qbr) {
		if (qbr.status() != QbrStatus.COMPLETED) {
			return null;
		}
		String completedBy = jdbc.sql("select completed_by from qbr where id = :id")
			.param("id", qbr.id())
			.query(String.class)
			.optional()
			.map(username -> users.findByUsername(username).map(UserSummary::fullName).orElse(username))
			.orElse(null);
		String next = qbr.quarter().next().code();
		var following = jdbc.sql("""
				select q.id, m.starts_at from qbr q left join meeting m on m.id = q.meeting_id
				 where q.account_id = :account and q.quarter = :quarter and q.status <> 'CANCELLED'""")
			.param("account", qbr.accountId())
			.param("quarter", next)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getTimestamp(2) })
			.optional();
		return new Completion(qbr.completedAt(), completedBy, qbr.executiveAttended(), qbr.followUpSentAt(),
				following.map(f -> (Long) f[0]).orElse(null),
				following.isPresent() ? qbr.quarter().next().label() : null,
				following.map(f -> f[1] == null ? null : ((Timestamp) f[1]).toInstant()).orElse(null));
	}

	/**
	 * Spec 03's quality criteria: the deck ready three days before, an executive
	 * attending, action items documented, the follow-up sent within a week.
	 */
	List<Criterion> quality(QbrView qbr, MeetingView meeting, List<QbrItems.Item> all, ZoneId zone) {
		Instant now = time.now();
		Instant start = meeting == null || meeting.cancelled() ? null : meeting.startsAt();
		List<Criterion> criteria = new ArrayList<>();
		criteria.add(deckReady(qbr, start, now, zone));
		criteria.add(executive(qbr, meeting));
		long actions = all.stream().filter(QbrItems.Item::action).count();
		boolean done = qbr.status() == QbrStatus.COMPLETED;
		criteria.add(new Criterion("actionItems", "Action items documented",
				done ? actions > 0 ? Outcome.MET : Outcome.MISSED : Outcome.NOT_YET,
				done ? actions > 0 ? count(actions, "action item") + " with owners, tracked"
						: "No action item was documented"
						: actions > 0 ? count(actions, "action item") + " so far; tracked once finalized"
								: "None yet; write them down during the meeting"));
		criteria.add(followUp(qbr, start, now, zone));
		return criteria;
	}

	private static Criterion deckReady(QbrView qbr, Instant start, Instant now, ZoneId zone) {
		String label = "Deck ready 3 days before";
		Instant ready = qbr.deckReadyAt();
		if (start == null) {
			return new Criterion("deckReady", label, Outcome.NOT_YET,
					ready == null ? "No deck yet; the meeting is not scheduled"
							: "Ready " + day(ready, zone) + "; the meeting is not scheduled");
		}
		Instant deadline = start.minus(Duration.ofDays(3));
		if (ready != null) {
			long days = Duration.between(ready, start).toDays();
			return !ready.isAfter(deadline)
					? new Criterion("deckReady", label, Outcome.MET,
							"Ready " + day(ready, zone) + ", " + count(days, "day") + " before")
					: new Criterion("deckReady", label, Outcome.MISSED, "Ready " + day(ready, zone) + ", "
							+ (ready.isAfter(start) ? "after the meeting" : "only " + count(days, "day") + " before"));
		}
		return now.isAfter(deadline)
				? new Criterion("deckReady", label, Outcome.MISSED, "No deck 3 days before the meeting")
				: new Criterion("deckReady", label, Outcome.NOT_YET, "Due by " + day(deadline, zone));
	}

	private Criterion executive(QbrView qbr, MeetingView meeting) {
		String label = "Executive attendance";
		if (qbr.executiveAttended() != null) {
			return qbr.executiveAttended()
					? new Criterion("executiveAttendance", label, Outcome.MET, "An executive of the firm attended")
					: new Criterion("executiveAttendance", label, Outcome.MISSED, "No executive of the firm attended");
		}
		List<String> executives = meeting == null ? List.of() : executivesAmong(meeting);
		return new Criterion("executiveAttendance", label, Outcome.NOT_YET,
				executives.isEmpty() ? "No executive of the firm is invited yet"
						: String.join(", ", executives) + (executives.size() == 1 ? " is" : " are") + " invited");
	}

	/** The names of the firm's executives among the meeting's attendees. */
	List<String> executivesAmong(MeetingView meeting) {
		Map<Long, UserSummary> people = users.findAll(meeting.attendees()
			.stream()
			.map(MeetingView.Attendee::userId)
			.filter(java.util.Objects::nonNull)
			.toList());
		return people.values()
			.stream()
			.filter(u -> u.role() == Role.EXECUTIVE)
			.map(UserSummary::fullName)
			.sorted()
			.toList();
	}

	private static Criterion followUp(QbrView qbr, Instant start, Instant now, ZoneId zone) {
		String label = "Follow-up within a week";
		Instant base = start != null ? start : qbr.completedAt();
		Instant sent = qbr.followUpSentAt();
		if (sent != null) {
			boolean inTime = base == null || !sent.isAfter(base.plus(Duration.ofDays(7)));
			return new Criterion("followUp", label, inTime ? Outcome.MET : Outcome.MISSED,
					"Summary sent " + day(sent, zone) + (inTime ? "" : ", more than a week after the meeting"));
		}
		if (base == null) {
			return new Criterion("followUp", label, Outcome.NOT_YET, "Sent when the QBR is finalized");
		}
		Instant deadline = base.plus(Duration.ofDays(7));
		return now.isAfter(deadline)
				? new Criterion("followUp", label, Outcome.MISSED, "No summary within a week of the meeting")
				: new Criterion("followUp", label, Outcome.NOT_YET,
						"Due by " + day(deadline, zone) + "; sent when the QBR is finalized");
	}

	private static String day(Instant instant, ZoneId zone) {
		return instant.atZone(zone).format(SHORT_DAY);
	}

	private static String count(long n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

}
