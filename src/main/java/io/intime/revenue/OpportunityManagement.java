package io.intime.revenue;

import java.util.Collection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSummary;
import io.intime.shared.Editable;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.CurrencyRates;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.MoneyInput;
import io.intime.shared.Today;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expansion opportunities of client accounts: list and search, the pipeline of an
 * account, read, create, change (including moving through the stages) and delete, by the
 * rules of {@link RevenueRules}. Every change is checked, written to the audit trail and
 * published as an {@link OpportunityEvent} (a fact of the account,
 * {@link AccountFactChanged}) in the same transaction, with the user as its actor.
 */
@Service
public class OpportunityManagement {

	static final String ENTITY = "opportunity";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private final Opportunities opportunities;

	private final AccountManagement accounts;

	private final UserDirectory users;

	private final CurrencyRates rates;

	private final Validator validator;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	private final io.intime.accounts.ContactManagement contacts;

	private final io.intime.accounts.ContractManagement contracts;

	OpportunityManagement(Opportunities opportunities, AccountManagement accounts, UserDirectory users,
			CurrencyRates rates, Validator validator, AuditTrail audit, ApplicationEventPublisher events,
			JdbcClient jdbc, Today time, io.intime.accounts.ContactManagement contacts,
			io.intime.accounts.ContractManagement contracts) {
		this.contacts = contacts;
		this.contracts = contracts;
		this.opportunities = opportunities;
		this.accounts = accounts;
		this.users = users;
		this.rates = rates;
		this.validator = validator;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
	}

	LocalDate today() {
		return time.organizationToday();
	}

	/**
	 * What the user may do with this account's opportunities; pages offer only what will
	 * succeed.
	 */
	public OpportunityAccess access(AccountDetails account, CurrentUser user) {
		return RevenueRules.access(user, account);
	}

