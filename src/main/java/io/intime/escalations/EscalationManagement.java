package io.intime.escalations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.shared.Editable;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.UserDirectory;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
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
 * Escalations of client accounts: the record (key ESC-YYYY-NNNN, severity P0–P3, status,
 * owner, reporter, what it is about), its guarded moves, its incident log and its SLA
 * clocks ({@link EscalationClocks}, kept after every change that moves them). Who may do
 * what is {@link EscalationRules}. Every change is audited field by field and published
 * in its transaction as a typed event ({@link EscalationRaised},
 * {@link EscalationUpdated}, {@link EscalationDeleted}: facts of the account,
 * {@link AccountFactChanged}; and {@link EscalationStatusChanged}) with the user as its
 * actor.
 */
@Service
@Transactional
public class EscalationManagement {

	static final String ENTITY = "escalation";

	/**
	 * A little leeway for clocks: "raised now" from a client a few seconds ahead is not
	 * the future.
	 */
	private static final Duration SKEW = Duration.ofMinutes(5);

	private final Escalations escalations;

	private final AccountManagement accounts;

	private final EscalationRules rules;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	private final Notifications notifications;

	private final IncidentLog log;

	private final EscalationClocks clocks;

	private final UserDirectory users;

	EscalationManagement(Escalations escalations, AccountManagement accounts, EscalationRules rules, AuditTrail audit,
			ApplicationEventPublisher events, JdbcClient jdbc, Today time, Notifications notifications, IncidentLog log,
			EscalationClocks clocks, UserDirectory users) {
		this.notifications = notifications;
		this.log = log;
		this.clocks = clocks;
		this.users = users;
		this.escalations = escalations;
		this.accounts = accounts;
		this.rules = rules;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * Escalations of one account or of every account the user may see, optionally in one
	 * status: open ones first, then newest raised first.
	 * @param accountId the account, or null for all the user may see
	 * @param status the status, or null for all
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see the account
	 */
	@Transactional(readOnly = true)
	public PageResult<EscalationView> search(Long accountId, EscalationStatus status, PageRequest page,
			CurrentUser user) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (accountId != null) {
			accounts.get(accountId, user);
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
		if (status != null) {
			where.append(" and status = :status");
			params.put("status", status.name());
		}
		List<Long> ids = jdbc.sql("select id from escalation" + where
				+ " order by (status in ('RESOLVED','CLOSED')), raised_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		long total = jdbc.sql("select count(*) from escalation" + where).params(params).query(Long.class).single();
		Map<Long, Escalation> byId = escalations.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Escalation::id, Function.identity()));
		List<Escalation> list = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
		Map<Long, AccountManagement.Stewards> names = list.isEmpty() ? Map.of()
				: accounts.stewards(list.stream().map(Escalation::accountId).distinct().toList());
		Map<Long, String> people = people(list);
		Map<Long, SlaState> states = clocks.compute(clocks.subjects(ids), time.now());
		return new PageResult<>(list.stream()
			.map(e -> view(e, names.containsKey(e.accountId()) ? names.get(e.accountId()).name() : null, people,
					states.get(e.id())))
			.toList(), total, page.page(), page.size());
	}

	/** One escalation with its clocks as of now. */
	@Transactional(readOnly = true)
	public EscalationView get(long id, CurrentUser user) {
		Escalation escalation = load(id);
		AccountDetails account = accounts.get(escalation.accountId(), user);
		return view(escalation, account.name(), people(List.of(escalation)), clock(escalation));
	}

	/** The escalation's incident log, oldest first. */
	@Transactional(readOnly = true)
	public List<IncidentLogEntry> incidentLog(long id, CurrentUser user) {
		Escalation escalation = load(id);
		accounts.get(escalation.accountId(), user);
		return log.of(id);
	}

