package io.intime.workflows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.workflows.RunView.EventView;
import io.intime.workflows.RunView.StepView;
import io.intime.workflows.WorkflowEngine.RunRow;
import io.intime.workflows.WorkflowEngine.StepRow;
import io.intime.workflows.WorkflowTemplates.TemplateSummary;
import io.intime.workflows.files.StoredFile;
import io.intime.workflows.files.WorkflowFiles;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs of workflow templates: starting one on an account, reading it with its steps and
 * timeline, and what people of the firm do on its steps (fill in a form, finish a to-do,
 * approve or reject, decide, acknowledge). Who may see a run is who may see its account,
 * narrowed by {@link RunRules}; who may act on a step is its assignee (the run's owner
 * too, for forms and to-dos; never someone else for an approval). Every action is checked
 * against the step's version in the write itself.
 */
@Service
@Transactional
public class WorkflowRuns {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Today time;

	private final WorkflowEngine engine;

	private final WorkflowTemplates templates;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final WorkflowFiles files;

	private final org.springframework.beans.factory.ObjectProvider<ESignatures> signatures;

	private final org.springframework.beans.factory.ObjectProvider<ExternalActions> audit;

	WorkflowRuns(JdbcClient jdbc, JsonMapper json, Today time, WorkflowEngine engine, WorkflowTemplates templates,
			AccountManagement accounts, ContactManagement contacts, UserDirectory users, WorkflowFiles files,
			org.springframework.beans.factory.ObjectProvider<ESignatures> signatures,
			org.springframework.beans.factory.ObjectProvider<ExternalActions> audit) {
		this.files = files;
		this.signatures = signatures;
		this.audit = audit;
		this.jdbc = jdbc;
		this.json = json;
		this.time = time;
		this.engine = engine;
		this.templates = templates;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
	}

	// ------------------------------------------------------------------ starting

	/**
	 * A person starts a run.
	 * @throws AccessDeniedException when the user may not start runs on the account
	 * @throws InvalidInputException for an unknown or archived template
	 */
	public RunView start(StartRun request, CurrentUser user) {
		AccountDetails account = accounts.get(request.accountId(), user);
		if (!RunRules.mayStart(user, account.access().edit()) || !RunRules.mayRead(user, request.invoiceId())) {
			throw new AccessDeniedException("You may not start workflows on this account");
		}
		long id = start(request, account.name(), account.ownerId(), user.id(), user.username());
		return get(id, user);
	}

	/**
	 * The system starts a run (a rule, an event): its owner is the request's or the
	 * account's manager.
	 */
	public RunView startBySystem(StartRun request) {
		var stewards = accounts.stewards(List.of(request.accountId())).get(request.accountId());
		if (stewards == null) {
			throw new NotFoundException("account", request.accountId());
		}
		long id = start(request, stewards.name(), stewards.ownerId(), null, "system");
		return view(id);
	}

	private long start(StartRun request, String accountName, Long accountOwnerId, Long starterId, String startedBy) {
		TemplateSummary template = request.templateKey() != null
				? templates.byKey(request.templateKey())
					.orElseThrow(() -> new InvalidInputException("template", "unknown: " + request.templateKey()))
				: templates.get(request.templateId());
		if (template.archived()) {
			throw new InvalidInputException("template", "is archived: " + template.name());
		}
		Long ownerId = request.ownerId() != null ? request.ownerId()
				: accountOwnerId != null ? accountOwnerId : starterId;
		if (ownerId == null) {
			throw new InvalidInputException("ownerId", "the account has no manager: name the run's owner");
		}
		String title = request.title() != null && !request.title().isBlank() ? request.title().strip()
				: template.name() + " — " + accountName;
		return engine.start(request, template.currentVersionId(), title, ownerId, startedBy);
	}

	// ------------------------------------------------------------------ reading

	@Transactional(readOnly = true)
	public RunView get(long runId, CurrentUser user) {
		RunRow run = engine.loadRun(runId);
		requireReader(run, user);
		return view(runId);
	}

