package io.intime.workflows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.BaseUrl;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.ClientEmail;
import io.intime.notifications.ClientMail;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.Today;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;
import io.intime.tasks.TaskStatus;
import io.intime.tasks.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves runs along their template: activates a step (its assignee from the run's roles, a
 * task in My tasks for a person of the firm, a link by email for a client, the approvers
 * of an approval, the signers of an e-signature, the scheduler for an automated step),
 * completes it and finds the next one (the decision's option, the step's {@code next}, or
 * the following step), returns the run to an earlier step on a rejection, and finishes
 * the run. Every state is a row, so a restart loses nothing: an automated step waiting in
 * the scheduler runs on whichever node is up.
 */
@Component
class WorkflowEngine {

	private static final Logger log = LoggerFactory.getLogger(WorkflowEngine.class);

	static final String AUTOMATED_TASK = "workflows.automated";

	static final String TASK_RECORD = "workflow_step";

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Today time;

	private final WorkflowTemplates templates;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final TaskManagement tasks;

	private final ClientLinks links;

	private final ClientMail mail;

	private final Notifications notifications;

	private final BaseUrl baseUrl;

	/** Lazily: the handlers (e-signatures) call the engine back. */
	private final ObjectProvider<StepHandler> handlers;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final OneTimeTask<Long> automatedTask;

	private final TransactionTemplate transaction;

	private final int maxAttempts;

	private final Duration retryDelay;

	WorkflowEngine(JdbcClient jdbc, JsonMapper json, Today time, WorkflowTemplates templates,
			AccountManagement accounts, ContactManagement contacts, UserDirectory users, TaskManagement tasks,
			ClientLinks links, ClientMail mail, Notifications notifications, BaseUrl baseUrl,
			ObjectProvider<StepHandler> handlers, ObjectProvider<SchedulerClient> scheduler,
			OneTimeTask<Long> workflowAutomatedTask, PlatformTransactionManager transactions,
			@Value("${intime.workflows.max-attempts:3}") int maxAttempts,
			@Value("${intime.workflows.retry-delay:30s}") Duration retryDelay) {
		this.jdbc = jdbc;
		this.json = json;
		this.time = time;
		this.templates = templates;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
		this.tasks = tasks;
		this.links = links;
		this.mail = mail;
		this.notifications = notifications;
		this.baseUrl = baseUrl;
		this.handlers = handlers;
		this.scheduler = scheduler;
		this.automatedTask = workflowAutomatedTask;
		this.transaction = new TransactionTemplate(transactions);
		this.maxAttempts = maxAttempts;
		this.retryDelay = retryDelay;
	}

	/** The scheduler's task that runs one automated step (by the step's id). */
	@Configuration(proxyBeanMethods = false)
	static class AutomatedStepTask {

