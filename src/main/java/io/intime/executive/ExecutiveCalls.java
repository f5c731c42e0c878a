package io.intime.executive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.StakeholderRole;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.ActivityView;
import io.intime.engagement.MeetingForm;
import io.intime.engagement.MeetingSlots;
import io.intime.engagement.MeetingView;
import io.intime.engagement.Meetings;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling an executive sponsor call (spec 01 step 3): suggested slots from both sides'
 * availability (the internal attendees' calendars, the client contact's working hours in
 * their time zone), the first one recommended; an agenda made from the account's open
 * issues and recovery plan; an invitation message. Sending it schedules the meeting in
 * the calendar (its invitation with an iCalendar REQUEST goes to every attendee and it is
 * on the account's timeline as a planned executive call:
 * {@code executive.call.scheduled}), creates the preparation tasks (review the history an
 * hour before, the account manager's brief 30 minutes before, the recovery plan document
 * the day before) and asks the account manager to brief the executive.
 */
@Service
public class ExecutiveCalls {

	private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("EEE, MMM d 'at' h:mm a z", Locale.US);

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final MeetingSlots slots;

	private final Meetings meetings;

	private final TaskManagement tasks;

	private final Notifications notifications;

	private final UserDirectory users;

	private final io.intime.shared.Today time;

	private final ActivityManagement activities;

	ExecutiveCalls(AccountManagement accounts, ContactManagement contacts, MeetingSlots slots, Meetings meetings,
			TaskManagement tasks, Notifications notifications, UserDirectory users, io.intime.shared.Today time,
			ActivityManagement activities) {
		this.activities = activities;
		this.time = time;
		this.accounts = accounts;
		this.contacts = contacts;
		this.slots = slots;
		this.meetings = meetings;
		this.tasks = tasks;
		this.notifications = notifications;
		this.users = users;
	}

	/** A suggested slot: when, in the organizer's and the client contact's time. */
	public record Slot(Instant start, String label, String clientLabel, boolean recommended, String reason) {
	}

	/** A person who may be invited. */
	public record Invitee(long id, String name, String role, boolean checked) {
	}

	/** What the scheduling page shows before anyone chooses. */
	public record Draft(AccountDetails account, ContactView clientContact, List<Slot> slots, List<Invitee> internal,
			List<Invitee> client, String subject, String agenda, String message) {
	}

	/**
	 * The call as the executive sends it: a suggested slot ({@code slot}) or a custom
	 * {@code date} and {@code time} in the executive's zone.
	 *
	 * @param meetingType VIDEO, PHONE or IN_PERSON
	 */
	public record CallForm(Instant slot, LocalDate date, LocalTime time, Integer durationMinutes, String meetingType,
			String location, List<Long> userIds, List<Long> contactIds, String subject, String agenda, String message) {

		public CallForm {
			userIds = userIds == null ? List.of() : List.copyOf(userIds);
			contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
		}
	}

	/** What was scheduled: the meeting and the preparation tasks. */
	public record Scheduled(MeetingView meeting, int tasks) {
	}

	/**
	 * The draft: slots of 60 minutes with the client's executive, the agenda, the
	 * message.
	 */
	@Transactional(readOnly = true)
	public Draft draft(long accountId, PlanProgress plan, List<AccountAdvice.Issue> issues, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		List<ContactView> people = contacts.forAccount(accountId, user)
			.stream()
			.filter(c -> c.email() != null && !c.email().isBlank())
			.toList();
		ContactView executive = people.stream()
			.filter(c -> c.stakeholderRole() == StakeholderRole.EXECUTIVE)
			.findFirst()
			.orElse(people.isEmpty() ? null : people.get(0));
		List<Invitee> internal = new ArrayList<>();
		internal.add(new Invitee(user.id(), user.fullName() + " (you)", user.role().label(), true));
		if (account.ownerId() != null && account.ownerId() != user.id()) {
			internal.add(new Invitee(account.ownerId(), account.ownerName(), "Account manager", false));
		}
		Map<Long, UserSummary> team = users
			.findAll(accounts.team(accountId).stream().map(AccountManagement.TeamMember::userId).toList());
		team.values()
			.stream()
			.filter(u -> u.role() == Role.RECRUITING_MANAGER && u.id() != user.id())
			.forEach(u -> internal.add(new Invitee(u.id(), u.fullName(), u.role().label(), false)));
		List<Invitee> client = people.stream()
			.map(c -> new Invitee(c.id(), c.name() + (c.title() == null ? "" : ", " + c.title()),
					c.stakeholderRole().name(), executive != null && c.id() == executive.id()))
			.toList();
		List<Slot> suggested = new ArrayList<>();
		if (executive != null) {
			ZoneId clientZone = ZoneId.of(executive.timeZone() != null && !executive.timeZone().isBlank()
					? executive.timeZone() : account.timeZone());
			List<MeetingSlots.Slot> found = slots.suggest(List.of(user.id()), List.of(executive.id()), 60, 4, user);
			for (int i = 0; i < found.size(); i++) {
				MeetingSlots.Slot s = found.get(i);
				suggested.add(new Slot(s.start(), SLOT.format(s.start().atZone(user.timeZone())),
						executive.name() + ": " + SLOT.format(s.start().atZone(clientZone)), i == 0,
						i == 0 ? "The earliest hour both calendars are free, within " + executive.name()
								+ "'s working hours" : null));
			}
		}
		String first = executive == null ? "there" : executive.name().split(" ")[0];
		String agenda = agenda(issues, plan);
		String message = "Hi " + first + ",\n\nI'd like to personally connect with you to discuss our partnership"
				+ (issues.isEmpty() ? " and how we can grow it together."
						: " and address the recent service challenges you've experienced.")
				+ "\n\nI'm committed to ensuring " + account.name()
				+ " receives the exceptional service you deserve, and I'd like to share our plan and hear your thoughts on how we can strengthen our partnership."
				+ "\n\nLooking forward to speaking with you.\n\nBest regards,\n" + user.fullName();
		return new Draft(account, executive, suggested, internal, client, "Strategic Partnership Review & Path Forward",
				agenda, message);
	}

