package io.intime.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.Tier;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.workflows.WorkflowRuns;
import io.intime.workflows.WorkflowTemplates;
import io.intime.workflows.WorkflowTemplates.TemplateSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automation rules (data an admin edits: the condition and its parameters, the
 * template a rule starts, who owns the run, whether it is on) and their firings. The
 * rules every organization starts with are created on the first start. Admins change
 * rules; executives and sales directors read them; anyone who sees an account reads the
 * firings about it.
 */
@Service
@Transactional
public class AutomationRules {

	private static final Logger log = LoggerFactory.getLogger(AutomationRules.class);

	static final String ENTITY = "automation_rule";

	/** The longest a contract's end is looked ahead: a year. */
	static final int MAX_DAYS = 365;

	/**
	 * The rules every organization starts with: one per trigger of issue 17 part 6, and
	 * the onboarding of a won client (spec 04).
	 */
	static final List<Seed> DEFAULTS = List.of(
			new Seed("renewal-90-days", "Annual renewal 90 days before a contract ends", ConditionKind.CONTRACT_ENDING,
					Map.of("days", 90), ActionKind.START_WORKFLOW, "annual-renewal"),
			new Seed("health-below-60", "Health check when the score drops below 60", ConditionKind.HEALTH_BELOW,
					Map.of("threshold", 60), ActionKind.START_WORKFLOW, "health-check"),
			new Seed("key-contact-left", "Health check when a key contact leaves", ConditionKind.KEY_CONTACT_LEFT,
					Map.of(), ActionKind.START_WORKFLOW, "health-check"),
			new Seed("quarterly-qbr", "QBR each quarter for Strategic and Growth accounts", ConditionKind.QUARTERLY,
					Map.of("tiers", List.of(Tier.STRATEGIC.name(), Tier.GROWTH.name())), ActionKind.START_WORKFLOW,
					"qbr"),
			new Seed("billing-dispute", "Billing dispute resolution when an invoice is disputed",
					ConditionKind.BILLING_DISPUTE, Map.of(), ActionKind.START_WORKFLOW, "billing-dispute"),
			new Seed("expiry-sms-30-days", "SMS alert 30 days before a contract ends", ConditionKind.CONTRACT_ENDING,
					Map.of("days", ExpiryAlerts.WITHIN_DAYS), ActionKind.SMS_ALERT, null),
			new Seed("first-contract-onboarding", "Onboarding when a prospect signs its first contract",
					ConditionKind.FIRST_CONTRACT_SIGNED, Map.of(), ActionKind.START_WORKFLOW, "onboarding"));

	/** A rule every organization starts with. */
	record Seed(String key, String name, ConditionKind condition, Map<String, Object> parameters, ActionKind action,
			String templateKey) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Today time;

	private final AuditTrail audit;

	private final WorkflowTemplates templates;

	private final UserDirectory users;

	private final AccountManagement accounts;

	private final WorkflowRuns runs;

	AutomationRules(JdbcClient jdbc, JsonMapper json, Today time, AuditTrail audit, WorkflowTemplates templates,
			UserDirectory users, AccountManagement accounts, WorkflowRuns runs) {
		this.runs = runs;
		this.jdbc = jdbc;
		this.json = json;
		this.time = time;
		this.audit = audit;
		this.templates = templates;
		this.users = users;
		this.accounts = accounts;
	}

	// ------------------------------------------------------------------ who may

	/** Admins, executives and sales directors read the rules and their firings. */
	public static boolean mayView(CurrentUser user) {
		return user.hasRole(Role.ADMIN, Role.EXECUTIVE, Role.SALES_DIRECTOR);
	}

	/** Admins change rules and run the scan. */
	public static boolean mayEdit(CurrentUser user) {
		return user.hasRole(Role.ADMIN);
	}

	static void requireViewer(CurrentUser user) {
		if (!mayView(user)) {
			throw new AccessDeniedException("Admins, executives and sales directors see the automation rules");
		}
	}

	static void requireEditor(CurrentUser user) {
		if (!mayEdit(user)) {
			throw new AccessDeniedException("Only admins change automation rules");
		}
	}

	// ------------------------------------------------------------------ the defaults

