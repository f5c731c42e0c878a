package io.intime.qbr;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.intime.accounts.ContactView;
import io.intime.engagement.MeetingForm;
import io.intime.engagement.MeetingView;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.UserAdministration;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.ClientEmail;
import io.intime.notifications.ClientMail;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;
import io.intime.tasks.TaskView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Finalize QBR" (spec 02 step 9): after the account manager confirms the action items,
 * in one transaction it creates a task for each item a user of the firm owns, keeps the
 * client's items as tracked items (on the account page, reminded by
 * {@link QbrItemReminders}), sends the summary email of spec 02 to the client's attendees
 * with the deck's PDF, marks the QBR complete with spec 03's quality facts, schedules the
 * next QBR by the account's cadence ({@link QbrScheduling#scheduleNext}: 13 weeks per
 * quarter out, same time and attendees) with its invitation, and records
 * {@link QbrConducted}. Two people finalizing at once: one wins, the other gets a
 * conflict; a finalized QBR is not finalized again.
 */
@Service
public class QbrFinalization {

	/** An internal action item without a due date is due this many business days out. */
	static final int DEFAULT_DUE_BUSINESS_DAYS = 5;

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MMM d", Locale.US);

	private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a z",
			Locale.US);

	/**
	 * What finalizing would do, for the account manager to confirm: the items, whom the
	 * summary goes to, the summary itself, and when the next QBR would be.
	 *
	 * @param nextQbrWhen when the next QBR's meeting would be, in the reader's zone, or
	 * null when none would be scheduled
	 * @param problems what stops it being finalized now (empty when it may be)
	 */
	public record Plan(QbrView qbr, List<QbrItems.Item> internalItems, List<QbrItems.Item> clientItems,
			List<QbrItems.Item> decisions, List<String> recipients, String attachment, QbrQuarter nextQuarter,
			String nextQbrWhen, String subject, String body, List<FieldError> problems) {

		public boolean ready() {
			return problems.isEmpty();
		}

	}

	/**
	 * What finalizing did.
	 *
	 * @param taskIds the tasks made for the firm's owners, in item order
	 * @param trackedClientItemIds the client's items now tracked
	 * @param emailedTo the names the summary went to
	 * @param nextQbrId the next QBR (made or found), or null
	 * @param nextMeetingId its meeting, or null when none could be scheduled
	 */
	public record Finalized(long qbrId, List<Long> taskIds, List<Long> trackedClientItemIds, List<String> emailedTo,
			Long nextQbrId, Long nextMeetingId, Instant nextQbrStartsAt) {
	}

	private final JdbcClient jdbc;

	private final Qbrs qbrs;

	private final QbrItems items;

	private final QbrPreparation preparation;

	private final QbrMetrics metrics;

	private final TaskManagement tasks;

	private final UserDirectory users;

	private final UserAdministration administration;

	private final ClientMail mail;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Today time;

	private final QbrScheduling scheduling;

	QbrFinalization(JdbcClient jdbc, Qbrs qbrs, QbrItems items, QbrPreparation preparation, QbrMetrics metrics,
			TaskManagement tasks, UserDirectory users, UserAdministration administration, ClientMail mail,
			AuditTrail audit, ApplicationEventPublisher events, JsonMapper json, Today time, QbrScheduling scheduling) {
		this.scheduling = scheduling;
		this.jdbc = jdbc;
		this.qbrs = qbrs;
		this.items = items;
		this.preparation = preparation;
		this.metrics = metrics;
		this.tasks = tasks;
		this.users = users;
		this.administration = administration;
		this.mail = mail;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.time = time;
	}

	/**
	 * What finalizing the QBR would do now, and what stops it.
	 * @throws org.springframework.security.access.AccessDeniedException unless the user
	 * may change the QBR
	 */
	@Transactional(readOnly = true)
	public Plan plan(long id, CurrentUser user) {
		QbrView qbr = qbrs.get(id, user);
		qbrs.requireEditor(qbr, user);
		List<FieldError> problems = new ArrayList<>(stateProblems(qbr));
		MeetingView meeting = preparation.meetingOf(qbr);
		List<ContactView> to = List.of();
		if (meeting == null || meeting.cancelled()) {
			problems.add(noMeeting());
		}
		else {
			to = preparation.clientRecipients(qbr, meeting, user);
			if (to.isEmpty()) {
				problems.add(noRecipients());
			}
		}
		List<QbrItems.Item> all = items.load(id);
		problems.addAll(pastDue(all, user));
		QbrScheduling.NextQbr upcoming = scheduling.nextOf(id, user);
		Next next = new Next(upcoming.id(), upcoming.meetingId(), upcoming.startsAt(), upcoming.zone().getId());
		String subject = subject(qbr);
		String body = to.isEmpty() ? ""
				: body(qbr, meeting, to, all, metrics.review(qbr, user), next, users.find(user.id()).orElseThrow());
		String attachment = preparation.latestPdf(id).map(d -> QbrPreparation.deckFileName(qbr)).orElse(null);
		return new Plan(qbr, all.stream().filter(QbrItems.Item::internalOwned).toList(),
				all.stream().filter(QbrItems.Item::clientOwned).toList(),
				all.stream().filter(i -> !i.action()).toList(), to.stream().map(ContactView::name).toList(), attachment,
				upcoming.quarter(), next.startsAt == null ? null : next.startsAt.atZone(user.timeZone()).format(WHEN),
				subject, body, problems);
	}

	/**
	 * Finalizes the QBR (see the class); all or nothing.
	 * @param version the QBR's version the user confirmed
	 * @throws StaleVersionException when the QBR changed since, e.g. someone else
	 * finalized it at the same time
	 * @throws InvalidInputException naming {@code status} (finalized already, cancelled),
	 * {@code meeting}, {@code attendees} or {@code items} (an internal item due in the
	 * past)
	 */
	@Transactional
	public Finalized finalizeQbr(long id, long version, CurrentUser user) {
		QbrView qbr = qbrs.get(id, user);
		qbrs.requireEditor(qbr, user);
		List<FieldError> problems = new ArrayList<>(stateProblems(qbr));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (qbr.version() != version) {
			throw stale(qbr, version);
		}
		MeetingView meeting = preparation.meetingOf(qbr);
		if (meeting == null || meeting.cancelled()) {
			throw new InvalidInputException(List.of(noMeeting()));
		}
		List<ContactView> to = preparation.clientRecipients(qbr, meeting, user);
		if (to.isEmpty()) {
			throw new InvalidInputException(List.of(noRecipients()));
		}
		List<QbrItems.Item> all = items.load(id);
		problems.addAll(pastDue(all, user));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		QuarterReview review = metrics.review(qbr, user);
		Instant now = time.now();
		boolean executiveAttended = !preparation.executivesAmong(meeting).isEmpty();
		List<QbrConducted.PresentedMetric> presented = presented(review);
		// the claim comes first: a second finalizer waits on the row, then finds the
		// version moved on and gets the conflict, before anything else is done twice
		int claimed = jdbc.sql("""
				update qbr set status = 'COMPLETED', completed_at = :now, completed_by = :by,
				       executive_attended = :executive, metrics_presented = :metrics, follow_up_sent_at = :now,
				       version = version + 1, updated_at = :now, updated_by = :by
				 where id = :id and version = :version and status in ('PLANNED', 'SCHEDULED')""")
			.param("now", Timestamp.from(now))
			.param("by", user.username())
			.param("executive", executiveAttended)
			.param("metrics", json.writeValueAsString(presented))
			.param("id", id)
			.param("version", version)
			.update();
		if (claimed == 0) {
			long current = jdbc.sql("select version from qbr where id = :id")
				.param("id", id)
				.query(Long.class)
				.optional()
				.orElse(version);
			throw new StaleVersionException("QBR of " + qbr.accountName() + " " + qbr.quarter().label(), id, version,
					current);
		}
		List<Long> taskIds = createTasks(qbr, all, user);
		all = items.load(id);
		// the next QBR by the account's cadence, with this one's attendees, and its
		// invitation
		QbrView following = scheduling.scheduleNext(id, null, null, user);
		Next next = new Next(following.id(), following.meetingId(), following.startsAt(), meeting.timeZone());
		UserSummary me = users.find(user.id()).orElseThrow();
		String subject = subject(qbr);
		String body = body(qbr, meeting, to, all, review, next, me);
		List<ClientEmail.Attachment> attachments = preparation.latestPdf(id)
			.map(deck -> List
				.of(new ClientEmail.Attachment(QbrPreparation.deckFileName(qbr), "application/pdf", deck.pdf())))
			.orElse(List.of());
		for (ContactView c : to) {
			mail.send(
					new ClientEmail(me.fullName(), me.email(), c.name(), c.email(), subject, body, null, attachments));
		}
		preparation.logEmail(qbr, subject, body, to, user);
		audit.recordChanges(QbrPreparation.ENTITY, id,
				List.of(new FieldChange("status", qbr.status().name(), QbrStatus.COMPLETED.name()),
						new FieldChange("executiveAttended", null, String.valueOf(executiveAttended)),
						new FieldChange("followUpSentAt", null, now.toString())),
				user);
		events.publishEvent(new QbrConducted(qbr.accountId(), id, qbr.quarter(), attendees(meeting), presented,
				outcomes(all), next.id, user.actor(), now));
		return new Finalized(id, taskIds,
				all.stream().filter(QbrItems.Item::clientOwned).map(QbrItems.Item::id).toList(),
				to.stream().map(ContactView::name).toList(), next.id, next.meetingId, next.startsAt);
	}

	// ------------------------------------------------------------------ checks

	private static List<FieldError> stateProblems(QbrView qbr) {
		if (qbr.status() == QbrStatus.COMPLETED) {
			return List.of(new FieldError("status", "This QBR was finalized already"
					+ (qbr.completedAt() == null ? ""
							: " on " + qbr.completedAt().atZone(Today.ORGANIZATION_ZONE).toLocalDate().format(LONG_DAY))
					+ "; its summary went out and the next QBR is scheduled"));
		}
		if (qbr.status() == QbrStatus.CANCELLED) {
			return List.of(new FieldError("status", "This QBR is cancelled"));
		}
		return List.of();
	}

	private static FieldError noMeeting() {
		return new FieldError("meeting", "Schedule the QBR's meeting first: its attendees get the summary");
	}

	private static FieldError noRecipients() {
		return new FieldError("attendees",
				"The meeting has no client attendee with an email address to send the summary to");
	}

	/** Internal items whose due date has passed: their tasks could not be due then. */
	private List<FieldError> pastDue(List<QbrItems.Item> all, CurrentUser user) {
		LocalDate today = time.today(user.timeZone());
		List<FieldError> errors = new ArrayList<>();
		for (QbrItems.Item item : all) {
			if (item.internalOwned() && !item.done() && item.taskId() == null && item.overdue(today)) {
				errors.add(new FieldError("items", "“" + item.text() + "” was due " + item.dueDate().format(DUE)
						+ ": change its due date or mark it done before finalizing"));
			}
		}
		return errors;
	}

	private static StaleVersionException stale(QbrView qbr, long version) {
		return new StaleVersionException("QBR of " + qbr.accountName() + " " + qbr.quarter().label(), qbr.id(), version,
				qbr.version());
	}

	// ------------------------------------------------------------------ what it does

	private List<Long> createTasks(QbrView qbr, List<QbrItems.Item> all, CurrentUser user) {
		List<Long> created = new ArrayList<>();
		for (QbrItems.Item item : all) {
			if (!item.internalOwned() || item.done() || item.taskId() != null) {
				continue;
			}
			LocalDate due = item.dueDate();
			if (due == null) {
				ZoneId zone = users.find(item.ownerUserId()).map(u -> ZoneId.of(u.timeZone())).orElse(user.timeZone());
				due = tasks.businessDaysFromToday(item.ownerUserId(), zone, DEFAULT_DUE_BUSINESS_DAYS);
			}
			String title = item.text().length() <= 200 ? item.text() : item.text().substring(0, 199) + "…";
			TaskView task;
			try {
				task = tasks.create(new TaskForm(title,
						"Action item from the " + qbr.accountName() + " " + qbr.quarter().label() + " QBR: "
								+ item.text(),
						item.ownerUserId(), qbr.accountId(), "qbr", qbr.id(), due, null, 0, TaskPriority.NORMAL, null),
						user);
			}
			catch (InvalidInputException refused) {
				throw new InvalidInputException("items", "“" + item.text() + "”: "
						+ refused.errors().stream().map(FieldError::message).findFirst().orElse(refused.getMessage()));
			}
			jdbc.sql("update qbr_item set task_id = :task, version = version + 1, updated_at = :now where id = :id")
				.param("task", task.id())
				.param("now", Timestamp.from(time.now()))
				.param("id", item.id())
				.update();
			created.add(task.id());
		}
		return created;
	}

	/** The next QBR: its id, its meeting and when that starts (each may be null). */
	private record Next(Long id, Long meetingId, Instant startsAt, String zone) {
	}

	// ------------------------------------------------------------------ the summary

	static String subject(QbrView qbr) {
		return qbr.accountName() + " " + qbr.quarter().label() + " QBR - Summary & Action Items";
	}

	/** The follow-up email of spec 02 step 9. */
	private String body(QbrView qbr, MeetingView meeting, List<ContactView> to, List<QbrItems.Item> all,
			QuarterReview review, Next next, UserSummary me) {
		ZoneId zone = ZoneId.of(meeting.timeZone());
		LocalDate held = meeting.startIn(zone).toLocalDate();
		String when = held.equals(time.today(zone)) ? "today"
				: "on " + held.format(DateTimeFormatter.ofPattern("MMMM d", Locale.US));
		String firm = administration.firmName().orElse("InTime");
		StringBuilder text = new StringBuilder();
		text.append(QbrPreparation.greeting(to)).append("\n\n");
		text.append("Thank you for a productive Q")
			.append(qbr.quarter().quarter())
			.append(" Business Review ")
			.append(when)
			.append("! It was great to celebrate our successes together and plan for an exciting Q")
			.append(qbr.quarter().next().quarter())
			.append(".\n\n");
		List<String> highlights = highlights(review);
		if (!highlights.isEmpty()) {
			text.append("KEY HIGHLIGHTS:\n");
			highlights.forEach(h -> text.append("✅ ").append(h).append('\n'));
			text.append('\n');
		}
		List<QbrItems.Item> actions = all.stream().filter(QbrItems.Item::action).toList();
		if (!actions.isEmpty()) {
			text.append("ACTION ITEMS:\n");
			for (QbrItems.Item item : actions) {
				text.append(item.done() ? "☑ " : "□ ")
					.append(item.clientOwned() ? qbr.accountName() : firm)
					.append(" (")
					.append(item.ownerName())
					.append("): ")
					.append(item.text());
				if (item.dueDate() != null) {
					text.append(" - Due: ").append(item.dueDate().format(DUE));
				}
				text.append('\n');
			}
			text.append('\n');
		}
		List<QbrItems.Item> decisions = all.stream().filter(i -> !i.action()).toList();
		if (!decisions.isEmpty()) {
			text.append("DECISIONS:\n");
			decisions.forEach(d -> text.append("• ").append(d.text()).append('\n'));
			text.append('\n');
		}
		if (next.startsAt != null) {
			ZoneId nextZone = next.zone == null ? zone : ZoneId.of(next.zone);
			text.append("NEXT QBR: ")
				.append(next.startsAt.atZone(nextZone).format(LONG_DAY))
				.append(" (calendar invite sent separately)\n\n");
		}
		else {
			text.append("NEXT QBR: ")
				.append(qbr.quarter().next().label())
				.append(" (we will send the calendar invite)\n\n");
		}
		text.append("Please let me know if I missed anything or if you have questions!\n\n");
		text.append("Best regards,\n").append(me.fullName());
		return text.toString();
	}

	/**
	 * The met metrics as the summary's highlights: "Placements: 28 (vs 24 target, +17%)".
	 */
	static List<String> highlights(QuarterReview review) {
		List<String> lines = new ArrayList<>();
		for (QuarterReview.Metric m : review.metrics()) {
			if (m.status() != QuarterReview.Status.MET || m.missing()) {
				continue;
			}
			List<String> context = new ArrayList<>();
			if (m.target() != null) {
				context.add("vs " + m.target());
			}
			if (m.comparison() != null) {
				context.add(m.comparison());
			}
			lines
				.add(m.label() + ": " + m.value() + (context.isEmpty() ? "" : " (" + String.join(", ", context) + ")"));
		}
		return lines;
	}

	private static List<QbrConducted.PresentedMetric> presented(QuarterReview review) {
		return review.metrics()
			.stream()
			.map(m -> new QbrConducted.PresentedMetric(m.key(), m.label(), m.value(), m.target(),
					m.missing() ? "NO_DATA" : m.status().name()))
			.toList();
	}

	private static List<QbrConducted.Attendee> attendees(MeetingView meeting) {
		Map<String, QbrConducted.Attendee> people = new LinkedHashMap<>();
		for (MeetingView.Attendee a : meeting.attendees()) {
			String key = a.userId() != null ? "u" + a.userId() : "c" + a.contactId() + a.email();
			people.putIfAbsent(key, new QbrConducted.Attendee(a.name(), a.userId() != null ? "INTERNAL" : "CLIENT",
					a.userId(), a.contactId()));
		}
		return List.copyOf(people.values());
	}

	private static List<QbrConducted.Outcome> outcomes(List<QbrItems.Item> all) {
		return all.stream()
			.map(i -> new QbrConducted.Outcome(i.kind().name(), i.text(), i.ownerName(),
					i.ownerSide() == null ? null : i.ownerSide().name(), i.dueDate(), i.taskId()))
			.toList();
	}

}