		@Bean
		OneTimeTask<Long> workflowAutomatedTask(ObjectProvider<WorkflowEngine> engine) {
			return Tasks.oneTime(AUTOMATED_TASK, Long.class)
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> engine.getObject().executeAutomated(instance.getData()));
		}

	}

	// ------------------------------------------------------------------ rows

	record RunRow(long id, long templateVersionId, long accountId, Long contractId, Long qbrId, Long renewalId,
			Long invoiceId, String title, RunStatus status, Long ownerId, long version) {
	}

	record StepRow(long id, long runId, String key, int position, StepStatus status, Long assigneeUserId,
			Long assigneeContactId, Long taskId, int attempts, Map<String, Object> data, Instant dueAt, long version) {
	}

	static final String RUN_COLUMNS = """
			id, template_version_id, account_id, contract_id, qbr_id, renewal_id, invoice_id, title, status, owner_id,
			version""";

	static final String STEP_COLUMNS = """
			id, run_id, step_key, position, status, assignee_user_id, assignee_contact_id, task_id, attempts,
			data::text, due_at, version""";

	static RunRow run(ResultSet rs, int n) throws SQLException {
		return new RunRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), nullableLong(rs, 4), nullableLong(rs, 5),
				nullableLong(rs, 6), nullableLong(rs, 7), rs.getString(8), RunStatus.valueOf(rs.getString(9)),
				nullableLong(rs, 10), rs.getLong(11));
	}

	StepRow step(ResultSet rs, int n) throws SQLException {
		Timestamp due = rs.getTimestamp(11);
		return new StepRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
				StepStatus.valueOf(rs.getString(5)), nullableLong(rs, 6), nullableLong(rs, 7), nullableLong(rs, 8),
				rs.getInt(9), json.readValue(rs.getString(10), MAP), due == null ? null : due.toInstant(),
				rs.getLong(12));
	}

	static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	RunRow loadRun(long runId) {
		return jdbc.sql("select " + RUN_COLUMNS + " from workflow_run where id = ?")
			.param(runId)
			.query(WorkflowEngine::run)
			.optional()
			.orElseThrow(() -> new NotFoundException("workflow run", runId));
	}

	StepRow loadStep(long stepId) {
		return jdbc.sql("select " + STEP_COLUMNS + " from workflow_step where id = ?")
			.param(stepId)
			.query(this::step)
			.optional()
			.orElseThrow(() -> new NotFoundException("workflow step", stepId));
	}

	List<StepRow> steps(long runId) {
		return jdbc.sql("select " + STEP_COLUMNS + " from workflow_step where run_id = ? order by position")
			.param(runId)
			.query(this::step)
			.list();
	}

	TemplateDefinition definition(RunRow run) {
		return templates.definition(run.templateVersionId());
	}

	StepDef def(RunRow run, StepRow step) {
		return definition(run).step(step.key())
			.orElseThrow(() -> new IllegalStateException("Step " + step.key() + " is not in its template version"));
	}

	// ------------------------------------------------------------------ starting

	/** Writes the run, its roles and its steps, and activates the first step. */
	long start(StartRun request, long templateVersionId, String title, long ownerId, String startedBy) {
		TemplateDefinition definition = templates.definition(templateVersionId);
		Instant now = time.now();
		long runId = jdbc
			.sql("""
					insert into workflow_run (template_version_id, account_id, contract_id, qbr_id, renewal_id, invoice_id,
					  title, owner_id, started_at, started_by, updated_at)
					values (:v, :account, :contract, :qbr, :renewal, :invoice, :title, :owner, :at, :by, :at) returning id""")
			.param("v", templateVersionId)
			.param("account", request.accountId())
			.param("contract", request.contractId())
			.param("qbr", request.qbrId())
			.param("renewal", request.renewalId())
			.param("invoice", request.invoiceId())
			.param("title", title)
			.param("owner", ownerId)
			.param("at", Timestamp.from(now))
			.param("by", startedBy)
			.query(Long.class)
			.single();
		bindRoles(runId, definition, request, ownerId);
		int position = 0;
		for (StepDef step : definition.steps()) {
			jdbc.sql("insert into workflow_step (run_id, step_key, position) values (?, ?, ?)")
				.params(runId, step.key(), position++)
				.update();
		}
		event(runId, null, "STARTED", startedBy, "Started " + title);
		RunRow run = loadRun(runId);
		activate(run, steps(runId).get(0));
		return runId;
	}

	/** Who plays each role: the request's choice, else the role's default. */
	private void bindRoles(long runId, TemplateDefinition definition, StartRun request, long ownerId) {
		var stewards = accounts.stewards(List.of(request.accountId())).get(request.accountId());
		List<ContactView> accountContacts = null;
		for (RoleDef role : definition.roles()) {
			Long userId = null;
			Long contactId = null;
			if (role.client()) {
				contactId = request.contacts().get(role.key());
				if (contactId == null) {
					if (accountContacts == null) {
						accountContacts = contacts.forAccount(request.accountId(), SYSTEM);
					}
					contactId = defaultContact(accountContacts, role.binding());
				}
			}
			else {
				userId = request.users().get(role.key());
				if (userId == null) {
					String binding = role.binding() == null ? "ACCOUNT_MANAGER" : role.binding();
					userId = switch (binding) {
						case "ACCOUNT_MANAGER" -> stewards == null ? null : stewards.ownerId();
						case "EXECUTIVE_SPONSOR" -> stewards == null || stewards.executiveSponsorId() == null ? ownerId
								: stewards.executiveSponsorId();
						case "RUN_OWNER" -> ownerId;
						default -> firstUserWithRole(binding);
					};
				}
				if (userId == null) {
					userId = ownerId;
				}
			}
			jdbc.sql("insert into workflow_run_role (run_id, role_key, user_id, contact_id) values (?, ?, ?, ?)")
				.params(runId, role.key(), userId, contactId)
				.update();
		}
	}

	private Long firstUserWithRole(String roleName) {
		try {
			Role role = Role.valueOf(roleName);
			return users.withRoles(role)
				.stream()
				.filter(UserSummary::enabled)
				.map(UserSummary::id)
				.sorted()
				.findFirst()
				.orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Long defaultContact(List<ContactView> contacts, String stakeholderRole) {
		List<ContactView> active = contacts.stream()
			.filter(ContactView::active)
			.filter(c -> c.email() != null)
			.sorted((a, b) -> Long.compare(a.id(), b.id()))
			.toList();
		if (stakeholderRole != null) {
			for (ContactView contact : active) {
				if (contact.stakeholderRole() != null && contact.stakeholderRole().name().equals(stakeholderRole)) {
					return contact.id();
				}
			}
		}
		return active.isEmpty() ? null : active.get(0).id();
	}

	Map<String, Long> roleUsers(long runId) {
		Map<String, Long> map = new HashMap<>();
		jdbc.sql("select role_key, user_id from workflow_run_role where run_id = ? and user_id is not null")
			.param(runId)
			.query((rs, n) -> map.put(rs.getString(1), rs.getLong(2)))
			.list();
		return map;
	}

	Map<String, Long> roleContacts(long runId) {
		Map<String, Long> map = new HashMap<>();
		jdbc.sql("select role_key, contact_id from workflow_run_role where run_id = ? and contact_id is not null")
			.param(runId)
			.query((rs, n) -> map.put(rs.getString(1), rs.getLong(2)))
			.list();
		return map;
	}

	/**
	 * The system acting where a service asks for a user (reading an account's contacts).
	 */
	static final CurrentUser SYSTEM = new CurrentUser(0, "system", "InTime", Role.ADMIN, ZoneOffset.UTC);

	// ------------------------------------------------------------------ activating

	/** Makes the step the run's current one and tells whoever must act. */
	void activate(RunRow run, StepRow step) {
		StepDef def = def(run, step);
		TemplateDefinition definition = definition(run);
		Instant now = time.now();
		Instant due = def.dueDays() > 0 ? now.plus(def.dueDays(), ChronoUnit.DAYS) : null;
		Long userId = null;
		Long contactId = null;
		boolean client = false;
		if (def.type() != StepType.AUTOMATED && def.approverRoles().isEmpty() && def.signers().isEmpty()) {
			RoleDef role = definition.role(def.role()).orElseThrow();
			client = role.client();
			if (client) {
				contactId = roleContacts(run.id()).get(role.key());
			}
			else {
				userId = roleUsers(run.id()).get(role.key());
			}
		}
		StepRow active = jdbc.sql("""
				update workflow_step set status = 'ACTIVE', activated_at = :at, due_at = :due, completed_at = null,
				  assignee_user_id = :user, assignee_contact_id = :contact, attempts = 0, error = null,
				  reminded_at = null, overdue_notified_at = null, task_id = null, version = version + 1
				where id = :id
				returning""" + " " + STEP_COLUMNS)
			.param("at", Timestamp.from(now))
			.param("due", due == null ? null : Timestamp.from(due))
			.param("user", userId)
			.param("contact", contactId)
			.param("id", step.id())
			.query(this::step)
			.single();
		switch (def.type()) {
			case AUTOMATED -> {
				event(run.id(), step.key(), "ACTIVATED", null, def.name() + ": running");
				scheduleAutomated(active, now);
			}
			case APPROVAL -> activateApproval(run, active, def);
			case ESIGN -> activateSignature(run, active, def);
			default -> {
				if (client) {
					if (contactId == null) {
						event(run.id(), step.key(), "WAITING", null, def.name() + ": no contact of the account plays "
								+ roleName(definition, def.role()) + "; choose one on the run's page");
					}
					else {
						sendLink(run, active, def, contactId, false);
					}
				}
				else {
					String who = userName(userId);
					event(run.id(), step.key(), "ACTIVATED", null, def.name() + ": assigned to " + who);
					if (userId != null) {
						createTask(run, active, def, userId, due);
					}
				}
			}
		}
	}

	private static String roleName(TemplateDefinition definition, String roleKey) {
		return definition.role(roleKey).map(RoleDef::name).orElse(roleKey);
	}

	private String userName(Long userId) {
		return userId == null ? "nobody" : users.find(userId).map(UserSummary::fullName).orElse("user " + userId);
	}

	private Long createTask(RunRow run, StepRow step, StepDef def, long assigneeId, Instant due) {
		UserSummary assignee = users.find(assigneeId).orElse(null);
		if (assignee == null) {
			return null;
		}
		ZoneId zone = ZoneId.of(assignee.timeZone());
		CurrentUser creator = asUser(run.ownerId() != null ? run.ownerId() : assigneeId);
		String verb = switch (def.type()) {
			case APPROVAL -> "Approve: ";
			case FORM -> "Fill in: ";
			case FILE_REQUEST -> "Upload: ";
			case DECISION -> "Decide: ";
			default -> "";
		};
		TaskForm form = new TaskForm(truncate(verb + def.name() + " (" + run.title() + ")", 200),
				def.instructions() + "\n\nOpen the step: " + baseUrl.link(stepPath(run.id(), step.key())), assigneeId,
				run.accountId(), TASK_RECORD, step.id(),
				due == null ? time.now(zone).toLocalDate().plusDays(1) : due.atZone(zone).toLocalDate(), null, 0,
				TaskPriority.NORMAL, null);
		// A task is a convenience in My tasks: when the assignee may not see the account,
		// or
		// the creator may not create tasks there, the step is still on the run's page and
		// in
		// the assignee's workflow list. Checked first: a refused create would spoil the
		// transaction of the step.
		AccountDetails account = accounts.get(run.accountId(), SYSTEM);
		if (!accounts.mayView(List.of(assigneeId), run.accountId(), false).contains(assigneeId)
				|| !tasks.canCreateAt(account, creator)) {
			log.info("No task for workflow step {} of run {}: the assignee or owner may not have one there", step.key(),
					run.id());
			return null;
		}
		TaskView task = tasks.create(form, creator);
		jdbc.sql("update workflow_step set task_id = ? where id = ?").params(task.id(), step.id()).update();
		return task.id();
	}

	static String stepPath(long runId, String stepKey) {
		return "/workflows/runs/" + runId + "#step-" + stepKey;
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	CurrentUser asUser(long userId) {
		UserSummary user = users.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
		return new CurrentUser(user.id(), user.username(), user.fullName(), user.role(), ZoneId.of(user.timeZone()));
	}

	StepActor asUserActor(long userId) {
		return StepActor.user(asUser(userId));
	}

	/** Emails the contact a fresh link to the step. */
	void sendLink(RunRow run, StepRow step, StepDef def, long contactId, boolean reminder) {
		ContactView contact = contacts.byIds(List.of(contactId)).get(contactId);
		if (contact == null || contact.email() == null) {
			event(run.id(), step.key(), "WAITING", null, def.name() + ": the contact has no email address");
			return;
		}
		String token = links.issue(step.id(), contactId, "system");
		String url = baseUrl.link("/client/" + token);
		UserSummary owner = run.ownerId() == null ? null : users.find(run.ownerId()).orElse(null);
		String fromName = owner == null ? "InTime" : owner.fullName();
		String fromEmail = owner == null || owner.email() == null ? "no-reply@intime.local" : owner.email();
		String subject = (reminder ? "Reminder: " : "") + def.name() + " — " + accountName(run);
		String text = "Dear " + contact.name() + ",\n\n" + def.instructions() + "\n\nPlease open this link:\n" + url
				+ "\n\nThe link is for you only and is valid until "
				+ links.resolve(token).link().expiresAt().atZone(ZoneOffset.UTC).toLocalDate() + ".\n\nKind regards,\n"
				+ fromName;
		mail.send(new ClientEmail(fromName, fromEmail, contact.name(), contact.email(), subject, text, null, null));
		event(run.id(), step.key(), reminder ? "REMINDED" : "ACTIVATED", null,
				def.name() + ": link sent to " + contact.name() + " <" + contact.email() + ">");
	}

	String accountName(RunRow run) {
		var stewards = accounts.stewards(List.of(run.accountId())).get(run.accountId());
		return stewards == null ? "" : stewards.name();
	}

	private void activateApproval(RunRow run, StepRow step, StepDef def) {
		jdbc.sql("delete from workflow_approval where step_id = ?").param(step.id()).update();
		List<String> roles = def.approverRoles().isEmpty() ? List.of(def.role()) : def.approverRoles();
		Map<String, Long> roleUsers = roleUsers(run.id());
		int position = 0;
		List<Long> approvers = new ArrayList<>();
		for (String role : roles) {
			Long approver = roleUsers.get(role);
			jdbc.sql("insert into workflow_approval (step_id, position, approver_id) values (?, ?, ?)")
				.params(step.id(), position++, approver)
				.update();
			approvers.add(approver);
		}
		List<Long> now = def.parallel() ? approvers : approvers.subList(0, 1);
		if (!now.isEmpty() && now.get(0) != null) {
			jdbc.sql("update workflow_step set assignee_user_id = ? where id = ?")
				.params(now.get(0), step.id())
				.update();
		}
		StepDef asTask = def;
		for (Long approver : now) {
			if (approver != null) {
				createTask(run, loadStep(step.id()), asTask, approver, step.dueAt());
			}
		}
		event(run.id(), step.key(), "ACTIVATED", null, def.name() + ": waiting for "
				+ String.join(def.parallel() ? " and " : ", then ", approvers.stream().map(this::userName).toList()));
	}

	/** The task of the approver at {@code position}, in My tasks. */
	void approvalTask(RunRow run, StepRow step, StepDef def, int position) {
		Long approver = jdbc.sql("select approver_id from workflow_approval where step_id = ? and position = ?")
			.params(step.id(), position)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (approver == null) {
			return;
		}
		Long taskId = createTask(run, step, def, approver, step.dueAt());
		jdbc.sql("update workflow_approval set task_id = ? where step_id = ? and position = ?")
			.params(taskId, step.id(), position)
			.update();
	}

	int revokeLinks(long stepId, String by) {
		return links.revoke(stepId, null, by);
	}

	private void activateSignature(RunRow run, StepRow step, StepDef def) {
		jdbc.sql("delete from workflow_signer where step_id = ?").param(step.id()).update();
		List<String> roles = def.signers().isEmpty() ? List.of(def.role()) : def.signers();
		Map<String, Long> roleContacts = roleContacts(run.id());
		int position = 0;
		Long first = null;
		for (String role : roles) {
			Long contact = roleContacts.get(role);
			if (contact == null) {
				continue;
			}
			jdbc.sql("insert into workflow_signer (step_id, position, contact_id) values (?, ?, ?)")
				.params(step.id(), position++, contact)
				.update();
			if (first == null) {
				first = contact;
			}
		}
		StepRow prepared = loadStep(step.id());
		handlers.orderedStream().forEach(handler -> handler.activated(run, prepared, def));
		if (first == null) {
			event(run.id(), step.key(), "WAITING", null, def.name() + ": no signer; choose the client's contact");
			return;
		}
		jdbc.sql("update workflow_step set assignee_contact_id = ? where id = ?").params(first, step.id()).update();
		sendLink(run, loadStep(step.id()), def, first, false);
	}

	// ------------------------------------------------------------------ completing

	/**
	 * Marks the active step done with what the actor gave and moves the run on.
	 * @param nextOverride where to go instead of the step's own next (a decision's
	 * option)
	 * @throws io.intime.shared.StaleVersionException when the step changed since it was
	 * read
	 */
	void complete(RunRow run, StepRow step, Map<String, Object> data, StepActor actor, String nextOverride,
			String detail) {
		Map<String, Object> merged = new LinkedHashMap<>(step.data());
		merged.putAll(data);
		int updated = jdbc
			.sql("""
					update workflow_step set status = 'DONE', completed_at = :at, acted_by = :by, data = cast(:data as jsonb),
					  error = null, version = version + 1
					where id = :id and version = :version and status = 'ACTIVE'""")
			.param("at", Timestamp.from(time.now()))
			.param("by", actor.name())
			.param("data", json.writeValueAsString(merged))
			.param("id", step.id())
			.param("version", step.version())
			.update();
		if (updated == 0) {
			throw new io.intime.shared.StaleVersionException("workflow_step", step.id(), step.version(),
					loadStep(step.id()).version());
		}
		StepDef def = def(run, step);
		event(run.id(), step.key(), "DONE", actor.name(), detail == null ? def.name() + ": done" : detail);
		if (def.type() != StepType.AUTOMATED) {
			// an automated step has no client link and no task to close
			links.markUsed(step.id());
			closeTask(step, actor);
		}
		advance(run, step, def, nextOverride);
	}

	void closeApprovalTask(long approvalId, StepActor actor) {
		jdbc.sql("select task_id from workflow_approval where id = ? and task_id is not null")
			.param(approvalId)
			.query(Long.class)
			.optional()
			.ifPresent(this::completeTask);
	}

	private void completeTask(long id) {
		TaskView task = tasks.get(id, SYSTEM);
		if (task.status() == TaskStatus.OPEN) {
			tasks.complete(id, task.version(), asUser(task.assigneeId()));
		}
	}

	private void closeTask(StepRow step, StepActor actor) {
		Long taskId = jdbc.sql("select task_id from workflow_step where id = ?")
			.param(step.id())
			.query(Long.class)
			.optional()
			.orElse(null);
		List<Long> taskIds = new ArrayList<>();
		if (taskId != null) {
			taskIds.add(taskId);
		}
		taskIds.forEach(this::completeTask);
	}

	/** Finds the step after {@code done} and activates it, or finishes the run. */
	private void advance(RunRow run, StepRow done, StepDef def, String nextOverride) {
		TemplateDefinition definition = definition(run);
		String next = nextOverride != null ? nextOverride : def.next();
		int from = definition.indexOf(done.key());
		int to = next == null ? from + 1
				: StepDef.END.equals(next) ? definition.steps().size() : definition.indexOf(next);
		List<StepRow> all = steps(run.id());
		if (to >= definition.steps().size()) {
			finish(run, all);
			return;
		}
		if (to <= from) {
			// back to an earlier step: it and every step after it are to be done again
			jdbc.sql("""
					update workflow_step set status = 'PENDING', version = version + 1
					where run_id = ? and position >= ? and status <> 'PENDING'""").params(run.id(), to).update();
		}
		else if (to > from + 1) {
			// a branch that jumps ahead: the steps in between are not taken
			jdbc.sql("""
					update workflow_step set status = 'SKIPPED', version = version + 1
					where run_id = ? and position > ? and position < ? and status = 'PENDING'""")
				.params(run.id(), from, to)
				.update();
		}
		StepRow target = steps(run.id()).get(to);
		activate(run, target);
	}

	private void finish(RunRow run, List<StepRow> all) {
		jdbc.sql(
				"update workflow_step set status = 'SKIPPED', version = version + 1 where run_id = ? and status = 'PENDING'")
			.param(run.id())
			.update();
		jdbc.sql(
				"""
						update workflow_run set status = 'COMPLETED', completed_at = :at, updated_at = :at, version = version + 1
						where id = :id and status = 'ACTIVE'""")
			.param("at", Timestamp.from(time.now()))
			.param("id", run.id())
			.update();
		event(run.id(), null, "COMPLETED", null, "Completed");
	}

	/** Sends the run back to an earlier step (an approval's rejection, a "negotiate"). */
	void returnTo(RunRow run, StepRow from, String targetKey, StepActor actor, String detail) {
		TemplateDefinition definition = definition(run);
		int to = targetKey == null ? Math.max(0, definition.indexOf(from.key()) - 1) : definition.indexOf(targetKey);
		event(run.id(), from.key(), "RETURNED", actor.name(), detail);
		closeTask(from, actor);
		links.revoke(from.id(), null, actor.name());
		jdbc.sql("""
				update workflow_step set status = 'PENDING', version = version + 1
				where run_id = ? and position >= ? and status <> 'PENDING'""").params(run.id(), to).update();
		activate(run, steps(run.id()).get(to));
	}

	// ------------------------------------------------------------------ automated steps

	private void scheduleAutomated(StepRow step, Instant at) {
		scheduler.getObject()
			.scheduleIfNotExists(automatedTask.instance("step-" + step.id() + "-v" + step.version(), step.id()), at);
	}

	/** The scheduler's entry: runs the step's action, or records its failure. */
	void executeAutomated(long stepId) {
		try {
			transaction.executeWithoutResult(status -> runAutomated(stepId));
		}
		catch (RuntimeException ex) {
			log.warn("Automated workflow step {} failed: {}", stepId, ex.toString());
			transaction.executeWithoutResult(status -> recordFailure(stepId, ex));
		}
	}

	private void runAutomated(long stepId) {
		StepRow step = jdbc.sql("select " + STEP_COLUMNS + " from workflow_step where id = ? for update")
			.param(stepId)
			.query(this::step)
			.optional()
			.orElse(null);
		if (step == null || step.status() != StepStatus.ACTIVE) {
			return;
		}
		RunRow run = loadRun(step.runId());
		if (run.status() != RunStatus.ACTIVE) {
			return;
		}
		StepDef def = def(run, step);
		WorkflowAction action = templates.action(def.action())
			.orElseThrow(() -> new IllegalStateException("No action " + def.action() + " in this version"));
		ActionContext context = context(run, step);
		ActionResult result = action.run(context);
		for (String line : result.log()) {
			event(run.id(), step.key(), "LOG", null, line);
		}
		for (ActionResult.GeneratedFile file : result.files()) {
			handlers.orderedStream().forEach(handler -> handler.generated(run, step, file));
		}
		if (result.outcome() != null) {
			jdbc.sql("update workflow_run set outcome = ? where id = ?")
				.params(truncate(result.outcome(), 500), run.id())
				.update();
		}
		complete(run, step, result.data(), StepActor.system(), null, null);
	}

	ActionContext context(RunRow run, StepRow step) {
		Map<String, Map<String, Object>> data = new LinkedHashMap<>();
		for (StepRow each : steps(run.id())) {
			data.put(each.key(), each.data());
		}
		CurrentUser owner = run.ownerId() == null ? SYSTEM : asUser(run.ownerId());
		return new ActionContext(run.id(), step.id(), step.key(), run.accountId(), run.contractId(), run.qbrId(),
				run.renewalId(), run.invoiceId(), owner, data, roleUsers(run.id()), roleContacts(run.id()),
				step.attempts() + 1);
	}

	private void recordFailure(long stepId, RuntimeException ex) {
		StepRow step = loadStep(stepId);
		if (step.status() != StepStatus.ACTIVE) {
			return;
		}
		RunRow run = loadRun(step.runId());
		int attempts = step.attempts() + 1;
		String error = truncate(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage(), 2000);
		boolean last = attempts >= maxAttempts;
		jdbc.sql("""
				update workflow_step set attempts = :attempts, error = :error, status = :status, version = version + 1
				where id = :id""")
			.param("attempts", attempts)
			.param("error", error)
			.param("status", last ? "FAILED" : "ACTIVE")
			.param("id", stepId)
			.update();
		StepDef def = def(run, step);
		if (last) {
			event(run.id(), step.key(), "FAILED", null,
					def.name() + " failed after " + attempts + " attempts: " + error + " — resume the run to retry");
			if (run.ownerId() != null) {
				notifications.send(new Notice(WorkflowNotices.STEP_FAILED, run.accountId(), "workflow_run", run.id(),
						"failed-" + step.id() + "-" + step.version(), run.title() + ": " + def.name() + " failed",
						error, "/workflows/runs/" + run.id(), null, java.util.Set.of(run.ownerId()), null));
			}
		}
		else {
			Instant retry = time.now().plus(retryDelay.multipliedBy(attempts));
			event(run.id(), step.key(), "RETRY", null,
					def.name() + " attempt " + attempts + " failed: " + error + " — retrying");
			scheduler.getObject()
				.scheduleIfNotExists(
						automatedTask.instance("step-" + stepId + "-v" + step.version() + "-a" + attempts, stepId),
						retry);
		}
	}

	/** Runs a failed automated step again (its attempts start over). */
	void resume(RunRow run, StepRow step, StepActor actor) {
		int updated = jdbc.sql("""
				update workflow_step set status = 'ACTIVE', attempts = 0, error = null, version = version + 1
				where id = ? and status = 'FAILED'""").param(step.id()).update();
		if (updated == 0) {
			throw new InvalidInputException("step", "has not failed");
		}
		event(run.id(), step.key(), "RESUMED", actor.name(), def(run, step).name() + ": resumed");
		scheduleAutomated(loadStep(step.id()), time.now());
	}

	// ------------------------------------------------------------------ timeline

	void event(long runId, String stepKey, String kind, String actor, String detail) {
		jdbc.sql("""
				insert into workflow_event (run_id, step_key, kind, actor, at, detail)
				values (:run, :step, :kind, :actor, :at, :detail)""")
			.param("run", runId)
			.param("step", stepKey)
			.param("kind", kind)
			.param("actor", actor)
			.param("at", Timestamp.from(time.now()))
			.param("detail", detail == null ? "" : detail)
			.update();
		touch(runId);
	}

	/**
	 * The run's {@code updated_at}, once per transaction however many events it writes
	 * (an automated step writes three or more): just before the commit.
	 */
	private void touch(long runId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			touchNow(List.of(runId));
			return;
		}
		RunsTouched touched = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter(RunsTouched.class::isInstance)
			.map(RunsTouched.class::cast)
			.findFirst()
			.orElseGet(() -> {
				RunsTouched added = new RunsTouched();
				TransactionSynchronizationManager.registerSynchronization(added);
				return added;
			});
		touched.runIds.add(runId);
	}

	private void touchNow(Collection<Long> runIds) {
		jdbc.sql("update workflow_run set updated_at = ? where id = any(?)")
			.params(Timestamp.from(time.now()), runIds.toArray(Long[]::new))
			.update();
	}

	/** The runs a transaction wrote events of, touched before it commits. */
	private final class RunsTouched implements TransactionSynchronization {

		final Set<Long> runIds = new LinkedHashSet<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			touchNow(runIds);
		}

	}

	Optional<StepRow> activeStep(long runId) {
		return steps(runId).stream().filter(s -> s.status() == StepStatus.ACTIVE).findFirst();
	}

}