	/**
	 * Creates the rules every organization starts with, after the built-in templates
	 * (which {@link WorkflowTemplates} creates at order 0): each once, on whichever node
	 * gets there first (the rule's key is unique). A rule whose template is not there is
	 * created on a later start that has it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(1)
	public void createDefaults() {
		Map<String, TemplateSummary> byKey = templates.list()
			.stream()
			.filter(t -> t.key() != null)
			.collect(Collectors.toMap(TemplateSummary::key, t -> t));
		int created = 0;
		for (Seed seed : DEFAULTS) {
			Long templateId = null;
			if (seed.templateKey() != null) {
				TemplateSummary template = byKey.get(seed.templateKey());
				if (template == null) {
					log.debug("No template {} yet: the rule {} waits for it", seed.templateKey(), seed.key());
					continue;
				}
				templateId = template.id();
			}
			created += jdbc.sql("""
					insert into automation_rule (rule_key, name, condition_kind, parameters, action_kind, template_id,
					  owner_kind, enabled, created_at, created_by, updated_at, updated_by)
					values (:key, :name, :condition, cast(:parameters as jsonb), :action, :template, 'ACCOUNT_MANAGER',
					  true, :at, 'system', :at, 'system')
					on conflict (rule_key) do nothing""")
				.param("key", seed.key())
				.param("name", seed.name())
				.param("condition", seed.condition().name())
				.param("parameters", json.writeValueAsString(seed.parameters()))
				.param("action", seed.action().name())
				.param("template", templateId, java.sql.Types.BIGINT)
				.param("at", Timestamp.from(time.now()))
				.update();
		}
		if (created > 0) {
			log.info("Automation: created {} of the default rules", created);
		}
	}

	// ------------------------------------------------------------------ reading

	/** Every rule, with its latest firing and how many. */
	@Transactional(readOnly = true)
	public List<AutomationRule> list(CurrentUser user) {
		requireViewer(user);
		// in the order of the conditions (the calendar's first), then as they were added
		return read(" order by r.id", Map.of()).stream()
			.sorted(java.util.Comparator.comparing(AutomationRule::condition))
			.toList();
	}

	/**
	 * One rule.
	 * @throws NotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public AutomationRule get(long id, CurrentUser user) {
		requireViewer(user);
		return find(id);
	}

	private AutomationRule find(long id) {
		List<AutomationRule> found = read(" where r.id = :id", Map.of("id", id));
		if (found.isEmpty()) {
			throw new NotFoundException("Automation rule", id);
		}
		return found.get(0);
	}

	/** The enabled rules of these kinds, for the scan and the event listeners. */
	@Transactional(readOnly = true)
	List<AutomationRule> enabled(Set<ConditionKind> kinds) {
		if (kinds.isEmpty()) {
			return List.of();
		}
		return read(" where r.enabled and r.condition_kind = any(:kinds) order by r.id",
				Map.of("kinds", new SqlArrayValue("varchar", kinds.stream().map(Enum::name).toArray())), false);
	}

	private List<AutomationRule> read(String where, Map<String, ?> params) {
		return read(where, params, true);
	}

	private List<AutomationRule> read(String where, Map<String, ?> params, boolean withFirings) {
		String firings = withFirings ? """
				left join lateral (select max(f.fired_at) last_fired, count(*) n from automation_firing f
				                    where f.rule_id = r.id) f on true"""
				: "left join (select null::timestamptz last_fired, 0 n) f on true";
		List<Row> rows = jdbc
			.sql("""
					select r.id, r.rule_key, r.name, r.condition_kind, r.parameters::text, r.action_kind, r.template_id,
					       r.owner_kind, r.owner_user_id, r.enabled, r.version, f.last_fired, f.n, r.updated_at, r.updated_by
					  from automation_rule r
					"""
					+ firings + where)
			.params(params)
			.query(this::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, TemplateSummary> byId = rows.stream().anyMatch(r -> r.templateId() != null)
				? templates.list().stream().collect(Collectors.toMap(TemplateSummary::id, t -> t)) : Map.of();
		Set<Long> ownerIds = rows.stream()
			.map(Row::ownerUserId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, UserSummary> owners = ownerIds.isEmpty() ? Map.of() : users.findAll(ownerIds);
		return rows.stream().map(r -> {
			TemplateSummary template = r.templateId() == null ? null : byId.get(r.templateId());
			UserSummary owner = r.ownerUserId() == null ? null : owners.get(r.ownerUserId());
			JsonNode p = r.parameters();
			return new AutomationRule(r.id(), r.key(), r.name(), r.condition(), intOf(p, "days"), intOf(p, "threshold"),
					tiersOf(p), r.action(), r.templateId(), template == null ? null : template.name(),
					template != null && template.archived(), r.ownerKind(), r.ownerUserId(),
					owner == null ? null : owner.fullName(), r.enabled(), r.version(), r.lastFiredAt(), r.firings(),
					r.updatedAt(), r.updatedBy());
		}).toList();
	}

	private record Row(long id, String key, String name, ConditionKind condition, JsonNode parameters,
			ActionKind action, Long templateId, OwnerKind ownerKind, Long ownerUserId, boolean enabled, long version,
			Instant lastFiredAt, long firings, Instant updatedAt, String updatedBy) {
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		Timestamp last = rs.getTimestamp(12);
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), ConditionKind.valueOf(rs.getString(4)),
				json.readTree(rs.getString(5)), ActionKind.valueOf(rs.getString(6)), (Long) rs.getObject(7),
				OwnerKind.valueOf(rs.getString(8)), (Long) rs.getObject(9), rs.getBoolean(10), rs.getLong(11),
				last == null ? null : last.toInstant(), rs.getLong(13), rs.getTimestamp(14).toInstant(),
				rs.getString(15));
	}