	/**
	 * Whether the user may see the run (its account, and the run by {@link RunRules}).
	 */
	@Transactional(readOnly = true)
	public boolean mayRead(long runId, CurrentUser user) {
		try {
			requireReader(engine.loadRun(runId), user);
			return true;
		}
		catch (AccessDeniedException | NotFoundException ex) {
			return false;
		}
	}

	/** The run a step belongs to, as the user may see it. */
	@Transactional(readOnly = true)
	public RunView runOfStep(long stepId, CurrentUser user) {
		return get(engine.loadStep(stepId).runId(), user);
	}

	/**
	 * Whether the user manages the run (cancels, resumes, chooses contacts, sends links).
	 */
	public boolean mayManage(RunView run, CurrentUser user) {
		return RunRules.mayManage(user, run.ownerId());
	}

	private void requireReader(RunRow run, CurrentUser user) {
		accounts.get(run.accountId(), user);
		if (!RunRules.mayRead(user, run.invoiceId())) {
			throw new AccessDeniedException("Your role does not see this workflow");
		}
	}

	/** A run in a list. */
	public record RunSummary(long id, long accountId, String accountName, String templateName, String title,
			RunStatus status, String currentStep, int finished, int steps, Instant dueAt, boolean overdue,
			String ownerName, Instant startedAt, Instant completedAt, String outcome) {

		public int percent() {
			return steps == 0 ? 0 : Math.round(100f * finished / steps);
		}

	}

	/** The runs of an account, newest first, as the user may see them. */
	@Transactional(readOnly = true)
	public List<RunSummary> ofAccount(long accountId, CurrentUser user) {
		accounts.get(accountId, user);
		return summaries("r.account_id = :account", Map.of("account", accountId), user, 200);
	}

	/**
	 * Runs the user may see, newest first: of the accounts they see, or, for
	 * {@code mine}, the runs they own or have a step to act on.
	 */
	@Transactional(readOnly = true)
	public List<RunSummary> list(CurrentUser user, boolean activeOnly, boolean mine) {
		String where = (activeOnly ? "r.status = 'ACTIVE'" : "true")
				+ (mine ? " and (r.owner_id = :me or exists (select 1 from workflow_step s2 where s2.run_id = r.id"
						+ " and s2.status = 'ACTIVE' and s2.assignee_user_id = :me))" : "");
		Map<String, Object> params = new HashMap<>();
		if (mine) {
			params.put("me", user.id());
		}
		return summaries(where, params, user, 500);
	}