	/**
	 * Opportunities the user may see, most recently identified first: of one account
	 * ({@code accountId}, null for all the user may see) and in one stage (null for all).
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see opportunities (of that account)
	 * @throws NotFoundException when {@code accountId} names no account
	 */
	@Transactional(readOnly = true)
	public PageResult<OpportunityView> search(Long accountId, OpportunityStage stage, PageRequest page,
			CurrentUser user) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (accountId != null) {
			viewable(accountId, user);
			where.append(" and o.account_id = :account");
			params.put("account", accountId);
		}
		else if (!RevenueRules.seesAll(user)) {
			RevenueRules.require(user.hasRole(Role.ACCOUNT_MANAGER), "You may not see expansion opportunities");
			List<Long> owned = accounts.exportable(user).stream().map(AccountSummary::id).toList();
			if (owned.isEmpty()) {
				return new PageResult<>(List.of(), 0, page.page(), page.size());
			}
			where.append(" and o.account_id = any(:owned)");
			params.put("owned", new SqlArrayValue("bigint", owned.toArray()));
		}
		if (stage != null) {
			where.append(" and o.stage = :stage");
			params.put("stage", stage.name());
		}
		List<Long> ids = jdbc
			.sql("select o.id from opportunity o" + where
					+ " order by o.identified_on desc, o.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		long total = jdbc.sql("select count(*) from opportunity o" + where).params(params).query(Long.class).single();
		Map<Long, Integer> position = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			position.put(ids.get(i), i);
		}
		List<Opportunity> found = opportunities.findAllById(ids)
			.stream()
			.sorted(Comparator.comparing(o -> position.get(o.id())))
			.toList();
		Set<Long> accountIds = found.stream().map(Opportunity::accountId).collect(Collectors.toSet());
		Map<Long, AccountManagement.Stewards> names = accountIds.isEmpty() ? Map.of() : accounts.stewards(accountIds);
		return new PageResult<>(views(found, id -> names.containsKey(id) ? names.get(id).name() : null), total,
				page.page(), page.size());
	}

	/** Every opportunity of one account, most recently identified first. */
	@Transactional(readOnly = true)
	public List<OpportunityView> forAccount(long accountId, CurrentUser user) {
		AccountDetails account = viewable(accountId, user);
		return views(opportunities.findByAccount(accountId), id -> account.name());
	}

	/**
	 * The opportunities of these accounts that were identified or changed (a stage move,
	 * a new value …) in from {@code from} up to (not including) {@code to}, the latest
	 * change first: the pipeline that moved in a day. Accounts whose opportunities the
	 * user may not see are left out.
	 */
	@Transactional(readOnly = true)
	public List<OpportunityView> changedBetween(Collection<Long> accountIds, Instant from, Instant to,
			CurrentUser user) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		Map<Long, AccountManagement.Stewards> stewards = accounts.stewards(accountIds);
		List<Long> visible = stewards.values()
			.stream()
			.filter(a -> RevenueRules.seesAll(user) || user.hasRole(Role.FINANCE)
					|| user.hasRole(Role.ACCOUNT_MANAGER) && a.ownerId() != null && a.ownerId() == user.id())
			.map(AccountManagement.Stewards::accountId)
			.toList();
		if (visible.isEmpty()) {
			return List.of();
		}
		List<Long> ids = jdbc.sql("""
				select id from opportunity where account_id = any(:accounts)
				   and updated_at >= :from and updated_at < :to
				   and (updated_at > created_at + interval '1 second' or identified_on >= :fromDay)
				 order by updated_at desc, id desc""")
			.param("accounts", new SqlArrayValue("bigint", visible.toArray()))
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.param("fromDay", from.atZone(user.timeZone()).toLocalDate())
			.query(Long.class)
			.list();
		Map<Long, Integer> position = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			position.put(ids.get(i), i);
		}
		List<Opportunity> found = opportunities.findAllById(ids)
			.stream()
			.sorted(Comparator.comparing(o -> position.get(o.id())))
			.toList();
		return views(found, id -> stewards.containsKey(id) ? stewards.get(id).name() : null);
	}

	/**
	 * The account's open pipeline per stage and its won and lost opportunities, in US
	 * dollars at the constant rates.
	 */
	@Transactional(readOnly = true)
	public PipelineSummary pipeline(long accountId, CurrentUser user) {
		viewable(accountId, user);
		List<Opportunity> all = opportunities.findByAccount(accountId);
		List<PipelineSummary.Stage> stages = new ArrayList<>();
		Money open = Money.zero("USD");
		int openCount = 0;
		for (OpportunityStage stage : OpportunityStage.values()) {
			if (!stage.open()) {
				continue;
			}
			List<Opportunity> in = all.stream().filter(o -> o.stage() == stage).toList();
			Money total = in.stream().map(o -> usd(o.value())).reduce(Money.zero("USD"), Money::plus);
			stages.add(new PipelineSummary.Stage(stage, in.size(), total));
			open = open.plus(total);
			openCount += in.size();
		}
		List<Opportunity> won = all.stream().filter(o -> o.stage() == OpportunityStage.WON).toList();
		int lost = (int) all.stream().filter(o -> o.stage() == OpportunityStage.LOST).count();
		return new PipelineSummary(openCount, open, stages, won.size(),
				won.stream().map(o -> usd(o.value())).reduce(Money.zero("USD"), Money::plus), lost);
	}

	@Transactional(readOnly = true)
	public OpportunityView get(long id, CurrentUser user) {
		Opportunity opportunity = load(id);
		AccountDetails account = viewable(opportunity.accountId(), user);
		return views(List.of(opportunity), any -> account.name()).get(0);
	}

	/** The opportunity's form and version, for an edit page or a JSON merge patch. */
	@Transactional(readOnly = true)
	public Editable<OpportunityForm> editable(long id, CurrentUser user) {
		Opportunity opportunity = load(id);
		viewable(opportunity.accountId(), user);
		return new Editable<>(id, opportunity.toForm(), opportunity.version());
	}

	/**
	 * Adds an opportunity to an account (its manager, executives, sales directors,
	 * admins). Publishes {@link OpportunityIdentified}.
	 * @throws InvalidInputException naming each wrong field
	 */
	@Transactional
	public OpportunityView create(long accountId, OpportunityForm form, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		RevenueRules.require(access(account, user).edit(), "You may add opportunities only to the accounts you own");
		OpportunityForm checked = validate(form, account, null, user);
		Opportunity opportunity = opportunities
			.saveAndFlush(new Opportunity(accountId, checked, user.username(), time.now()));
		audit.recordCreated(ENTITY, opportunity.id(), opportunity.auditState(), user);
		recordStageChange(opportunity.id(), null, opportunity.stage(), user);
		events.publishEvent(
				new OpportunityIdentified(accountId, stateOf(opportunity), checked.source(), checked.identifiedOn(),
						FieldChange.between(Map.of(), opportunity.auditState()), user.actor(), time.now()));
		return get(opportunity.id(), user);
	}

	/**
	 * Changes an opportunity; a stale version is refused and the other change survives.
	 * Publishes {@link OpportunityStageChanged} when the stage moves
	 * ({@link OpportunityUpdated} otherwise) and keeps the move in the stage history. An
	 * opportunity that becomes WON adds its value to the account's contract in the same
	 * transaction ({@link io.intime.accounts.ContractManagement#addExpansion}).
	 */
	@Transactional
	public OpportunityView update(long id, OpportunityForm form, long expectedVersion, CurrentUser user) {
		Opportunity opportunity = load(id);
		AccountDetails account = accounts.get(opportunity.accountId(), user);
		RevenueRules.require(access(account, user).edit(), "You may change opportunities only at the accounts you own");
		if (opportunity.version() != expectedVersion) {
			throw new StaleVersionException("Opportunity " + opportunity.title(), id, expectedVersion,
					opportunity.version());
		}
		OpportunityForm checked = validate(form, account, opportunity, user);
		OpportunityStage before = opportunity.stage();
		Map<String, Object> state = opportunity.auditState();
		opportunity.apply(checked);
		List<FieldChange> changes = FieldChange.between(state, opportunity.auditState());
		if (!changes.isEmpty()) {
			opportunity.updated(user.username(), time.now());
			opportunities.saveAndFlush(opportunity);
			audit.recordChanges(ENTITY, id, changes, user);
			if (before != opportunity.stage()) {
				// a reopened opportunity won again is already on the contract
				boolean wonBefore = opportunity.stage() == OpportunityStage.WON && jdbc.sql(
						"select exists (select 1 from opportunity_stage_change where opportunity_id = :id and to_stage = 'WON')")
					.param("id", id)
					.query(Boolean.class)
					.single();
				recordStageChange(id, before, opportunity.stage(), user);
				if (opportunity.stage() == OpportunityStage.WON && !wonBefore) {
					contracts.addExpansion(opportunity.accountId(), opportunity.title(), opportunity.value(),
							"Opportunity #" + id, user);
				}
			}
			OpportunityEvent.Snapshot after = stateOf(opportunity);
			events.publishEvent(before != opportunity.stage()
					? new OpportunityStageChanged(opportunity.accountId(), after, before, changes, user.actor(),
							time.now())
					: new OpportunityUpdated(opportunity.accountId(), after, changes, user.actor(), time.now()));
		}
		return get(id, user);
	}

	/**
	 * Moves an opportunity to another stage, keeping everything else; see
	 * {@link #update}.
	 */
	@Transactional
	public OpportunityView moveTo(long id, OpportunityStage stage, long expectedVersion, CurrentUser user) {
		return moveTo(id, stage, null, expectedVersion, user);
	}

	/**
	 * Moves an opportunity to another stage, keeping everything else, with the reason
	 * when the stage is LOST (the board card's Won and Lost); the same rules and version
	 * check as {@link #update}.
	 * @param lostReason why it was lost; required for LOST, ignored for any other stage
	 * @throws InvalidInputException naming {@code lostReason} when LOST comes without one
	 * @throws StaleVersionException when someone else saved it since
	 * {@code expectedVersion}
	 */
	@Transactional
	public OpportunityView moveTo(long id, OpportunityStage stage, String lostReason, long expectedVersion,
			CurrentUser user) {
		Opportunity opportunity = load(id);
		if (stage == null) {
			throw new InvalidInputException("stage", "is required");
		}
		return update(id, opportunity.toForm().movedTo(stage, lostReason), expectedVersion, user);
	}

	/**
	 * Deletes an opportunity (executives, sales directors, admins). Publishes
	 * opportunity.deleted.
	 */
	@Transactional
	public void delete(long id, CurrentUser user) {
		Opportunity opportunity = load(id);
		AccountDetails account = accounts.get(opportunity.accountId(), user);
		RevenueRules.require(access(account, user).delete(),
				"Only executives, sales directors and admins delete opportunities");
		opportunities.delete(opportunity);
		opportunities.flush();
		audit.recordDeleted(ENTITY, id, opportunity.title() + " at " + account.name(), user);
		events.publishEvent(new OpportunityDeleted(opportunity.accountId(), stateOf(opportunity), List.of(),
				user.actor(), time.now()));
	}

	private void recordStageChange(long id, OpportunityStage from, OpportunityStage to, CurrentUser user) {
		jdbc.sql("""
				insert into opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_by, changed_at)
				values (:id, :from, :to, :by, :at)""")
			.param("id", id)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("by", user.username())
			.param("at", java.sql.Timestamp.from(time.now()))
			.update();
	}

	/** One move of an opportunity: from null when it was identified. */
	public record StageChange(OpportunityStage from, OpportunityStage to, String by, Instant at) {
	}

	/** One discovery note on an opportunity. */
	public record Note(long id, String body, String author, String authorName, Instant at) {
	}

	/**
	 * The opportunity's moves from stage to stage, oldest first (those before the history
	 * was kept are not in it).
	 */
	@Transactional(readOnly = true)
	public List<StageChange> stageHistory(long id, CurrentUser user) {
		viewable(load(id).accountId(), user);
		return jdbc.sql("""
				select from_stage, to_stage, changed_by, changed_at from opportunity_stage_change
				 where opportunity_id = :id order by changed_at, id""")
			.param("id", id)
			.query((rs, i) -> new StageChange(
					rs.getString(1) == null ? null : OpportunityStage.valueOf(rs.getString(1)),
					OpportunityStage.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** The opportunity's notes, newest first. */
	@Transactional(readOnly = true)
	public List<Note> notes(long id, CurrentUser user) {
		viewable(load(id).accountId(), user);
		return jdbc.sql("""
				select id, body, author, author_name, created_at from opportunity_note
				 where opportunity_id = :id order by created_at desc, id desc""")
			.param("id", id)
			.query((rs, i) -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * Adds a note to an opportunity (those who may change it); audited.
	 * @throws InvalidInputException naming {@code body} when it is blank or over 4,000
	 * characters
	 */
	@Transactional
	public Note addNote(long id, String body, CurrentUser user) {
		Opportunity opportunity = load(id);
		AccountDetails account = accounts.get(opportunity.accountId(), user);
		RevenueRules.require(access(account, user).edit(), "You may add notes only to the opportunities you keep");
		if (body == null || body.isBlank()) {
			throw new InvalidInputException("body", "Write the note first");
		}
		if (body.trim().length() > 4000) {
			throw new InvalidInputException("body", "Keep a note under 4,000 characters");
		}
		Instant at = time.now();
		long noteId = jdbc.sql("""
				insert into opportunity_note (opportunity_id, body, author, author_name, created_at)
				values (:id, :body, :author, :name, :at) returning id""")
			.param("id", id)
			.param("body", body.trim())
			.param("author", user.username())
			.param("name", user.fullName())
			.param("at", java.sql.Timestamp.from(at))
			.query(Long.class)
			.single();
		audit.recordChanges(ENTITY, id, List.of(new FieldChange("note", null, body.trim())), user);
		return new Note(noteId, body.trim(), user.username(), user.fullName(), at);
	}

	private static OpportunityEvent.Snapshot stateOf(Opportunity opportunity) {
		return new OpportunityEvent.Snapshot(opportunity.id(), opportunity.title(), opportunity.stage(),
				opportunity.value().amount(), opportunity.value().currency(), opportunity.ownerId());
	}

	/**
	 * Checks a form and completes it: stage IDENTIFIED, identified today, the account's
	 * currency and the acting user as owner when missing; closed today when WON or LOST
	 * without a day, no closing day while open; a reason for LOST, none for any other
	 * stage.
	 */
	private OpportunityForm validate(OpportunityForm form, AccountDetails account, Opportunity existing,
			CurrentUser user) {
		LocalDate today = today();
		List<FieldError> errors = new ArrayList<>();
		validator.validate(form)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<OpportunityForm> v) -> v.getPropertyPath().toString()))
			.forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
		OpportunityStage stage = form.stage() == null ? OpportunityStage.IDENTIFIED : form.stage();
		String currency = form.value() == null || form.value().currency() == null || form.value().currency().isBlank()
				? account.billingCurrency() : form.value().currency().trim().toUpperCase(Locale.ROOT);
		if (form.value() != null && !rates.supports(currency)) {
			errors.add(new FieldError("value.currency", "'" + currency + "' is not a currency with a conversion rate ("
					+ String.join(", ", rates.getUsdRates().keySet()) + ")"));
		}
		LocalDate identified = form.identifiedOn() == null ? today : form.identifiedOn();
		if (identified.isAfter(today)) {
			errors.add(new FieldError("identifiedOn", "cannot be in the future"));
		}
		LocalDate closed = stage.open() ? null : form.closedOn() == null ? today : form.closedOn();
		if (closed != null && closed.isAfter(today)) {
			errors.add(new FieldError("closedOn", "cannot be in the future"));
		}
		else if (closed != null && closed.isBefore(identified)) {
			errors.add(new FieldError("closedOn",
					"must be on or after the day it was identified (" + DATE.format(identified) + ")"));
		}
		String lostReason = stage == OpportunityStage.LOST && form.lostReason() != null && !form.lostReason().isBlank()
				? form.lostReason().trim() : null;
		if (stage == OpportunityStage.LOST && lostReason == null) {
			errors.add(new FieldError("lostReason", "Say why it was lost, e.g. another supplier or a budget cut"));
		}
		Long owner = form.ownerId() == null ? (existing == null ? user.id() : null) : form.ownerId();
		if (owner != null && !Objects.equals(owner, existing == null ? null : existing.ownerId())) {
			UserSummary found = users.find(owner).orElse(null);
			if (found == null) {
				errors.add(new FieldError("ownerId", "is not a user (id " + owner + ")"));
			}
			else if (!found.enabled()) {
				errors.add(new FieldError("ownerId", found.fullName() + " is deactivated"));
			}
		}
		if (form.championId() != null
				&& !Objects.equals(form.championId(), existing == null ? null : existing.championId())
				&& contacts.forAccount(account.id(), user).stream().noneMatch(c -> c.id() == form.championId())) {
			errors.add(new FieldError("championId",
					"is not a contact of " + account.name() + " (id " + form.championId() + ")"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new OpportunityForm(form.title().trim(), stage, new MoneyInput(form.value().amount(), currency),
				form.source(), form.nextStep(), identified, closed, owner, lostReason, form.championId(),
				form.nextStepDue());
	}

	private List<OpportunityView> views(List<Opportunity> found,
			java.util.function.Function<Long, String> accountName) {
		Set<Long> owners = new HashSet<>();
		found.forEach(o -> {
			if (o.ownerId() != null) {
				owners.add(o.ownerId());
			}
		});
		Map<Long, UserSummary> people = owners.isEmpty() ? Map.of() : users.findAll(owners);
		Set<Long> championIds = found.stream()
			.map(Opportunity::championId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, io.intime.accounts.ContactView> champions = contacts.byIds(championIds);
		return found.stream()
			.map(o -> o.toView(accountName.apply(o.accountId()),
					o.ownerId() != null && people.containsKey(o.ownerId()) ? people.get(o.ownerId()).fullName() : null,
					usd(o.value())))
			.map(v -> v.championId() == null || !champions.containsKey(v.championId()) ? v
					: v.withChampionName(
							champions.get(v.championId()).name() + (champions.get(v.championId()).title() == null ? ""
									: ", " + champions.get(v.championId()).title())))
			.toList();
	}

	private Money usd(Money value) {
		return rates.convert(value, "USD");
	}

	private AccountDetails viewable(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		RevenueRules.require(access(account, user).view(), "You may not see the opportunities of " + account.name());
		return account;
	}

	Opportunity load(long id) {
		return opportunities.findById(id).orElseThrow(() -> new NotFoundException("Opportunity", id));
	}

	/**
	 * The opportunities of these accounts that are open or closed on or after
	 * {@code closedSince}, with account names; for the pipeline board, whose caller has
	 * decided which accounts the reader may see.
	 */
	List<OpportunityView> ofAccounts(Map<Long, String> accountNames, LocalDate closedSince) {
		if (accountNames.isEmpty()) {
			return List.of();
		}
		List<Long> ids = jdbc.sql("""
				select id from opportunity where account_id = any(:accounts)
				   and (closed_on is null or closed_on >= :since)
				 order by id""")
			.param("accounts", new SqlArrayValue("bigint", accountNames.keySet().toArray()))
			.param("since", closedSince)
			.query(Long.class)
			.list();
		return views(opportunities.findAllById(ids), accountNames::get);
	}

	Money inUsd(Money value) {
		return usd(value);
	}

	/** Whether the user may change this opportunity (pages offer only what succeeds). */
	@Transactional(readOnly = true)
	public boolean canEdit(long id, CurrentUser user) {
		return access(accounts.get(load(id).accountId(), user), user).edit();
	}

	/** For callers that total values (pages): the sum of values in US dollars. */
	public Money totalUsd(List<OpportunityView> views) {
		return views.stream().map(OpportunityView::valueUsd).reduce(Money.zero("USD"), Money::plus);
	}

}