	private static Integer intOf(JsonNode parameters, String name) {
		JsonNode value = parameters.get(name);
		return value == null || value.isNull() ? null : value.asInt();
	}

	private static List<Tier> tiersOf(JsonNode parameters) {
		JsonNode value = parameters.get("tiers");
		if (value == null || !value.isArray()) {
			return List.of();
		}
		List<Tier> tiers = new ArrayList<>();
		value.forEach(t -> tiers.add(Tier.valueOf(t.asString())));
		return tiers;
	}

	// ------------------------------------------------------------------ firings

	/**
	 * The firings of a rule, newest first.
	 * @throws NotFoundException when there is no such rule
	 */
	@Transactional(readOnly = true)
	public PageResult<AutomationFiring> firings(long ruleId, PageRequest page, CurrentUser user) {
		requireViewer(user);
		find(ruleId);
		return firings("f.rule_id = :id", ruleId, page);
	}

	/**
	 * The firings about an account, newest first: for anyone who may see the account. A
	 * firing's run is named only to those the workflows module lets read it (recruiters
	 * read no workflows, legal no billing disputes); to others the firing says that it
	 * started a workflow, not which.
	 * @throws AccessDeniedException when the user may not see the account
	 * @throws NotFoundException when there is no such account
	 */
	@Transactional(readOnly = true)
	public PageResult<AutomationFiring> firingsOfAccount(long accountId, PageRequest page, CurrentUser user) {
		accounts.get(accountId, user);
		Map<Long, Boolean> readable = new java.util.HashMap<>();
		return firings("f.account_id = :id", accountId, page).map(f -> {
			if (f.runId() == null || readable.computeIfAbsent(f.runId(), run -> runs.mayRead(run, user))) {
				return f;
			}
			return new AutomationFiring(f.id(), f.ruleId(), f.ruleName(), f.occasion(), f.accountId(), f.accountName(),
					f.firedAt(), null, "Started a workflow you do not see");
		});
	}

