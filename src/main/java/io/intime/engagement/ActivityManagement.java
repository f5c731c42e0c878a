package io.intime.engagement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.shared.Editable;
import io.intime.accounts.StakeholderRole;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.FieldError;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls, emails, meetings and notes with client accounts. Everyone who may see an account
 * sees its activities and may log one there; whoever logged an activity changes or
 * removes it, and so may executives, sales directors and admins
 * ({@link EngagementRules}). Saving an activity decides whether it is an executive
 * touchpoint: a call or meeting with a contact whose stakeholder role is EXECUTIVE, or
 * with the account's executive sponsor among the participants. Every change is audited
 * field by field and published in its transaction as a typed event
 * ({@link ActivityLogged}, {@link ActivityUpdated}, {@link ActivityDeleted}: facts of the
 * account, {@link AccountFactChanged}) with the user as its actor.
 */
@Service
@Transactional
public class ActivityManagement {

	static final String ENTITY = "activity";

	private final Activities activities;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final EngagementRules rules;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	private final io.intime.notifications.Notifications notifications;

	ActivityManagement(Activities activities, AccountManagement accounts, ContactManagement contacts,
			UserDirectory users, EngagementRules rules, AuditTrail audit, ApplicationEventPublisher events,
			JdbcClient jdbc, Today time, io.intime.notifications.Notifications notifications) {
		this.notifications = notifications;
		this.activities = activities;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
		this.rules = rules;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * Activities newest first, of one account or of every account the user may see,
	 * optionally of one type.
	 * @param accountId the account, or null for all the user may see
	 * @param type the type, or null for all
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see the account
	 * @throws NotFoundException when there is no such account
	 */
	@Transactional(readOnly = true)
	public PageResult<ActivityView> search(Long accountId, ActivityType type, PageRequest page, CurrentUser user) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (accountId != null) {
			rules.account(accountId, user);
			where.append(" and account_id = :account");
			params.put("account", accountId);
		}
		else {
			List<Long> visible = rules.visibleAccounts(user);
			if (visible != null) {
				if (visible.isEmpty()) {
					return new PageResult<>(List.of(), 0, page.page(), page.size());
				}
				where.append(" and account_id in (:visible)");
				params.put("visible", visible);
			}
		}
		if (type != null) {
			where.append(" and type = :type");
			params.put("type", type.name());
		}
		List<Long> ids = jdbc
			.sql("select id from activity" + where + " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		long total = jdbc.sql("select count(*) from activity" + where).params(params).query(Long.class).single();
		return new PageResult<>(views(ordered(ids), user), total, page.page(), page.size());
	}

	/** Counts of one account's activities per type (for the tab's filter chips). */
	@Transactional(readOnly = true)
	public Map<ActivityType, Long> countsByType(long accountId, CurrentUser user) {
		rules.account(accountId, user);
		Map<ActivityType, Long> counts = new LinkedHashMap<>();
		for (ActivityType type : ActivityType.values()) {
			counts.put(type, 0L);
		}
		jdbc.sql("select type, count(*) from activity where account_id = :a group by type")
			.param("a", accountId)
			.query(rs -> {
				counts.put(ActivityType.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * The activities of these accounts that took place in from {@code from} up to (not
	 * including) {@code to} and not later than now (planned ones are not done yet),
	 * counted per type, with the accounts they touched. Accounts whose engagement the
	 * user may not see are left out.
	 */
	@Transactional(readOnly = true)
	public ActivityTally tallyBetween(java.util.Collection<Long> accountIds, Instant from, Instant to,
			CurrentUser user) {
		Map<ActivityType, Long> counts = new LinkedHashMap<>();
		for (ActivityType type : ActivityType.values()) {
			counts.put(type, 0L);
		}
		java.util.Set<Long> touched = new java.util.TreeSet<>();
		List<Long> visible = rules.viewable(accountIds, user);
		if (!visible.isEmpty()) {
			jdbc.sql("""
					select account_id, type, count(*) from activity
					 where account_id = any(:accounts) and occurred_at >= :from and occurred_at < :to
					   and occurred_at <= :now
					 group by account_id, type""")
				.param("accounts", new org.springframework.jdbc.support.SqlArrayValue("bigint", visible.toArray()))
				.param("from", java.sql.Timestamp.from(from))
				.param("to", java.sql.Timestamp.from(to))
				.param("now", java.sql.Timestamp.from(time.now()))
				.query(rs -> {
					touched.add(rs.getLong(1));
					counts.merge(ActivityType.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
				});
		}
		return new ActivityTally(counts, touched);
	}

	/**
	 * @throws NotFoundException when there is no such activity
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see its account
	 */
	@Transactional(readOnly = true)
	public ActivityView get(long id, CurrentUser user) {
		Activity activity = load(id);
		rules.account(activity.accountId(), user);
		return views(List.of(activity), user).get(0);
	}

	/** The activity's form and version, for an edit page or a merge patch. */
	@Transactional(readOnly = true)
	public Editable<ActivityForm> editable(long id, CurrentUser user) {
		Activity activity = load(id);
		rules.account(activity.accountId(), user);
		return new Editable<>(id, activity.toForm(), activity.version());
	}

	/**
	 * Whether the user, who may see the account, sees its activities and NPS responses
	 * (views of other modules that cite them ask this).
	 */
	public boolean canView(AccountDetails account, CurrentUser user) {
		return rules.canView(user, account);
	}

	/**
	 * Whether the user may change or remove this activity (pages offer the buttons only
	 * then).
	 */
	public boolean canChange(ActivityView activity, CurrentUser user) {
		return rules.canChangeActivity(user, activity.stamp().createdBy());
	}

	/**
	 * Logs an activity at an account; publishes {@link ActivityLogged} (and
	 * {@link ExecutiveCallScheduled} for an executive touchpoint that lies ahead).
	 * @throws io.intime.shared.InvalidInputException naming each wrong field
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see the account
	 */
	public ActivityView create(long accountId, ActivityForm form, CurrentUser user) {
		form = internalNote(form);
		AccountDetails account = rules.account(accountId, user);
		Map<Long, ContactView> people = contactsOf(accountId, user);
		Map<Long, UserSummary> participants = validate(form, account, people);
		boolean touchpoint = touchpoint(form, account, people);
		Activity activity = activities
			.saveAndFlush(new Activity(accountId, form, touchpoint, user.username(), time.now()));
		audit.recordCreated(ENTITY, activity.id(), activity.auditState(), user);
		Instant now = time.now();
		events.publishEvent(new ActivityLogged(accountId, activity.id(), activity.type(), activity.direction(),
				activity.subject(), activity.occurredAt(), activity.contactIds(), activity.participantIds(), touchpoint,
				user.actor(), now));
		if (touchpoint && activity.occurredAt().isAfter(now)) {
			String clientContact = activity.contactIds()
				.stream()
				.map(people::get)
				.filter(Objects::nonNull)
				.map(c -> c.name() + (c.title() == null ? "" : ", " + c.title()))
				.collect(Collectors.joining("; "));
			events
				.publishEvent(new ExecutiveCallScheduled(accountId, activity.id(), clientContact, activity.occurredAt(),
						activity.notes() == null ? activity.subject() : activity.notes(), user.actor(), now));
			notifications
				.send(EngagementNotificationKinds.executiveCall(account.name(), activity, clientContact, user.actor()));
		}
		return view(activity, account.name(), people, participants);
	}

	/**
	 * Changes an activity; a stale {@code expectedVersion} is refused so that the other
	 * change survives. Whether it is an executive touchpoint is decided again only when
	 * its type, contacts or participants change. Publishes {@link ActivityUpdated} when
	 * anything changed.
	 * @throws StaleVersionException when someone else saved it since
	 * {@code expectedVersion}
	 * @throws org.springframework.security.access.AccessDeniedException unless the user
	 * logged it or sees everything
	 */
	public ActivityView update(long id, ActivityForm form, long expectedVersion, CurrentUser user) {
		form = internalNote(form);
		Activity activity = load(id);
		AccountDetails account = rules.account(activity.accountId(), user);
		EngagementRules.require(rules.canChangeActivity(user, activity.createdBy()),
				"Only whoever logged an activity, executives, sales directors and admins change it");
		if (activity.version() != expectedVersion) {
			throw new StaleVersionException("Activity “" + activity.subject() + "”", id, expectedVersion,
					activity.version());
		}
		Map<Long, ContactView> people = contactsOf(account.id(), user);
		Map<Long, UserSummary> participants = validate(form, account, people);
		boolean sameParties = activity.type() == form.type() && activity.contactIds().equals(form.contactIdList())
				&& activity.participantIds().equals(form.participantIdList());
		boolean touchpoint = sameParties ? activity.executiveTouchpoint() : touchpoint(form, account, people);
		Map<String, Object> before = activity.auditState();
		activity.apply(form, touchpoint);
		List<FieldChange> changes = FieldChange.between(before, activity.auditState());
		if (!changes.isEmpty()) {
			activity.updated(user.username(), time.now());
			activities.saveAndFlush(activity);
			audit.recordChanges(ENTITY, id, changes, user);
			events.publishEvent(new ActivityUpdated(account.id(), id, changes, user.actor(), time.now()));
		}
		return view(activity, account.name(), people, participants);
	}

	/**
	 * Removes an activity; publishes {@link ActivityDeleted}.
	 * @throws org.springframework.security.access.AccessDeniedException unless the user
	 * logged it or sees everything
	 */
	public void delete(long id, CurrentUser user) {
		Activity activity = load(id);
		AccountDetails account = rules.account(activity.accountId(), user);
		EngagementRules.require(rules.canChangeActivity(user, activity.createdBy()),
				"Only whoever logged an activity, executives, sales directors and admins remove it");
		activities.delete(activity);
		activities.flush();
		audit.recordDeleted(ENTITY, id, activity.type().label() + " “" + activity.subject() + "” at " + account.name(),
				user);
		events.publishEvent(new ActivityDeleted(account.id(), id, activity.subject(), user.actor(), time.now()));
	}

	/** Checks the form; returns the participants, found by id. */
	private Map<Long, UserSummary> validate(ActivityForm form, AccountDetails account, Map<Long, ContactView> people) {
		List<FieldError> errors = rules.violations(form);
		List<Long> unknownContacts = form.contactIdList().stream().filter(id -> !people.containsKey(id)).toList();
		if (!unknownContacts.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("contactIds"))) {
			errors.add(new FieldError("contactIds",
					(unknownContacts.size() == 1 ? "contact " : "contacts ")
							+ unknownContacts.stream().map(String::valueOf).collect(Collectors.joining(", "))
							+ (unknownContacts.size() == 1 ? " is not a contact of " : " are not contacts of ")
							+ account.name()));
		}
		List<Long> participants = form.participantIdList();
		Map<Long, UserSummary> found = participants.isEmpty() ? Map.of() : users.findAll(participants);
		if (!participants.isEmpty()) {
			List<Long> unknown = participants.stream().filter(id -> !found.containsKey(id)).toList();
			if (!unknown.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("participantIds"))) {
				errors.add(new FieldError("participantIds",
						"no user with id " + unknown.stream().map(String::valueOf).collect(Collectors.joining(", "))));
			}
		}
		if (form.type() == ActivityType.NOTE && form.direction() != null
				&& form.direction() != ActivityDirection.INTERNAL) {
			errors.add(new FieldError("direction", "a note is internal: choose Internal"));
		}
		fieldsOfAnotherKind(form, time.now()).stream()
			.filter(e -> errors.stream().noneMatch(known -> known.field().equals(e.field())))
			.forEach(errors::add);
		EngagementRules.throwIfAny(errors);
		return found;
	}

	/** A note without a direction is internal (the only direction a note has). */
	private static ActivityForm internalNote(ActivityForm form) {
		if (form == null || form.type() != ActivityType.NOTE || form.direction() != null) {
			return form;
		}
		return new ActivityForm(form.type(), ActivityDirection.INTERNAL, form.subject(), form.notes(),
				form.occurredAt(), form.durationMinutes(), form.outcome(), form.sentiment(), form.tags(),
				form.contactIds(), form.participantIds());
	}

	/**
	 * The fields that do not belong to the activity's type and tense (the form shows only
	 * its own): emails and notes have no duration; what lies ahead has not happened yet,
	 * so it has no outcome nor sentiment.
	 */
	static List<FieldError> fieldsOfAnotherKind(ActivityForm form, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		if (form.type() == null) {
			return errors;
		}
		if (form.durationMinutes() != null && !form.type().hasDuration()) {
			errors.add(new FieldError("durationMinutes", form.type().label() + "s have no duration: leave it empty"));
		}
		if (form.occurredAt() != null && form.occurredAt().isAfter(now)) {
			String planned = "a planned " + form.type().label().toLowerCase() + " has not happened yet: ";
			if (form.outcome() != null && !form.outcome().isBlank()) {
				errors.add(new FieldError("outcome", planned + "give its outcome once it has"));
			}
			if (form.sentiment() != null) {
				errors.add(new FieldError("sentiment", planned + "say how it felt once it has"));
			}
		}
		return errors;
	}

	/**
	 * The contact the account's relationship runs through, whom a new call, email or
	 * meeting names unless told otherwise: of the active contacts, the one named in the
	 * most activities of the last 180 days; with none named, the first active champion
	 * (then hiring manager, economic buyer, executive, finance, other). Empty when the
	 * account has no active contact.
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see the account
	 */
	@Transactional(readOnly = true)
	public Optional<Long> primaryContact(long accountId, CurrentUser user) {
		rules.account(accountId, user);
		List<ContactView> active = contactsOf(accountId, user).values().stream().filter(ContactView::active).toList();
		if (active.isEmpty()) {
			return Optional.empty();
		}
		Instant now = time.now();
		Map<Long, Long> named = new LinkedHashMap<>();
		jdbc.sql("""
				select c.contact_id, count(*) as times
				from activity a cross join lateral unnest(a.contact_ids) as c(contact_id)
				where a.account_id = :account and a.occurred_at between :since and :now
				group by c.contact_id""")
			.param("account", accountId)
			.param("since", now.minus(Duration.ofDays(180)).atOffset(ZoneOffset.UTC))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query((rs, row) -> named.put(rs.getLong("contact_id"), rs.getLong("times")))
			.list();
		List<StakeholderRole> roles = List.of(StakeholderRole.CHAMPION, StakeholderRole.HIRING_MANAGER,
				StakeholderRole.ECONOMIC_BUYER, StakeholderRole.EXECUTIVE, StakeholderRole.FINANCE,
				StakeholderRole.OTHER);
		Comparator<ContactView> byRole = Comparator
			.comparingInt(c -> c.stakeholderRole() == null ? roles.size() : roles.indexOf(c.stakeholderRole()));
		return active.stream()
			.min(Comparator.<ContactView>comparingLong(c -> -named.getOrDefault(c.id(), 0L)).thenComparing(byRole))
			.map(ContactView::id);
	}

	private static boolean touchpoint(ActivityForm form, AccountDetails account, Map<Long, ContactView> people) {
		if (!form.type().canBeTouchpoint()) {
			return false;
		}
		boolean executiveContact = form.contactIdList()
			.stream()
			.map(people::get)
			.filter(Objects::nonNull)
			.anyMatch(c -> c.stakeholderRole() == StakeholderRole.EXECUTIVE);
		boolean sponsor = account.executiveSponsorId() != null
				&& form.participantIdList().contains(account.executiveSponsorId());
		return executiveContact || sponsor;
	}

	private Map<Long, ContactView> contactsOf(long accountId, CurrentUser user) {
		return contacts.forAccount(accountId, user)
			.stream()
			.collect(Collectors.toMap(ContactView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	private List<Activity> ordered(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Activity> byId = activities.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Activity::id, Function.identity()));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private List<ActivityView> views(List<Activity> list, CurrentUser user) {
		if (list.isEmpty()) {
			return List.of();
		}
		List<Long> accountIds = list.stream().map(Activity::accountId).distinct().toList();
		Map<Long, AccountManagement.Stewards> names = accounts.stewards(accountIds);
		Map<Long, Map<Long, ContactView>> people = new HashMap<>();
		for (Long accountId : accountIds) {
			people.put(accountId, contactsOf(accountId, user));
		}
		Map<Long, UserSummary> participants = participantsOf(list);
		List<ActivityView> views = new ArrayList<>();
		for (Activity activity : list) {
			AccountManagement.Stewards account = names.get(activity.accountId());
			views.add(view(activity, account == null ? null : account.name(), people.get(activity.accountId()),
					participants));
		}
		return views;
	}

	private Map<Long, UserSummary> participantsOf(List<Activity> list) {
		List<Long> ids = list.stream().flatMap(a -> a.participantIds().stream()).distinct().toList();
		return ids.isEmpty() ? Map.of() : users.findAll(ids);
	}

	private static ActivityView view(Activity a, String accountName, Map<Long, ContactView> people,
			Map<Long, UserSummary> participants) {
		List<Party> contactParties = a.contactIds().stream().map(id -> {
			ContactView c = people.get(id);
			return c == null ? new Party(id, "Contact " + id, null, null)
					: new Party(id, c.name(), c.title(), c.stakeholderRole().name());
		}).sorted(Comparator.comparing(p -> !"EXECUTIVE".equals(p.role()))).toList();
		List<Party> participantParties = a.participantIds().stream().map(id -> {
			UserSummary u = participants.get(id);
			return u == null ? new Party(id, "User " + id, null, null)
					: new Party(id, u.fullName(), u.title(), u.role().name());
		}).toList();
		return new ActivityView(a.id(), a.accountId(), accountName, a.type(), a.direction(), a.subject(), a.notes(),
				a.occurredAt(), a.durationMinutes(), a.outcome(), a.sentiment(), List.copyOf(a.tags()),
				List.copyOf(a.contactIds()), List.copyOf(a.participantIds()), contactParties, participantParties,
				a.executiveTouchpoint(), a.stamp());
	}

	private Activity load(long id) {
		return activities.findById(id).orElseThrow(() -> new NotFoundException("Activity", id));
	}

}