	private List<RunSummary> summaries(String where, Map<String, Object> params, CurrentUser user, int limit) {
		if (!RunRules.mayRead(user, null) && !RunRules.mayRead(user, 1L)) {
			return List.of();
		}
		var sql = jdbc
			.sql("""
					select r.id, r.account_id, a.name, t.name, r.title, r.status,
					       (select s.step_key from workflow_step s where s.run_id = r.id and s.status in ('ACTIVE', 'FAILED', 'DECLINED')
					        order by s.position limit 1) current_step,
					       (select count(*) from workflow_step s where s.run_id = r.id and s.status in ('DONE', 'SKIPPED')) finished,
					       (select count(*) from workflow_step s where s.run_id = r.id) steps,
					       (select min(s.due_at) from workflow_step s where s.run_id = r.id and s.status = 'ACTIVE') due_at,
					       u.full_name, r.started_at, r.completed_at, r.outcome, r.template_version_id, r.invoice_id
					from workflow_run r
					join account a on a.id = r.account_id
					join workflow_template_version v on v.id = r.template_version_id
					join workflow_template t on t.id = v.template_id
					left join app_user u on u.id = r.owner_id
					where """
					+ " " + where + " order by r.started_at desc, r.id desc limit " + limit);
		for (var param : params.entrySet()) {
			sql = sql.param(param.getKey(), param.getValue());
		}
		Instant now = time.now();
		record Row(RunSummary summary, long templateVersionId, Long invoiceId) {
		}
		List<Row> rows = sql.query((rs, n) -> {
			Timestamp due = rs.getTimestamp(10);
			Timestamp completed = rs.getTimestamp(13);
			RunStatus status = RunStatus.valueOf(rs.getString(6));
			return new Row(new RunSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), status, rs.getString(7), rs.getInt(8), rs.getInt(9),
					due == null ? null : due.toInstant(), due != null && due.toInstant().isBefore(now),
					rs.getString(11), rs.getTimestamp(12).toInstant(), completed == null ? null : completed.toInstant(),
					rs.getString(14)), rs.getLong(15), WorkflowEngine.nullableLong(rs, 16));
		}).list();
		Set<Long> accountIds = new HashSet<>();
		rows.forEach(r -> accountIds.add(r.summary().accountId()));
		Set<Long> visible = visibleAccounts(accountIds, user);
		List<RunSummary> result = new ArrayList<>();
		for (Row row : rows) {
			if (!visible.contains(row.summary().accountId()) || !RunRules.mayRead(user, row.invoiceId())) {
				continue;
			}
			RunSummary s = row.summary();
			String current = s.currentStep() == null ? null
					: templates.definition(row.templateVersionId())
						.step(s.currentStep())
						.map(StepDef::name)
						.orElse(s.currentStep());
			result.add(new RunSummary(s.id(), s.accountId(), s.accountName(), s.templateName(), s.title(), s.status(),
					current, s.finished(), s.steps(), s.dueAt(), s.overdue(), s.ownerName(), s.startedAt(),
					s.completedAt(), s.outcome()));
		}
		return result;
	}

	private Set<Long> visibleAccounts(Set<Long> accountIds, CurrentUser user) {
		if (accountIds.isEmpty()) {
			return Set.of();
		}
		if (user.seesEverything()) {
			return accountIds;
		}
		Map<Long, Map<Long, Boolean>> each = accounts.mayViewEach(new ArrayList<>(accountIds), List.of(user.id()));
		Set<Long> visible = new HashSet<>();
		each.forEach((accountId, byUser) -> {
			if (Boolean.TRUE.equals(byUser.get(user.id()))) {
				visible.add(accountId);
			}
		});
		return visible;
	}

	/** The run with its steps and timeline (no permission check: callers check). */
	RunView view(long runId) {
		RunRow run = engine.loadRun(runId);
		TemplateDefinition definition = engine.definition(run);
		List<StepRow> rows = engine.steps(runId);
		Set<Long> userIds = new HashSet<>();
		Set<Long> contactIds = new HashSet<>();
		if (run.ownerId() != null) {
			userIds.add(run.ownerId());
		}
		for (StepRow row : rows) {
			if (row.assigneeUserId() != null) {
				userIds.add(row.assigneeUserId());
			}
			if (row.assigneeContactId() != null) {
				contactIds.add(row.assigneeContactId());
			}
		}
		Map<Long, UserSummary> userMap = users.findAll(userIds);
		Map<Long, ContactView> contactMap = contacts.byIds(contactIds);
		var extra = jdbc.sql("""
				select r.started_at, r.completed_at, r.outcome, a.name, v.number, v.template_id, t.name,
				       a.billing_currency
				from workflow_run r join account a on a.id = r.account_id
				join workflow_template_version v on v.id = r.template_version_id
				join workflow_template t on t.id = v.template_id where r.id = ?""")
			.param(runId)
			.query((rs,
					n) -> new Object[] { rs.getTimestamp(1).toInstant(),
							rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getString(3),
							rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getString(7), rs.getString(8) })
			.single();
		Map<Long, Instant[]> times = new HashMap<>();
		Map<Long, String[]> actors = new HashMap<>();
		jdbc.sql("select id, activated_at, completed_at, acted_by, error from workflow_step where run_id = ?")
			.param(runId)
			.query((rs, n) -> {
				times.put(rs.getLong(1),
						new Instant[] { rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
								rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant() });
				actors.put(rs.getLong(1), new String[] { rs.getString(4), rs.getString(5) });
				return null;
			})
			.list();
		List<StepView> steps = new ArrayList<>();
		for (StepRow row : rows) {
			StepDef def = definition.step(row.key()).orElseThrow();
			boolean client = def.type() == StepType.ESIGN
					|| (def.role() != null && definition.role(def.role()).map(RoleDef::client).orElse(false));
			String assignee = row.assigneeUserId() != null
					? nameOf(userMap.get(row.assigneeUserId()), "user " + row.assigneeUserId())
					: row.assigneeContactId() != null ? contactName(contactMap.get(row.assigneeContactId()))
							: def.type() == StepType.AUTOMATED ? null
									: definition.role(def.role()).map(RoleDef::name).orElse(null);
			Instant[] at = times.get(row.id());
			String[] by = actors.get(row.id());
			steps.add(new StepView(row.id(), row.key(), row.position(), def.name(), def.type(), row.status(), assignee,
					row.assigneeUserId(), row.assigneeContactId(), client, at[0], row.dueAt(), at[1], by[0], row.data(),
					row.attempts(), by[1], row.version()));
		}
		List<EventView> events = jdbc
			.sql("select id, step_key, kind, actor, at, detail from workflow_event where run_id = ? order by id")
			.param(runId)
			.query((rs, n) -> new EventView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.list();
		UserSummary owner = run.ownerId() == null ? null : userMap.get(run.ownerId());
		return new RunView(run.id(), run.accountId(), (String) extra[3], (String) extra[7], (Long) extra[5],
				(String) extra[6], (Integer) extra[4], run.title(), run.status(), run.ownerId(),
				owner == null ? null : owner.fullName(), run.contractId(), run.qbrId(), run.renewalId(),
				run.invoiceId(), (Instant) extra[0], (Instant) extra[1], (String) extra[2], run.version(), steps,
				events);
	}

	private static String nameOf(UserSummary user, String fallback) {
		return user == null ? fallback : user.fullName();
	}

	private static String contactName(ContactView contact) {
		return contact == null ? null : contact.name();
	}

	/** The template definition a run follows (its version's). */
	@Transactional(readOnly = true)
	public TemplateDefinition definitionOf(long runId) {
		return engine.definition(engine.loadRun(runId));
	}

	/**
	 * The data every step of the run gave, by step key (for modules acting on a run's
	 * outcome).
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Object>> data(long runId) {
		Map<String, Map<String, Object>> data = new LinkedHashMap<>();
		for (StepRow step : engine.steps(runId)) {
			data.put(step.key(), step.data());
		}
		return data;
	}

	// ------------------------------------------------------------------ acting (people
	// of the firm)

	/** What the user may do on a step, for pages to offer it. */
	public record StepActions(boolean act, boolean manage) {
	}

	@Transactional(readOnly = true)
	public StepActions actions(RunView run, StepView step, CurrentUser user) {
		boolean manage = RunRules.mayManage(user, run.ownerId());
		if (run.status() != RunStatus.ACTIVE || step.status() != StepStatus.ACTIVE || step.client()) {
			return new StepActions(false, manage);
		}
		StepDef def = definitionOf(run.id()).step(step.key()).orElseThrow();
		return new StepActions(mayAct(engine.loadRun(run.id()), engine.loadStep(step.id()), def, user), manage);
	}

	private boolean mayAct(RunRow run, StepRow step, StepDef def, CurrentUser user) {
		if (def.type() == StepType.AUTOMATED || def.type() == StepType.ESIGN) {
			return false;
		}
		if (def.type() == StepType.APPROVAL) {
			return pendingApproval(step, def, user) != null;
		}
		boolean assignee = step.assigneeUserId() != null && step.assigneeUserId() == user.id();
		boolean client = engine.definition(run).role(def.role()).map(RoleDef::client).orElse(false);
		return !client && (assignee || RunRules.mayManage(user, run.ownerId()));
	}

	private StepRow actionable(long stepId, long expectedVersion, CurrentUser user, StepType... types) {
		StepRow step = engine.loadStep(stepId);
		RunRow run = engine.loadRun(step.runId());
		requireReader(run, user);
		StepDef def = engine.def(run, step);
		if (run.status() != RunStatus.ACTIVE || step.status() != StepStatus.ACTIVE) {
			throw new StaleVersionException("workflow_step", stepId, expectedVersion, step.version());
		}
		if (step.version() != expectedVersion) {
			throw new StaleVersionException("workflow_step", stepId, expectedVersion, step.version());
		}
		if (!List.of(types).contains(def.type())) {
			throw new InvalidInputException("step", "is a " + def.type().label() + " step");
		}
		if (!mayAct(run, step, def, user)) {
			throw new AccessDeniedException("This step is not yours to act on");
		}
		return step;
	}

	/**
	 * Gives an internal File Request its files (at least one) and finishes it.
	 * @throws InvalidInputException on field {@code file}
	 */
	public RunView upload(long stepId, List<ClientParticipation.Upload> uploads, long expectedVersion,
			CurrentUser user) {
		StepRow step = actionable(stepId, expectedVersion, user, StepType.FILE_REQUEST);
		RunRow run = engine.loadRun(step.runId());
		StepDef def = engine.def(run, step);
		List<ClientParticipation.Upload> given = uploads.stream()
			.filter(u -> u.content() != null && u.content().length > 0)
			.toList();
		if (given.isEmpty()) {
			throw new InvalidInputException("file", "choose at least one file");
		}
		var rules = files.rules(def.allowedTypes(), def.maxBytes());
		List<String> names = new ArrayList<>();
		for (ClientParticipation.Upload upload : given) {
			names.add(
					files
						.store(run.id(), step.id(), StoredFile.UPLOAD, upload.filename(), upload.content(),
								user.fullName(), rules)
						.filename());
		}
		engine.complete(run, step, Map.of("files", names), StepActor.user(user), null,
				def.name() + ": " + String.join(", ", names));
		return view(run.id());
	}

	/** A run's files by step id, for its page. */
	@Transactional(readOnly = true)
	public Map<Long, List<StoredFile>> files(RunView run) {
		return files.ofSteps(run.steps().stream().map(StepView::id).toList());
	}

	/** An E-Sign step's signers, for the run's page. */
	@Transactional(readOnly = true)
	public List<ESignatures.Signer> signers(long stepId) {
		return signatures.getObject().signers(stepId);
	}

	/**
	 * A file of a run the user may see; opening it counts as opened (an internal
	 * acknowledgement may require it).
	 */
	public ClientParticipation.FileContent file(long fileId, CurrentUser user) {
		StoredFile file = files.get(fileId);
		requireReader(engine.loadRun(file.runId()), user);
		files.recordOpened(fileId, null, user.id());
		return new ClientParticipation.FileContent(file.filename(), file.contentType(), files.read(fileId));
	}

	/** Fills in a Form step (or finishes a To-Do, whose form may be empty). */
	public RunView submit(long stepId, Map<String, String> values, long expectedVersion, CurrentUser user) {
		StepRow step = actionable(stepId, expectedVersion, user, StepType.FORM, StepType.TODO,
				StepType.ACKNOWLEDGEMENT);
		RunRow run = engine.loadRun(step.runId());
		StepDef def = engine.def(run, step);
		Map<String, Object> data = FormValues.read(def.fields(), values);
		if (def.type() == StepType.ACKNOWLEDGEMENT) {
			audit.getObject().checkOpened(run, def, null, user.id());
		}
		engine.complete(run, step, data, StepActor.user(user), null, null);
		return view(run.id());
	}

	/** Decides a Decision step: the option leads where the template says. */
	public RunView decide(long stepId, String option, Map<String, String> values, long expectedVersion,
			CurrentUser user) {
		StepRow step = actionable(stepId, expectedVersion, user, StepType.DECISION);
		return decide(step, option, values, StepActor.user(user));
	}

	RunView decide(StepRow step, String option, Map<String, String> values, StepActor actor) {
		RunRow run = engine.loadRun(step.runId());
		StepDef def = engine.def(run, step);
		DecisionOption chosen = def.options()
			.stream()
			.filter(o -> o.key().equals(option))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("option", "choose one of the options"));
		Map<String, Object> data = new LinkedHashMap<>(FormValues.read(def.fields(), values));
		data.put("option", chosen.key());
		data.put("optionLabel", chosen.label());
		engine.complete(run, step, data, actor, chosen.next(), def.name() + ": " + chosen.label());
		return view(run.id());
	}

	/**
	 * Approves or rejects an Approval step as one of its approvers. A rejection returns
	 * the run to the step the template names; an approval by the last (or, in parallel,
	 * every) approver completes the step.
	 */
	public RunView approve(long stepId, boolean approve, String comment, Map<String, String> values,
			long expectedVersion, CurrentUser user) {
		StepRow step = actionable(stepId, expectedVersion, user, StepType.APPROVAL);
		RunRow run = engine.loadRun(step.runId());
		StepDef def = engine.def(run, step);
		Long approvalId = pendingApproval(step, def, user);
		String note = comment == null ? "" : comment.strip();
		if (!approve && note.isEmpty()) {
			throw new InvalidInputException("comment", "is required: say why it is rejected");
		}
		if (note.length() > 2000) {
			throw new InvalidInputException("comment", "is at most 2000 characters");
		}
		Map<String, Object> data = approve ? FormValues.read(def.fields(), values) : Map.of();
		int updated = jdbc.sql("""
				update workflow_approval set decision = :d, comment = :c, decided_at = :at, version = version + 1
				where id = :id and decision is null""")
			.param("d", approve ? "APPROVED" : "REJECTED")
			.param("c", note)
			.param("at", Timestamp.from(time.now()))
			.param("id", approvalId)
			.update();
		if (updated == 0) {
			throw new StaleVersionException("workflow_approval", approvalId, 0, 1);
		}
		// the step's version moves with every decision, so two approvers' pages stay
		// honest
		int bumped = jdbc.sql("update workflow_step set version = version + 1 where id = ? and version = ?")
			.params(step.id(), step.version())
			.update();
		if (bumped == 0) {
			throw new StaleVersionException("workflow_step", step.id(), step.version(), step.version() + 1);
		}
		StepRow current = engine.loadStep(step.id());
		StepActor actor = StepActor.user(user);
		if (!approve) {
			engine.returnTo(run, current, def.rejectTo(), actor,
					def.name() + ": rejected by " + user.fullName() + " — " + note);
			return view(run.id());
		}
		engine.event(run.id(), step.key(), "APPROVED", user.fullName(),
				def.name() + ": approved by " + user.fullName() + (note.isEmpty() ? "" : " — " + note));
		Map<String, Object> merged = new LinkedHashMap<>(current.data());
		merged.putAll(data);
		if (!note.isEmpty()) {
			merged.put("comment", note);
		}
		jdbc.sql("update workflow_step set data = cast(? as jsonb) where id = ?")
			.params(json.writeValueAsString(merged), step.id())
			.update();
		List<Long> waiting = jdbc.sql("""
				select approver_id from workflow_approval where step_id = ? and decision is null order by position""")
			.param(step.id())
			.query(Long.class)
			.list();
		if (waiting.isEmpty()) {
			engine.complete(run, engine.loadStep(step.id()), Map.of("decision", "APPROVED"), actor, null,
					def.name() + ": approved");
		}
		else {
			engine.closeApprovalTask(approvalId, actor);
			if (!def.parallel()) {
				Long nextApprover = waiting.get(0);
				int position = jdbc.sql("""
						select min(position) from workflow_approval where step_id = ? and decision is null""")
					.param(step.id())
					.query(Integer.class)
					.single();
				jdbc.sql("update workflow_step set assignee_user_id = ? where id = ?")
					.params(nextApprover, step.id())
					.update();
				engine.approvalTask(run, engine.loadStep(step.id()), def, position);
				engine.event(run.id(), step.key(), "ACTIVATED", null, def.name() + ": now waiting for "
						+ users.find(nextApprover).map(UserSummary::fullName).orElse("?"));
			}
		}
		return view(run.id());
	}

	/**
	 * The id of the user's undecided approval on the step, when it is their turn; else
	 * null.
	 */
	private Long pendingApproval(StepRow step, StepDef def, CurrentUser user) {
		List<Object[]> rows = jdbc
			.sql("""
					select id, approver_id from workflow_approval where step_id = ? and decision is null order by position""")
			.param(step.id())
			.query((rs, n) -> new Object[] { rs.getLong(1), WorkflowEngine.nullableLong(rs, 2) })
			.list();
		for (int i = 0; i < rows.size(); i++) {
			if (!def.parallel() && i > 0) {
				break;
			}
			Long approver = (Long) rows.get(i)[1];
			if (approver != null && approver == user.id()) {
				return (Long) rows.get(i)[0];
			}
		}
		return null;
	}

	/** An approval's approvers and their decisions, for the run's page. */
	public record ApprovalView(String approver, String decision, String comment, Instant decidedAt) {
	}

	@Transactional(readOnly = true)
	public Map<Long, List<ApprovalView>> approvals(long runId) {
		Map<Long, List<ApprovalView>> map = new HashMap<>();
		jdbc.sql("""
				select a.step_id, u.full_name, a.decision, a.comment, a.decided_at from workflow_approval a
				join workflow_step s on s.id = a.step_id left join app_user u on u.id = a.approver_id
				where s.run_id = ? order by a.step_id, a.position""")
			.param(runId)
			.query((rs, n) -> map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new ApprovalView(rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())))
			.list();
		return map;
	}

	// ------------------------------------------------------------------ managing

	/** Retries a failed automated step (the owner, or those who see everything). */
	public RunView resume(long runId, CurrentUser user) {
		RunRow run = engine.loadRun(runId);
		requireReader(run, user);
		requireManager(run, user);
		StepRow failed = engine.steps(runId)
			.stream()
			.filter(s -> s.status() == StepStatus.FAILED || s.status() == StepStatus.DECLINED)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("run", "has no failed step to resume"));
		if (failed.status() == StepStatus.DECLINED) {
			// the signers are asked again with new links; the old ones stop working
			engine.revokeLinks(failed.id(), user.username());
			jdbc.sql("update workflow_step set status = 'PENDING' where id = ?").param(failed.id()).update();
			engine.event(runId, failed.key(), "RESUMED", user.fullName(), "Signature requested again");
			engine.activate(run, engine.loadStep(failed.id()));
		}
		else {
			engine.resume(run, failed, StepActor.user(user));
		}
		return view(runId);
	}

	/** Cancels an active run: its open tasks stay as they are, its links stop working. */
	public RunView cancel(long runId, String reason, long expectedVersion, CurrentUser user) {
		RunRow run = engine.loadRun(runId);
		requireReader(run, user);
		requireManager(run, user);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required: say why the run stops");
		}
		int updated = jdbc.sql("""
				update workflow_run set status = 'CANCELLED', completed_at = :at, outcome = :reason, updated_at = :at,
				  version = version + 1
				where id = :id and version = :version and status = 'ACTIVE'""")
			.param("at", Timestamp.from(time.now()))
			.param("reason", "Cancelled: " + reason.strip())
			.param("id", runId)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersionException("workflow_run", runId, expectedVersion, run.version());
		}
		jdbc.sql("""
				update workflow_link set revoked_at = :at, revoked_by = :by
				where revoked_at is null and step_id in (select id from workflow_step where run_id = :run)""")
			.param("at", Timestamp.from(time.now()))
			.param("by", user.username())
			.param("run", runId)
			.update();
		engine.event(runId, null, "CANCELLED", user.fullName(), "Cancelled: " + reason.strip());
		return view(runId);
	}

	/**
	 * Chooses who plays a client role (a contact of the account) and, when that role's
	 * step is waiting, sends them its link.
	 */
	public RunView assignContact(long runId, String roleKey, long contactId, CurrentUser user) {
		RunRow run = engine.loadRun(runId);
		requireReader(run, user);
		requireManager(run, user);
		ContactView contact = contacts.byIds(List.of(contactId)).get(contactId);
		List<FieldError> errors = new ArrayList<>();
		if (contact == null || contact.accountId() != run.accountId()) {
			errors.add(new FieldError("contactId", "is not a contact of this account"));
		}
		else if (contact.email() == null) {
			errors.add(new FieldError("contactId", "has no email address to send the link to"));
		}
		if (engine.definition(run).role(roleKey).filter(RoleDef::client).isEmpty()) {
			errors.add(new FieldError("role", "is not a client role of this workflow"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.sql("update workflow_run_role set contact_id = ? where run_id = ? and role_key = ?")
			.params(contactId, runId, roleKey)
			.update();
		engine.event(runId, null, "ROLE", user.fullName(),
				engine.definition(run).role(roleKey).get().name() + ": " + contact.name());
		engine.activeStep(runId).ifPresent(step -> {
			StepDef def = engine.def(run, step);
			if (roleKey.equals(def.role()) || def.signers().contains(roleKey)) {
				engine.activate(run, step);
			}
		});
		return view(runId);
	}

	/** Sends the waiting client step's link again (the old ones are withdrawn). */
	public RunView resendLink(long runId, CurrentUser user) {
		RunRow run = engine.loadRun(runId);
		requireReader(run, user);
		requireManager(run, user);
		StepRow step = engine.activeStep(runId)
			.filter(s -> s.assigneeContactId() != null)
			.orElseThrow(() -> new InvalidInputException("run", "no client step is waiting"));
		StepDef def = engine.def(run, step);
		engine.revokeLinks(step.id(), user.username());
		engine.sendLink(run, step, def, step.assigneeContactId(), true);
		return view(runId);
	}

	/** Withdraws the links of the run's waiting client step. */
	public RunView revokeLinks(long runId, CurrentUser user) {
		RunRow run = engine.loadRun(runId);
		requireReader(run, user);
		requireManager(run, user);
		engine.activeStep(runId).ifPresent(step -> {
			int revoked = engine.revokeLinks(step.id(), user.username());
			engine.event(runId, step.key(), "REVOKED", user.fullName(),
					revoked + (revoked == 1 ? " link" : " links") + " withdrawn");
		});
		return view(runId);
	}

	private static void requireManager(RunRow run, CurrentUser user) {
		if (!RunRules.mayManage(user, run.ownerId())) {
			throw new AccessDeniedException("Only the run's owner manages it");
		}
	}

	/** The contacts of the run's account a client role may be given to. */
	@Transactional(readOnly = true)
	public List<ContactView> contactsOf(RunView run, CurrentUser user) {
		return contacts.forAccount(run.accountId(), user).stream().filter(ContactView::active).toList();
	}

	/** Who plays each role of the run, by role key (a user's or a contact's name). */
	@Transactional(readOnly = true)
	public Map<String, String> roleNames(long runId) {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql(
				"""
						select r.role_key, coalesce(u.full_name, c.name || coalesce(' <' || c.email || '>', ''))
						from workflow_run_role r left join app_user u on u.id = r.user_id left join contact c on c.id = r.contact_id
						where r.run_id = ?""")
			.param(runId)
			.query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		return names;
	}

	/**
	 * Finishes the run's active To-Do step {@code stepKey} on behalf of the system, when
	 * what it asks for happened elsewhere (a QBR finalized); nothing when that step is
	 * not the active one.
	 * @return whether the step was finished
	 */
	public boolean completeBySystem(long runId, String stepKey, String detail) {
		RunRow run = engine.loadRun(runId);
		if (run.status() != RunStatus.ACTIVE) {
			return false;
		}
		return engine.activeStep(runId).filter(step -> step.key().equals(stepKey)).map(step -> {
			engine.complete(run, step, Map.of(), StepActor.system(), null, detail);
			return true;
		}).orElse(false);
	}

	/**
	 * The active runs of a template on a record (a QBR, an invoice, a contract), for
	 * modules following them.
	 */
	@Transactional(readOnly = true)
	public List<Long> activeRunsOf(String templateKey, String recordColumn, long recordId) {
		if (!Set.of("qbr_id", "invoice_id", "contract_id", "renewal_id").contains(recordColumn)) {
			throw new IllegalArgumentException(recordColumn);
		}
		return jdbc
			.sql("""
					select r.id from workflow_run r join workflow_template_version v on v.id = r.template_version_id
					join workflow_template t on t.id = v.template_id
					where r.status = 'ACTIVE' and t.template_key = :key and r.""" + recordColumn
					+ " = :record order by r.id")
			.param("key", templateKey)
			.param("record", recordId)
			.query(Long.class)
			.list();
	}

}