	private PageResult<AutomationFiring> firings(String where, long id, PageRequest page) {
		long total = jdbc.sql("select count(*) from automation_firing f where " + where)
			.param("id", id)
			.query(Long.class)
			.single();
		if (total == 0) {
			return new PageResult<>(List.of(), 0, page.page(), page.size());
		}
		record Found(long id, long ruleId, String ruleName, String occasion, Long accountId, Instant firedAt,
				Long runId, String result) {
		}
		List<Found> found = jdbc.sql("""
				select f.id, f.rule_id, r.name, f.occasion, f.account_id, f.fired_at, f.run_id, f.result
				  from automation_firing f join automation_rule r on r.id = f.rule_id
				 where\s""" + where + " order by f.fired_at desc, f.id desc limit :limit offset :offset")
			.param("id", id)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new Found(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					(Long) rs.getObject(5), rs.getTimestamp(6).toInstant(), (Long) rs.getObject(7), rs.getString(8)))
			.list();
		Set<Long> accountIds = found.stream()
			.map(Found::accountId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, AccountManagement.Stewards> names = accountIds.isEmpty() ? Map.of() : accounts.stewards(accountIds);
		List<AutomationFiring> items = found.stream().map(f -> {
			AccountManagement.Stewards account = f.accountId() == null ? null : names.get(f.accountId());
			return new AutomationFiring(f.id(), f.ruleId(), f.ruleName(), f.occasion(), f.accountId(),
					account == null ? null : account.name(), f.firedAt(), f.runId(), f.result());
		}).toList();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	// ------------------------------------------------------------------ changing

	/**
	 * Adds a rule.
	 * @throws InvalidInputException naming each wrong field
	 * @throws AccessDeniedException unless the user is an admin
	 */
	public AutomationRule create(RuleForm form, CurrentUser user) {
		requireEditor(user);
		Checked checked = check(form, null);
		Instant now = time.now();
		long id = jdbc.sql("""
				insert into automation_rule (name, condition_kind, parameters, action_kind, template_id, owner_kind,
				  owner_user_id, enabled, created_at, created_by, updated_at, updated_by)
				values (:name, :condition, cast(:parameters as jsonb), :action, :template, :ownerKind, :owner, :enabled,
				  :at, :by, :at, :by) returning id""")
			.param("name", checked.name())
			.param("condition", form.condition().name())
			.param("parameters", json.writeValueAsString(checked.parameters()))
			.param("action", checked.action().name())
			.param("template", checked.templateId(), java.sql.Types.BIGINT)
			.param("ownerKind", checked.ownerKind().name())
			.param("owner", checked.ownerUserId(), java.sql.Types.BIGINT)
			.param("enabled", checked.enabled())
			.param("at", Timestamp.from(now))
			.param("by", user.username())
			.query(Long.class)
			.single();
		AutomationRule created = find(id);
		audit.recordCreated(ENTITY, id, state(created), user);
		return created;
	}

	/**
	 * Changes a rule: its name, its condition's parameters, what it starts, who owns it,
	 * whether it is on. Its kind of condition stays.
	 * @throws InvalidInputException naming each wrong field
	 * @throws StaleVersionException when someone saved the rule since
	 * {@code expectedVersion}
	 * @throws AccessDeniedException unless the user is an admin
	 */
	public AutomationRule update(long id, RuleForm form, long expectedVersion, CurrentUser user) {
		requireEditor(user);
		AutomationRule before = find(id);
		if (form.condition() != null && form.condition() != before.condition()) {
			throw new InvalidInputException("condition", "A rule's kind of condition stays "
					+ before.condition().label().toLowerCase() + "; add a new rule for another");
		}
		Checked checked = check(
				new RuleForm(form.name(), before.condition(), form.days(), form.threshold(), form.tiers(),
						form.action(), form.templateId(), form.ownerKind(), form.ownerUserId(), form.enabled()),
				before);
		int updated = jdbc.sql("""
				update automation_rule set name = :name, parameters = cast(:parameters as jsonb), action_kind = :action,
				       template_id = :template, owner_kind = :ownerKind, owner_user_id = :owner, enabled = :enabled,
				       version = version + 1, updated_at = :at, updated_by = :by
				 where id = :id and version = :expected""")
			.param("name", checked.name())
			.param("parameters", json.writeValueAsString(checked.parameters()))
			.param("action", checked.action().name())
			.param("template", checked.templateId(), java.sql.Types.BIGINT)
			.param("ownerKind", checked.ownerKind().name())
			.param("owner", checked.ownerUserId(), java.sql.Types.BIGINT)
			.param("enabled", checked.enabled())
			.param("at", Timestamp.from(time.now()))
			.param("by", user.username())
			.param("id", id)
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersionException("Automation rule “" + before.name() + "”", id, expectedVersion,
					before.version());
		}
		AutomationRule after = find(id);
		audit.recordChanges(ENTITY, id, FieldChange.between(state(before), state(after)), user);
		return after;
	}