	/**
	 * The agenda of spec 01: acknowledgment, listening, the recovery plan (its goals, or
	 * the issues to address), the partnership and renewal, next steps.
	 */
	static String agenda(List<AccountAdvice.Issue> issues, PlanProgress plan) {
		StringBuilder text = new StringBuilder();
		if (issues.isEmpty()) {
			text.append("1. Opening (5 min)\n   - Partnership highlights since we last met\n");
		}
		else {
			text.append("1. Opening & Acknowledgment (5 min)\n   - Acknowledge recent service issues: ");
			text.append(String.join(", ", issues.stream().map(i -> i.title().toLowerCase(Locale.ROOT)).toList()));
			text.append("\n   - Express commitment to partnership\n");
		}
		text.append("2. Listen & Understand (15 min)\n   - Hear concerns and business impact\n"
				+ "   - Identify gaps in expectations vs delivery\n");
		text.append("3. Recovery Plan Presentation (20 min)\n");
		if (plan != null) {
			for (PlanProgress.Goal g : plan.goals()) {
				text.append("   - ").append(g.label()).append(": ").append(g.note()).append('\n');
			}
		}
		else {
			for (AccountAdvice.Issue i : issues) {
				text.append("   - ").append(i.title()).append(": ").append(i.facts().get(0)).append('\n');
			}
			if (issues.isEmpty()) {
				text.append("   - What we will do next quarter\n");
			}
		}
		text.append("4. Strategic Partnership Discussion (15 min)\n   - Contract renewal and expansion\n"
				+ "   - Align on long-term goals\n");
		text.append("5. Next Steps & Commitments (5 min)\n   - Success metrics, follow-up touchpoints, owners");
		return text.toString();
	}

	/** A call form checked: when it starts, how long, and how it is held. */
	private record Checked(ZonedDateTime start, int minutes, String type, List<Long> userIds) {
	}

