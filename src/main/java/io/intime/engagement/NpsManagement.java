package io.intime.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.shared.Editable;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
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
 * NPS responses of client accounts (spec 03: promoters 9–10, passives 7–8, detractors
 * 0–6). Everyone who may see an account sees its responses; account managers, executives,
 * sales directors and admins record and correct them; executives, sales directors and
 * admins remove them. Every change is audited and published in its transaction as a typed
 * event ({@link NpsResponseRecorded}, {@link NpsResponseUpdated},
 * {@link NpsResponseDeleted}: facts of the account, {@link AccountFactChanged}) with the
 * user as its actor.
 */
@Service
@Transactional
public class NpsManagement {

	static final String ENTITY = "nps_response";

	private final NpsResponses responses;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final EngagementRules rules;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	NpsManagement(NpsResponses responses, AccountManagement accounts, ContactManagement contacts, EngagementRules rules,
			AuditTrail audit, ApplicationEventPublisher events, JdbcClient jdbc, Today time) {
		this.responses = responses;
		this.accounts = accounts;
		this.contacts = contacts;
		this.rules = rules;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * Responses newest first, of one account or of every account the user may see.
	 * @param accountId the account, or null for all the user may see
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see the account
	 */
	@Transactional(readOnly = true)
	public PageResult<NpsView> search(Long accountId, PageRequest page, CurrentUser user) {
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
		List<Long> ids = jdbc
			.sql("select id from nps_response" + where
					+ " order by responded_on desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		long total = jdbc.sql("select count(*) from nps_response" + where).params(params).query(Long.class).single();
		Map<Long, NpsResponse> byId = responses.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(NpsResponse::id, Function.identity()));
		List<NpsResponse> list = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
		return new PageResult<>(views(list, user), total, page.page(), page.size());
	}

	@Transactional(readOnly = true)
	public NpsView get(long id, CurrentUser user) {
		NpsResponse response = load(id);
		rules.account(response.accountId(), user);
		return views(List.of(response), user).get(0);
	}

	@Transactional(readOnly = true)
	public Editable<NpsForm> editable(long id, CurrentUser user) {
		NpsResponse response = load(id);
		rules.account(response.accountId(), user);
		return new Editable<>(id, response.toForm(), response.version());
	}

	/**
	 * Whether the user may record and correct NPS responses (pages offer the buttons only
	 * then).
	 */
	public boolean canRecord(CurrentUser user) {
		return rules.canRecordNps(user);
	}

	public boolean canDelete(CurrentUser user) {
		return rules.canDeleteNps(user);
	}

	/**
	 * Records a response; publishes {@link NpsResponseRecorded}.
	 * @throws io.intime.shared.InvalidInputException naming each wrong field
	 * @throws org.springframework.security.access.AccessDeniedException unless the user
	 * may record NPS responses there
	 */
	public NpsView create(long accountId, NpsForm form, CurrentUser user) {
		AccountDetails account = rules.account(accountId, user);
		EngagementRules.require(rules.canRecordNps(user),
				"Only account managers, executives, sales directors and admins record NPS responses");
		Map<Long, ContactView> people = contactsOf(accountId, user);
		validate(form, account, people);
		NpsResponse response = responses.saveAndFlush(new NpsResponse(accountId, form, user.username(), time.now()));
		audit.recordCreated(ENTITY, response.id(), response.auditState(), user);
		events.publishEvent(new NpsResponseRecorded(accountId, response.id(), response.contactId(), response.score(),
				NpsView.categoryOf(response.score()), response.comment(), response.respondedOn(), response.surveyType(),
				user.actor(), time.now()));
		return view(response, account.name(), people);
	}

	/**
	 * Corrects a response; a stale {@code expectedVersion} is refused. Publishes
	 * {@link NpsResponseUpdated} when anything changed.
	 */
	public NpsView update(long id, NpsForm form, long expectedVersion, CurrentUser user) {
		NpsResponse response = load(id);
		AccountDetails account = rules.account(response.accountId(), user);
		EngagementRules.require(rules.canRecordNps(user),
				"Only account managers, executives, sales directors and admins correct NPS responses");
		if (response.version() != expectedVersion) {
			throw new StaleVersionException("NPS response", id, expectedVersion, response.version());
		}
		Map<Long, ContactView> people = contactsOf(account.id(), user);
		validate(form, account, people);
		Map<String, Object> before = response.auditState();
		response.apply(form);
		List<FieldChange> changes = FieldChange.between(before, response.auditState());
		if (!changes.isEmpty()) {
			response.updated(user.username(), time.now());
			responses.saveAndFlush(response);
			audit.recordChanges(ENTITY, id, changes, user);
			events.publishEvent(new NpsResponseUpdated(account.id(), id, changes, user.actor(), time.now()));
		}
		return view(response, account.name(), people);
	}

	/**
	 * Removes a response (executives, sales directors, admins); publishes
	 * {@link NpsResponseDeleted}.
	 */
	public void delete(long id, CurrentUser user) {
		NpsResponse response = load(id);
		AccountDetails account = rules.account(response.accountId(), user);
		EngagementRules.require(rules.canDeleteNps(user),
				"Only executives, sales directors and admins remove NPS responses");
		responses.delete(response);
		responses.flush();
		audit.recordDeleted(ENTITY, id,
				"NPS " + response.score() + "/10 of " + response.respondedOn() + " at " + account.name(), user);
		events.publishEvent(new NpsResponseDeleted(account.id(), id, user.actor(), time.now()));
	}

	private void validate(NpsForm form, AccountDetails account, Map<Long, ContactView> people) {
		List<FieldError> errors = rules.violations(form);
		if (form.contactId() != null && !people.containsKey(form.contactId())) {
			errors.add(new FieldError("contactId",
					"contact " + form.contactId() + " is not a contact of " + account.name()));
		}
		if (form.respondedOn() != null && form.respondedOn().isAfter(time.organizationToday().plusDays(1))) {
			errors.add(new FieldError("respondedOn", "cannot lie in the future"));
		}
		EngagementRules.throwIfAny(errors);
	}

	private Map<Long, ContactView> contactsOf(long accountId, CurrentUser user) {
		return contacts.forAccount(accountId, user)
			.stream()
			.collect(Collectors.toMap(ContactView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	private List<NpsView> views(List<NpsResponse> list, CurrentUser user) {
		if (list.isEmpty()) {
			return List.of();
		}
		List<Long> accountIds = list.stream().map(NpsResponse::accountId).distinct().toList();
		Map<Long, AccountManagement.Stewards> names = accounts.stewards(accountIds);
		Map<Long, Map<Long, ContactView>> people = new HashMap<>();
		accountIds.forEach(accountId -> people.put(accountId, contactsOf(accountId, user)));
		return list.stream().map(r -> {
			AccountManagement.Stewards account = names.get(r.accountId());
			return view(r, account == null ? null : account.name(), people.get(r.accountId()));
		}).toList();
	}

	private static NpsView view(NpsResponse r, String accountName, Map<Long, ContactView> people) {
		Party contact = null;
		if (r.contactId() != null) {
			ContactView c = people.get(r.contactId());
			contact = c == null ? new Party(r.contactId(), "Contact " + r.contactId(), null, null)
					: new Party(c.id(), c.name(), c.title(), c.stakeholderRole().name());
		}
		return new NpsView(r.id(), r.accountId(), accountName, r.contactId(), contact, r.score(),
				NpsView.categoryOf(r.score()), r.comment(), r.respondedOn(), r.surveyType(), r.stamp());
	}

	private NpsResponse load(long id) {
		return responses.findById(id).orElseThrow(() -> new NotFoundException("NPS response", id));
	}

}