	private static Map<String, Object> state(AutomationRule rule) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", rule.name());
		state.put("condition", rule.condition());
		state.put("days", rule.days());
		state.put("threshold", rule.threshold());
		state.put("tiers", rule.tiers().isEmpty() ? null : rule.tiers());
		state.put("action", rule.action());
		state.put("templateId", rule.templateId());
		state.put("ownerKind", rule.ownerKind());
		state.put("ownerUserId", rule.ownerUserId());
		state.put("enabled", rule.enabled());
		return state;
	}

	/** A form that passed: what is stored. */
	private record Checked(String name, Map<String, Object> parameters, ActionKind action, Long templateId,
			OwnerKind ownerKind, Long ownerUserId, boolean enabled) {
	}

	/**
	 * The form's problems, each naming its field, or what to store.
	 * @param before the rule being changed, null for a new one
	 */
	private Checked check(RuleForm form, AutomationRule before) {
		List<FieldError> errors = new ArrayList<>();
		String name = form.name() == null ? "" : form.name().trim();
		if (name.isEmpty()) {
			errors.add(new FieldError("name", "Give the rule a name"));
		}
		else if (name.length() > 200) {
			errors.add(new FieldError("name", "is at most 200 characters"));
		}
		ConditionKind condition = form.condition();
		if (condition == null) {
			errors.add(new FieldError("condition", "Choose what the rule waits for"));
		}
		ActionKind action = form.action() == null ? ActionKind.START_WORKFLOW : form.action();
		if (action == ActionKind.SMS_ALERT && condition != null && condition != ConditionKind.CONTRACT_ENDING) {
			errors.add(new FieldError("action", "An SMS alert goes out only about a contract that ends soon"));
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (condition != null && condition.takesDays()) {
			Integer days = form.days();
			int most = action == ActionKind.SMS_ALERT ? ExpiryAlerts.WITHIN_DAYS : MAX_DAYS;
			if (days == null) {
				errors.add(new FieldError("days", "Give the days before the contract's end"));
			}
			else if (days < 1 || days > most) {
				errors.add(new FieldError("days", "must be from 1 to " + most + (action == ActionKind.SMS_ALERT
						? " (the SMS alert goes out within 30 days of the end)" : "")));
			}
			parameters.put("days", days);
		}
		if (condition != null && condition.takesThreshold()) {
			Integer threshold = form.threshold();
			if (threshold == null) {
				errors.add(new FieldError("threshold", "Give the health score it must drop below"));
			}
			else if (threshold < 1 || threshold > 100) {
				errors.add(new FieldError("threshold", "must be a score from 1 to 100"));
			}
			parameters.put("threshold", threshold);
		}
		if (condition != null && condition.takesTiers()) {
			List<Tier> tiers = form.tiers() == null ? List.of() : form.tiers();
			if (tiers.isEmpty() || tiers.stream().anyMatch(java.util.Objects::isNull)) {
				errors.add(new FieldError("tiers", "Choose at least one tier"));
			}
			else {
				// in the tiers' own order, each once
				EnumSet<Tier> set = EnumSet.copyOf(tiers);
				parameters.put("tiers", set.stream().map(Enum::name).toList());
			}
		}
		Long templateId = null;
		if (action == ActionKind.START_WORKFLOW) {
			if (form.templateId() == null) {
				errors.add(new FieldError("templateId", "Choose the workflow the rule starts"));
			}
			else {
				TemplateSummary template = templates.list()
					.stream()
					.filter(t -> t.id() == form.templateId())
					.findFirst()
					.orElse(null);
				if (template == null) {
					errors.add(new FieldError("templateId", "There is no workflow template " + form.templateId()));
				}
				else if (template.archived() && (before == null || !form.templateId().equals(before.templateId()))) {
					errors
						.add(new FieldError("templateId", template.name() + " is archived; choose a template in use"));
				}
				else {
					templateId = template.id();
				}
			}
		}
		OwnerKind ownerKind = form.ownerKind() == null ? OwnerKind.ACCOUNT_MANAGER : form.ownerKind();
		Long ownerUserId = null;
		if (action == ActionKind.START_WORKFLOW && ownerKind == OwnerKind.USER) {
			if (form.ownerUserId() == null) {
				errors.add(new FieldError("ownerUserId", "Choose the person who owns the runs"));
			}
			else {
				UserSummary owner = users.find(form.ownerUserId()).orElse(null);
				if (owner == null || !owner.enabled()) {
					errors.add(new FieldError("ownerUserId", "There is no active user " + form.ownerUserId()));
				}
				else if (owner.role() == Role.RECRUITER) {
					errors.add(new FieldError("ownerUserId", owner.fullName()
							+ " is a recruiter and does not see every account; choose someone who does"));
				}
				else {
					ownerUserId = owner.id();
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Checked(name, parameters, action, templateId,
				action == ActionKind.SMS_ALERT ? OwnerKind.ACCOUNT_MANAGER : ownerKind, ownerUserId,
				form.enabled() == null || form.enabled());
	}

	/** The templates a rule may start: those in use, by name. */
	@Transactional(readOnly = true)
	public List<TemplateSummary> templateChoices() {
		return templates.list().stream().filter(t -> !t.archived()).toList();
	}

	/** The people who may own a rule's runs: active users who see every account. */
	@Transactional(readOnly = true)
	public List<UserSummary> ownerChoices() {
		return users.all().stream().filter(u -> u.enabled() && u.role() != Role.RECRUITER).toList();
	}

}