	/**
	 * @throws InvalidInputException naming {@code slot} (neither a slot nor a date and
	 * time), {@code meetingType}, {@code durationMinutes} or {@code subject}
	 */
	private static Checked check(CallForm form, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		ZonedDateTime start = null;
		if (form.slot() != null) {
			start = form.slot().atZone(user.timeZone());
		}
		else if (form.date() != null && form.time() != null) {
			start = ZonedDateTime.of(form.date(), form.time(), user.timeZone());
		}
		else {
			errors.add(new FieldError("slot", "choose a suggested time, or a custom date and time"));
		}
		String type = form.meetingType() == null ? "VIDEO" : form.meetingType();
		if (!Set.of("VIDEO", "PHONE", "IN_PERSON").contains(type)) {
			errors.add(new FieldError("meetingType", "must be a video call, a phone call or in person"));
		}
		int minutes = form.durationMinutes() == null ? 60 : form.durationMinutes();
		if (minutes < 15 || minutes > 240) {
			errors.add(new FieldError("durationMinutes", "must be between 15 and 240 minutes"));
		}
		if (form.subject() == null || form.subject().isBlank()) {
			errors.add(new FieldError("subject", "is required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<Long> userIds = new ArrayList<>(form.userIds());
		if (!userIds.contains(user.id())) {
			userIds.add(0, user.id());
		}
		return new Checked(start, minutes, type, userIds);
	}

	/**
	 * Schedules the call and its preparation.
	 * @throws InvalidInputException naming {@code slot} (neither a slot nor a date and
	 * time), {@code meetingType}, {@code durationMinutes}, {@code subject} or the
	 * meeting's own fields
	 */
	@Transactional
	public Scheduled schedule(long accountId, CallForm form, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		Checked call = check(form, user);
		String description = (form.message() == null || form.message().isBlank() ? "" : form.message().strip() + "\n\n")
				+ "Agenda:\n" + (form.agenda() == null ? "" : form.agenda().strip());
		String location = "IN_PERSON".equals(call.type()) ? blank(form.location())
				: "PHONE".equals(call.type()) ? "Phone call" : null;
		String video = "VIDEO".equals(call.type()) ? blank(form.location()) : null;
		MeetingView meeting = meetings.schedule(new MeetingForm(accountId, "CALL", form.subject().strip(),
				call.start().toLocalDate(), call.start().toLocalTime(), call.minutes(), user.timeZone().getId(),
				location, video, description, call.userIds(), form.contactIds()), user);
		int prep = prepare(account, meeting.startsAt().atZone(user.timeZone()), "meeting", meeting.id(),
				clientNames(meeting), "/calendar/meetings/" + meeting.id(), user);
		return new Scheduled(meeting, prep);
	}

	/**
	 * When scheduling failed (spec 01, "Scheduling Failed"), the call is still kept: a
	 * planned executive call on the account's timeline ({@code executive.call.scheduled})
	 * with its preparation, but no invitation; the executive sends one from the calendar
	 * by hand.
	 * @return the planned activity's id
	 */
	@Transactional
	public long keepWithoutInvitation(long accountId, CallForm form, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		Checked call = check(form, user);
		ActivityView planned = activities.create(accountId,
				new ActivityForm(ActivityType.CALL, ActivityDirection.OUTBOUND, form.subject().strip(),
						"Invitation not sent: send it from the calendar.\n\nAgenda:\n"
								+ (form.agenda() == null ? "" : form.agenda().strip()),
						call.start().toInstant(), call.minutes(), null, null, List.of(), form.contactIds(),
						call.userIds()),
				user);
		prepare(account, call.start(), "activity", planned.id(), "the client", "/accounts/" + accountId + "/activities",
				user);
		return planned.id();
	}

	/**
	 * The preparation of a call at {@code at}: the executive reviews the history an hour
	 * before and hears the account manager 30 minutes before; the account manager
	 * prepares the recovery plan document the day before (today when that has passed) and
	 * is asked to brief the executive.
	 * @return how many tasks were created
	 */
	private int prepare(AccountDetails account, ZonedDateTime at, String recordType, long recordId, String client,
			String link, CurrentUser user) {
		long accountId = account.id();
		String when = SLOT.format(at);
		List<TaskForm> prep = new ArrayList<>();
		ZonedDateTime review = at.minusHours(1);
		prep.add(new TaskForm("Review " + account.name() + "'s account history",
				"Before the executive call at " + when + ": health, open issues, the last touchpoints.", user.id(),
				accountId, recordType, recordId, review.toLocalDate(), review.toLocalTime(), 15, TaskPriority.HIGH,
				null));
		ZonedDateTime brief = at.minusMinutes(30);
		if (account.ownerId() != null && account.ownerId() != user.id()) {
			prep.add(new TaskForm("Brief from " + account.ownerName() + " (account manager)",
					"Ten minutes with the account manager before the call at " + when + ".", user.id(), accountId,
					recordType, recordId, brief.toLocalDate(), brief.toLocalTime(), 10, TaskPriority.HIGH, null));
			UserSummary owner = users.find(account.ownerId()).orElseThrow();
			ZoneId ownerZone = ZoneId.of(owner.timeZone());
			LocalDate dayBefore = at.withZoneSameInstant(ownerZone).minusDays(1).toLocalDate();
			LocalDate ownerToday = time.today(ownerZone);
			prep.add(new TaskForm("Prepare the recovery plan document for " + account.name(),
					user.fullName() + " presents it on the executive call at " + when + ".", owner.id(), accountId,
					recordType, recordId, dayBefore.isBefore(ownerToday) ? ownerToday : dayBefore, null, 0,
					TaskPriority.HIGH, null));
			notifications.send(new Notice(ExecutiveNotificationKinds.CALL_BRIEF, accountId, recordType, recordId,
					"brief", account.name() + ": brief " + user.fullName() + " before the executive call",
					user.fullName() + " scheduled an executive call with " + client + " on " + when
							+ ". Please brief them 30 minutes before and prepare the recovery plan document.",
					link, null, Set.of(owner.id()), user.actor()));
		}
		tasks.createAll(prep, user);
		return prep.size();
	}

	private static String clientNames(MeetingView meeting) {
		List<String> names = meeting.attendees()
			.stream()
			.filter(a -> a.contactId() != null)
			.map(MeetingView.Attendee::name)
			.toList();
		return names.isEmpty() ? "the client" : String.join(", ", names);
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