	/**
	 * The escalations of these accounts that are open, or were resolved or closed at or
	 * after the instant, most severe first: for views across a portfolio (the team sync
	 * prep, the daily summary). The caller passes accounts the user may see.
	 */
	@Transactional(readOnly = true)
	public List<EscalationView> openOrEndedSince(java.util.Collection<Long> accountIds, Instant since,
			CurrentUser user) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		List<Long> ids = jdbc.sql("""
				select id from escalation where account_id = any(:accounts)
				   and (status not in ('RESOLVED', 'CLOSED') or resolved_at >= :since)
				order by severity, raised_at""")
			.param("accounts", new org.springframework.jdbc.support.SqlArrayValue("bigint", accountIds.toArray()))
			.param("since", java.sql.Timestamp.from(since))
			.query(Long.class)
			.list();
		Map<Long, String> names = new HashMap<>();
		accounts.stewards(accountIds).forEach((id, stewards) -> names.put(id, stewards.name()));
		Map<Long, Escalation> byId = new HashMap<>();
		escalations.findAllById(ids).forEach(e -> byId.put(e.id(), e));
		Map<Long, String> people = people(byId.values());
		return ids.stream().map(byId::get).map(e -> view(e, names.get(e.accountId()), people, null)).toList();
	}

	/**
	 * The escalations raised on these accounts since the instant, latest first (at most
	 * 50), in one statement: for the console's recent client activity. The caller passes
	 * accounts the user may see (everyone who sees an account sees its escalations).
	 */
	@Transactional(readOnly = true)
	public List<RecentEscalation> raisedSince(java.util.Collection<Long> accountIds, Instant since) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, escalation_key, account_id, title, severity, status, raised_at from escalation
				 where account_id = any(:accounts) and raised_at >= :since
				 order by raised_at desc, id desc limit 50""")
			.param("accounts", new org.springframework.jdbc.support.SqlArrayValue("bigint", accountIds.toArray()))
			.param("since", java.sql.Timestamp.from(since))
			.query((rs, n) -> new RecentEscalation(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					Severity.valueOf(rs.getString(5)), EscalationStatus.valueOf(rs.getString(6)),
					rs.getTimestamp(7).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public Editable<EscalationForm> editable(long id, CurrentUser user) {
		Escalation escalation = load(id);
		accounts.get(escalation.accountId(), user);
		return new Editable<>(id, escalation.toForm(), escalation.version());
	}

	/**
	 * Whether the user, who may see the account, sees its escalations (views of other
	 * modules that cite them ask this).
	 */
	public boolean canView(AccountDetails account, CurrentUser user) {
		return rules.canView(user, account);
	}

	/**
	 * The severity the escalation matrix suggests for a text (title and description),
	 * with the words that decided; the person raising it confirms.
	 */
	public SeveritySuggestion suggestSeverity(String text) {
		return SeverityRules.suggest(text);
	}

	/** Whether the user sees resolution-within-SLA figures. */
	public boolean canSeePerformance(CurrentUser user) {
		return rules.canSeePerformance(user);
	}

	/** Whether the user may raise escalations (pages offer the button only then). */
	public boolean canRaise(CurrentUser user) {
		return rules.canRaise(user);
	}

	/** Whether the user may change this account's escalations. */
	public boolean canChange(AccountDetails account, CurrentUser user) {
		return rules.canChange(user, account);
	}

	public boolean canDelete(CurrentUser user) {
		return rules.canDelete(user);
	}

	/**
	 * Raises an escalation and gives it the next key of its year; publishes
	 * {@link EscalationRaised}.
	 * @throws io.intime.shared.InvalidInputException naming each wrong field
	 * @throws org.springframework.security.access.AccessDeniedException unless the user
	 * may raise escalations there
	 */
	public EscalationView create(long accountId, EscalationForm form, CurrentUser user) {
		return create(accountId, form, null, user);
	}

	/**
	 * {@link #create} of an escalation entered after the fact, with when it was first
	 * answered (its response clock stops there); null when it was not.
	 */
	public EscalationView create(long accountId, EscalationForm form, Instant respondedAt, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		EscalationRules.require(rules.canRaise(user),
				"Only account managers, recruiters, recruiting managers, executives, sales directors and admins raise escalations");
		Instant now = time.now();
		validate(form, now);
		Instant raised = form.raisedAt() != null ? form.raisedAt() : now;
		Escalation fresh = new Escalation(nextKey(raised), accountId, form, now, user.username());
		fresh.reportedBy(user.id());
		if (form.severity().ownedByManager() && account.ownerId() != null) {
			// the matrix: the account's manager owns P0 and P1 from the start
			fresh.own(account.ownerId());
		}
		Escalation escalation = escalations.saveAndFlush(fresh);
		log.append(escalation.id(), escalation.raisedAt(), LogEntry.RAISED, EscalationStatus.OPEN,
				escalation.severity(), escalation.description(), user.id(), user.fullName());
		if (respondedAt != null) {
			log.append(escalation.id(),
					respondedAt.isBefore(escalation.raisedAt()) ? escalation.raisedAt() : respondedAt,
					LogEntry.RESPONSE, null, null, "First response to the client", user.id(), user.fullName());
		}
		if (escalation.status() != EscalationStatus.OPEN) {
			log.append(escalation.id(), statusAt(escalation, now), LogEntry.STATUS, escalation.status(), null,
					resolutionText(escalation), user.id(), user.fullName());
		}
		clocks.refresh(List.of(escalation.id()), now);
		audit.recordCreated(ENTITY, escalation.id(), escalation.auditState(), user);
		events.publishEvent(new EscalationRaised(accountId, escalation.id(), escalation.key(), escalation.title(),
				escalation.severity(), escalation.status(), escalation.raisedAt(), user.actor(), now));
		notifications.send(new Notice(EscalationNotificationKinds.RAISED, accountId, ENTITY, escalation.id(), "raised",
				account.name() + ": " + escalation.severity() + " escalation " + escalation.key() + " raised",
				escalation.title() + "\n\n" + escalation.severity().label() + " ("
						+ escalation.severity().amInvolvement() + "); raised by " + user.fullName() + ".",
				"/escalations/" + escalation.id(), EscalationNotificationKinds.severity(escalation.severity()),
				ownerOnly(escalation), user.actor()));
		return view(escalation, account.name(), people(List.of(escalation)), clock(escalation));
	}

	/**
	 * Changes an escalation; a stale {@code expectedVersion} is refused. Publishes
	 * {@link EscalationUpdated}, and {@link EscalationStatusChanged} when its status
	 * moved.
	 * @throws StaleVersionException when someone else saved it since
	 * {@code expectedVersion}
	 * @throws org.springframework.security.access.AccessDeniedException unless the user
	 * may change the account's escalations
	 */
	public EscalationView update(long id, EscalationForm form, long expectedVersion, CurrentUser user) {
		return update(id, form, expectedVersion, null, user);
	}

	/**
	 * {@link #update} with what to log with a change of status: the reason for reopening
	 * a resolved or closed escalation (required then), else a note for the incident log.
	 * Moves are guarded: nothing goes back to OPEN once answered, resolving or closing
	 * needs a resolution category, closing a P0 or P1 needs its post-mortem, and an ended
	 * escalation is reopened only with a reason.
	 */
	public EscalationView update(long id, EscalationForm form, long expectedVersion, String reason, CurrentUser user) {
		Escalation escalation = load(id);
		AccountDetails account = accounts.get(escalation.accountId(), user);
		EscalationRules.require(rules.canChange(user, account),
				"Only the account's manager, executives, sales directors and admins change its escalations");
		requireVersion(escalation, expectedVersion);
		Instant now = time.now();
		validate(form, now);
		guard(escalation, form, reason);
		EscalationStatus statusBefore = escalation.status();
		Severity severityBefore = escalation.severity();
		Map<String, Object> before = escalation.auditState();
		escalation.apply(form, now);
		List<FieldChange> changes = FieldChange.between(before, escalation.auditState());
		if (!changes.isEmpty()) {
			escalation.updated(user.username(), time.now());
			escalations.saveAndFlush(escalation);
			audit.recordChanges(ENTITY, id, changes, user);
			if (severityBefore != escalation.severity()) {
				log.append(id, now, LogEntry.SEVERITY, null, escalation.severity(),
						severityBefore + " → " + escalation.severity(), user.id(), user.fullName());
			}
			if (statusBefore != escalation.status()) {
				String text = statusBefore.ended() && !escalation.status().ended() ? "Reopened: " + reason.strip()
						: join(resolutionText(escalation), reason);
				log.append(id, statusAt(escalation, now), LogEntry.STATUS, escalation.status(), null, text, user.id(),
						user.fullName());
			}
			else if (reason != null && !reason.isBlank()) {
				log.append(id, now, LogEntry.NOTE, null, null, reason.strip(), user.id(), user.fullName());
			}
			List<String> edited = changes.stream()
				.map(FieldChange::field)
				.filter(f -> !Set.of("status", "severity", "resolvedAt").contains(f))
				// a move's resolution and root cause are in its status entry
				.filter(f -> statusBefore == escalation.status()
						|| !Set.of("resolutionCategory", "rootCause").contains(f))
				.toList();
			if (!edited.isEmpty()) {
				// the incident log shows every update, also edits of the record's fields
				log.append(id, now, LogEntry.NOTE, null, null, "Edited: " + String.join(", ", edited), user.id(),
						user.fullName());
			}
			if (severityBefore != escalation.severity() || statusBefore != escalation.status()) {
				clocks.refresh(List.of(id), now);
			}
			events.publishEvent(new EscalationUpdated(account.id(), id, escalation.key(), changes, user.actor(), now));
			if (statusBefore != escalation.status()) {
				events.publishEvent(new EscalationStatusChanged(account.id(), id, escalation.key(), statusBefore,
						escalation.status(), escalation.raisedAt(), escalation.resolvedAt(), user.actor(), now));
				notifications.send(new Notice(EscalationNotificationKinds.STATUS_CHANGED, account.id(), ENTITY, id,
						"status-" + escalation.version() + "-" + escalation.status(),
						account.name() + ": escalation " + escalation.key() + " is "
								+ escalation.status().label().toLowerCase(java.util.Locale.ROOT),
						escalation.title() + "\n\n" + user.fullName() + " moved it from " + statusBefore.label()
								+ " to " + escalation.status().label()
								+ (reason == null || reason.isBlank() ? "." : ": " + reason.strip()),
						"/escalations/" + id, EscalationNotificationKinds.severity(escalation.severity()),
						reporterAndOwner(escalation), user.actor()));
			}
		}
		return view(escalation, account.name(), people(List.of(escalation)), clock(escalation));
	}

	/**
	 * Takes ownership (spec 02 step 8): the user owns it, and an OPEN escalation is
	 * answered and in progress; the person who raised it is told.
	 * @throws StaleVersionException when someone changed it since {@code expectedVersion}
	 */
	public EscalationView takeOwnership(long id, long expectedVersion, CurrentUser user) {
		Escalation escalation = load(id);
		AccountDetails account = accounts.get(escalation.accountId(), user);
		EscalationRules.require(rules.canChange(user, account),
				"Only the account's manager, executives, sales directors and admins take ownership of its escalations");
		requireVersion(escalation, expectedVersion);
		if (escalation.status().ended()) {
			throw new io.intime.shared.InvalidInputException("status",
					"is " + escalation.status().label() + ": reopen it before taking ownership");
		}
		Instant now = time.now();
		Map<String, Object> before = escalation.auditState();
		escalation.own(user.id());
		boolean answering = escalation.status() == EscalationStatus.OPEN;
		if (answering) {
			escalation.apply(escalation.toForm().withStatus(EscalationStatus.IN_PROGRESS, null, null), now);
		}
		escalation.updated(user.username(), now);
		escalations.saveAndFlush(escalation);
		audit.recordChanges(ENTITY, id, FieldChange.between(before, escalation.auditState()), user);
		log.append(id, now, LogEntry.OWNER, answering ? EscalationStatus.IN_PROGRESS : null, null,
				user.fullName() + " took ownership", user.id(), user.fullName());
		if (answering) {
			log.append(id, now, LogEntry.STATUS, EscalationStatus.IN_PROGRESS, null, null, user.id(), user.fullName());
			clocks.refresh(List.of(id), now);
			events.publishEvent(new EscalationStatusChanged(account.id(), id, escalation.key(), EscalationStatus.OPEN,
					EscalationStatus.IN_PROGRESS, escalation.raisedAt(), null, user.actor(), now));
		}
		events.publishEvent(new EscalationUpdated(account.id(), id, escalation.key(),
				FieldChange.between(before, escalation.auditState()), user.actor(), now));
		notifications.send(new Notice(
				answering ? EscalationNotificationKinds.STATUS_CHANGED : EscalationNotificationKinds.OWNERSHIP,
				account.id(), ENTITY, id, "owner-" + escalation.version() + "-" + user.id(),
				account.name() + ": " + user.fullName() + " took ownership of " + escalation.key(),
				escalation.title() + (answering ? "\n\nIt is now in progress." : ""), "/escalations/" + id,
				EscalationNotificationKinds.severity(escalation.severity()),
				escalation.reporterId() == null ? Set.of() : Set.of(escalation.reporterId()), user.actor()));
		return view(escalation, account.name(), people(List.of(escalation)), clock(escalation));
	}

	/**
	 * Adds an update to the incident log (what was done, said or learned); the account's
	 * manager, executives, sales directors, admins, and the recruiters and recruiting
	 * managers who raise escalations may.
	 */
	public IncidentLogEntry addNote(long id, String text, CurrentUser user) {
		Escalation escalation = load(id);
		AccountDetails account = accounts.get(escalation.accountId(), user);
		EscalationRules.require(rules.canChange(user, account) || rules.canRaise(user),
				"Only the people who raise or handle escalations add updates");
		if (text == null || text.isBlank()) {
			throw new io.intime.shared.InvalidInputException("note", "is required");
		}
		if (text.length() > 5000) {
			throw new io.intime.shared.InvalidInputException("note", "is at most 5,000 characters");
		}
		return log.append(id, time.now(), LogEntry.NOTE, null, null, text.strip(), user.id(), user.fullName());
	}

	/**
	 * Saves the post-mortem (what happened, why, what changes); P0 and P1 need one before
	 * they are closed.
	 */
	public EscalationView savePostMortem(long id, String text, long expectedVersion, CurrentUser user) {
		Escalation escalation = load(id);
		AccountDetails account = accounts.get(escalation.accountId(), user);
		EscalationRules.require(rules.canChange(user, account),
				"Only the account's manager, executives, sales directors and admins write post-mortems");
		requireVersion(escalation, expectedVersion);
		if (text == null || text.isBlank()) {
			throw new io.intime.shared.InvalidInputException("postMortem", "is required");
		}
		if (text.length() > 20000) {
			throw new io.intime.shared.InvalidInputException("postMortem", "is at most 20,000 characters");
		}
		Instant now = time.now();
		Map<String, Object> before = escalation.auditState();
		escalation.postMortem(text);
		escalation.updated(user.username(), now);
		escalations.saveAndFlush(escalation);
		audit.recordChanges(ENTITY, id, FieldChange.between(before, escalation.auditState()), user);
		log.append(id, now, LogEntry.POST_MORTEM, null, null, "Post-mortem written", user.id(), user.fullName());
		return view(escalation, account.name(), people(List.of(escalation)), clock(escalation));
	}

	private void guard(Escalation escalation, EscalationForm form, String reason) {
		EscalationStatus from = escalation.status();
		EscalationStatus to = form.status();
		if (to == null || from == to) {
			return;
		}
		List<FieldError> errors = new java.util.ArrayList<>();
		boolean reopening = from == EscalationStatus.CLOSED || from.ended() && !to.ended();
		if (reopening && (reason == null || reason.isBlank())) {
			errors.add(new FieldError("reopenReason",
					"is required to reopen a " + from.label().toLowerCase(java.util.Locale.ROOT) + " escalation"));
		}
		if (!reopening && to == EscalationStatus.OPEN) {
			errors.add(new FieldError("status", "cannot go back to Open once answered; use In progress"));
		}
		if (to == EscalationStatus.CLOSED && (form.severity() == Severity.P0 || form.severity() == Severity.P1)
				&& escalation.postMortem() == null) {
			errors.add(new FieldError("postMortem", "is required to close a P0 or P1 escalation"));
		}
		EscalationRules.throwIfAny(errors);
	}

	/**
	 * A stale version is refused before anything is changed (the write checks it again:
	 * JPA's version column).
	 */
	private static void requireVersion(Escalation escalation, long expectedVersion) {
		if (escalation.version() != expectedVersion) {
			throw new StaleVersionException("Escalation " + escalation.key(), escalation.id(), expectedVersion,
					escalation.version());
		}
	}

	/**
	 * A status entry is logged now, or at the resolution time a record of the past gives.
	 */
	private static Instant statusAt(Escalation escalation, Instant now) {
		return escalation.status().ended() && escalation.resolvedAt() != null && escalation.resolvedAt().isBefore(now)
				? escalation.resolvedAt() : now;
	}

	private static String resolutionText(Escalation escalation) {
		if (!escalation.status().ended()) {
			return null;
		}
		return join(
				escalation.resolutionCategory() == null ? null
						: escalation.status().label() + " – " + escalation.resolutionCategory().label(),
				escalation.rootCause() == null ? null : "Root cause: " + escalation.rootCause());
	}

	private static String join(String a, String b) {
		boolean hasA = a != null && !a.isBlank();
		boolean hasB = b != null && !b.isBlank();
		return hasA && hasB ? a + ". " + b.strip() : hasA ? a : hasB ? b.strip() : null;
	}

	private static Set<Long> ownerOnly(Escalation e) {
		return e.ownerId() == null ? Set.of() : Set.of(e.ownerId());
	}

	private static Set<Long> reporterAndOwner(Escalation e) {
		Set<Long> ids = new java.util.HashSet<>();
		if (e.reporterId() != null) {
			ids.add(e.reporterId());
		}
		if (e.ownerId() != null) {
			ids.add(e.ownerId());
		}
		return ids;
	}

	/** The escalation's clocks now, computed from its log. */
	private SlaState clock(Escalation e) {
		List<EscalationClocks.Subject> subjects = clocks.subjects(List.of(e.id()));
		return clocks.compute(subjects, time.now()).get(e.id());
	}

	/** Full names of the owners and reporters of these escalations. */
	private Map<Long, String> people(java.util.Collection<Escalation> list) {
		Set<Long> ids = new java.util.HashSet<>();
		for (Escalation e : list) {
			if (e.ownerId() != null) {
				ids.add(e.ownerId());
			}
			if (e.reporterId() != null) {
				ids.add(e.reporterId());
			}
		}
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> names = new HashMap<>();
		users.findAll(ids).forEach((id, u) -> names.put(id, u.fullName()));
		return names;
	}

	/**
	 * Removes an escalation (executives, sales directors, admins); publishes
	 * {@link EscalationDeleted}.
	 */
	public void delete(long id, CurrentUser user) {
		Escalation escalation = load(id);
		AccountDetails account = accounts.get(escalation.accountId(), user);
		EscalationRules.require(rules.canDelete(user),
				"Only executives, sales directors and admins delete escalations");
		escalations.delete(escalation);
		escalations.flush();
		audit.recordDeleted(ENTITY, id, escalation.key() + " – " + escalation.title() + " at " + account.name(), user);
		events.publishEvent(new EscalationDeleted(account.id(), id, escalation.key(), user.actor(), time.now()));
	}

	private void validate(EscalationForm form, Instant now) {
		List<FieldError> errors = rules.violations(form);
		if (form.status() != null && form.status().ended() && form.resolutionCategory() == null) {
			errors.add(new FieldError("resolutionCategory", "is required to "
					+ (form.status() == EscalationStatus.CLOSED ? "close" : "resolve") + " an escalation"));
		}
		if (form.raisedAt() != null && form.raisedAt().isAfter(now.plus(SKEW))) {
			errors.add(new FieldError("raisedAt", "cannot lie in the future"));
		}
		if (form.status() != null && form.status().ended() && form.resolvedAt() != null) {
			if (form.resolvedAt().isAfter(now.plus(SKEW))) {
				errors.add(new FieldError("resolvedAt", "cannot lie in the future"));
			}
			else if (form.raisedAt() != null && form.resolvedAt().isBefore(form.raisedAt())) {
				errors.add(new FieldError("resolvedAt", "must not be before it was raised"));
			}
		}
		EscalationRules.throwIfAny(errors);
	}

	/**
	 * ESC-YYYY-NNNN: the year it was raised (UTC) and that year's next number, given out
	 * in this transaction.
	 */
	private String nextKey(Instant raised) {
		int year = raised.atZone(ZoneOffset.UTC).getYear();
		int number = jdbc.sql("""
				insert into escalation_key_sequence (year, last) values (:year, 1)
				on conflict (year) do update set last = escalation_key_sequence.last + 1
				returning last""").param("year", year).query(Integer.class).single();
		return String.format("ESC-%d-%04d", year, number);
	}

	private static String nameOf(Map<Long, String> people, Long id) {
		return id == null ? null : people.get(id);
	}

	private static EscalationView view(Escalation e, String accountName, Map<Long, String> people, SlaState sla) {
		return new EscalationView(e.id(), e.key(), e.accountId(), accountName, e.title(), e.description(), e.severity(),
				e.status(), e.raisedAt(), e.resolvedAt(), e.stamp(), e.ownerId(), nameOf(people, e.ownerId()),
				e.reporterId(), nameOf(people, e.reporterId()), e.category(), e.impact(), e.contactId(), e.jobId(),
				e.placementId(), e.resolutionCategory(), e.rootCause(), e.postMortem(), sla);
	}

	private Escalation load(long id) {
		return escalations.findById(id).orElseThrow(() -> new NotFoundException("Escalation", id));
	}

}
