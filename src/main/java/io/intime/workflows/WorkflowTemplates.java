package io.intime.workflows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Templates and their versions. A version is never changed: an admin's edit writes the
 * next version and makes it current, so a running run keeps the version it started with.
 * The built-in templates ({@link BuiltInTemplate} beans) are created on the first start.
 */
@Service
@Transactional
public class WorkflowTemplates {

	static final String ENTITY = "workflow_template";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Today time;

	private final AuditTrail audit;

	private final List<BuiltInTemplate> builtIns;

	private final Map<String, WorkflowAction> actions;

	private final Map<String, WorkflowDocument> documents;

	/** Versions never change, so each is read once. */
	private final Map<Long, TemplateDefinition> definitions = new ConcurrentHashMap<>();

	WorkflowTemplates(JdbcClient jdbc, JsonMapper json, Today time, AuditTrail audit, List<BuiltInTemplate> builtIns,
			List<WorkflowAction> actions, List<WorkflowDocument> documents) {
		this.jdbc = jdbc;
		this.json = json;
		this.time = time;
		this.audit = audit;
		this.builtIns = builtIns;
		this.actions = actions.stream().collect(Collectors.toMap(WorkflowAction::key, a -> a, (a, b) -> {
			throw new IllegalStateException("Two workflow actions named " + a.key());
		}, TreeMap::new));
		this.documents = documents.stream().collect(Collectors.toMap(WorkflowDocument::key, d -> d));
	}

	/** A template in the list. */
	public record TemplateSummary(long id, String key, String name, String description, String trigger,
			long currentVersionId, int currentVersion, int steps, boolean archived, long version) {
	}

	/** A version of a template. */
	public record VersionSummary(long id, int number, String note, Instant createdAt, String createdBy) {
	}

	/** An action an Automated step may run. */
	public record ActionChoice(String key, String label) {
	}

	// ------------------------------------------------------------------ built-ins

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	public void createBuiltIns() {
		for (BuiltInTemplate builtIn : builtIns) {
			ensure(builtIn);
		}
	}

	/**
	 * Creates the built-in template unless it exists (on any node: the key is unique).
	 */
	public long ensure(BuiltInTemplate builtIn) {
		List<FieldError> problems = builtIn.definition().problems(actions.keySet(), documents.keySet());
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Built-in template " + builtIn.key() + " is invalid: " + problems);
		}
		Instant now = time.now();
		Long id = jdbc.sql("""
				insert into workflow_template (template_key, name, description, trigger_text, created_at, created_by,
				  updated_at, updated_by)
				values (:key, :name, :description, :trigger, :at, 'system', :at, 'system')
				on conflict (template_key) do nothing returning id""")
			.param("key", builtIn.key())
			.param("name", builtIn.name())
			.param("description", builtIn.description())
			.param("trigger", builtIn.trigger())
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return jdbc.sql("select id from workflow_template where template_key = ?")
				.param(builtIn.key())
				.query(Long.class)
				.single();
		}
		long versionId = insertVersion(id, 1, builtIn.definition(), "Built in", "system", now);
		jdbc.sql("update workflow_template set current_version_id = ? where id = ?").params(versionId, id).update();
		return id;
	}

	private long insertVersion(long templateId, int number, TemplateDefinition definition, String note, String by,
			Instant at) {
		return jdbc.sql("""
				insert into workflow_template_version (template_id, number, definition, note, created_at, created_by)
				values (:t, :n, cast(:d as jsonb), :note, :at, :by) returning id""")
			.param("t", templateId)
			.param("n", number)
			.param("d", json.writeValueAsString(definition))
			.param("note", note == null ? "" : note)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	// ------------------------------------------------------------------ reading

	@Transactional(readOnly = true)
	public List<TemplateSummary> list() {
		return jdbc.sql(SUMMARY + " order by t.archived, t.name").query(this::summary).list();
	}

	@Transactional(readOnly = true)
	public TemplateSummary get(long id) {
		return jdbc.sql(SUMMARY + " where t.id = ?")
			.param(id)
			.query(this::summary)
			.optional()
			.orElseThrow(() -> new NotFoundException("workflow template", id));
	}

	@Transactional(readOnly = true)
	public Optional<TemplateSummary> byKey(String key) {
		return jdbc.sql(SUMMARY + " where t.template_key = ?").param(key).query(this::summary).optional();
	}

	private static final String SUMMARY = """
			select t.id, t.template_key, t.name, t.description, t.trigger_text, t.current_version_id, v.number,
			       jsonb_array_length(v.definition -> 'steps') steps, t.archived, t.version
			from workflow_template t join workflow_template_version v on v.id = t.current_version_id""";

	private TemplateSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new TemplateSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getLong(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9), rs.getLong(10));
	}

	@Transactional(readOnly = true)
	public List<VersionSummary> versions(long templateId) {
		return jdbc.sql("""
				select id, number, note, created_at, created_by from workflow_template_version
				where template_id = ? order by number desc""")
			.param(templateId)
			.query((rs, n) -> new VersionSummary(rs.getLong(1), rs.getInt(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	/** A version's definition (versions never change, so it is read once). */
	@Transactional(readOnly = true)
	public TemplateDefinition definition(long versionId) {
		return definitions.computeIfAbsent(versionId,
				id -> jdbc.sql("select definition::text from workflow_template_version where id = ?")
					.param(id)
					.query(String.class)
					.optional()
					.map(text -> json.readValue(text, TemplateDefinition.class))
					.orElseThrow(() -> new NotFoundException("workflow template version", id)));
	}

	/** The number of a version, e.g. 3. */
	@Transactional(readOnly = true)
	public int versionNumber(long versionId) {
		return jdbc.sql("select number from workflow_template_version where id = ?")
			.param(versionId)
			.query(Integer.class)
			.single();
	}

	public List<ActionChoice> actions() {
		return actions.values().stream().map(a -> new ActionChoice(a.key(), a.label())).toList();
	}

	Optional<WorkflowAction> action(String key) {
		return Optional.ofNullable(actions.get(key));
	}

	Optional<WorkflowDocument> document(String key) {
		return Optional.ofNullable(documents.get(key));
	}

	// ------------------------------------------------------------------ changing
	// (admins)

	public static boolean mayEdit(CurrentUser user) {
		return user.hasRole(Role.ADMIN);
	}

	/**
	 * Saves a new version of the template and makes it current; runs already started keep
	 * theirs.
	 * @throws InvalidInputException naming each wrong part of the definition
	 * @throws StaleVersionException when someone saved the template since it was read
	 */
	public TemplateSummary saveVersion(long id, String name, String description, TemplateDefinition definition,
			String note, long expectedVersion, CurrentUser user) {
		requireEditor(user);
		List<FieldError> problems = definition.problems(actions.keySet(), documents.keySet());
		if (name == null || name.isBlank()) {
			problems.add(0, new FieldError("name", "is required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		TemplateSummary before = get(id);
		Instant now = time.now();
		int number = jdbc
			.sql("select coalesce(max(number), 0) + 1 from workflow_template_version where template_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		long versionId = insertVersion(id, number, definition, note, user.username(), now);
		int updated = jdbc.sql("""
				update workflow_template set name = :name, description = :description, current_version_id = :v,
				  version = version + 1, updated_at = :at, updated_by = :by
				where id = :id and version = :expected""")
			.param("name", name.trim())
			.param("description", description == null ? "" : description.trim())
			.param("v", versionId)
			.param("at", Timestamp.from(now))
			.param("by", user.username())
			.param("id", id)
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersionException(ENTITY, id, expectedVersion, before.version());
		}
		audit.recordChanges(ENTITY, id,
				List.of(new FieldChange("version", String.valueOf(before.currentVersion()), String.valueOf(number)),
						new FieldChange("name", before.name(), name.trim())),
				user);
		return get(id);
	}

	/** Copies the template's current version into a new template named {@code name}. */
	public TemplateSummary copy(long id, String name, CurrentUser user) {
		requireEditor(user);
		if (name == null || name.isBlank()) {
			throw new InvalidInputException(List.of(new FieldError("name", "is required")));
		}
		TemplateSummary source = get(id);
		Instant now = time.now();
		long copyId = jdbc
			.sql("""
					insert into workflow_template (name, description, trigger_text, created_at, created_by, updated_at, updated_by)
					values (:name, :description, :trigger, :at, :by, :at, :by) returning id""")
			.param("name", name.trim())
			.param("description", source.description())
			.param("trigger", source.trigger())
			.param("at", Timestamp.from(now))
			.param("by", user.username())
			.query(Long.class)
			.single();
		long versionId = insertVersion(copyId, 1, definition(source.currentVersionId()),
				"Copied from " + source.name() + " v" + source.currentVersion(), user.username(), now);
		jdbc.sql("update workflow_template set current_version_id = ? where id = ?").params(versionId, copyId).update();
		audit.recordCreated(ENTITY, copyId, Map.of("name", name.trim(), "copiedFrom", id), user);
		return get(copyId);
	}

	/** Archives (or restores) a template: an archived one starts no new runs. */
	public TemplateSummary archive(long id, boolean archived, long expectedVersion, CurrentUser user) {
		requireEditor(user);
		int updated = jdbc.sql("""
				update workflow_template set archived = :a, version = version + 1, updated_at = :at, updated_by = :by
				where id = :id and version = :expected""")
			.param("a", archived)
			.param("at", Timestamp.from(time.now()))
			.param("by", user.username())
			.param("id", id)
			.param("expected", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersionException(ENTITY, id, expectedVersion, get(id).version());
		}
		audit.recordChanges(ENTITY, id,
				List.of(new FieldChange("archived", String.valueOf(!archived), String.valueOf(archived))), user);
		return get(id);
	}

	private static void requireEditor(CurrentUser user) {
		if (!mayEdit(user)) {
			throw new AccessDeniedException("Only admins change workflow templates");
		}
	}

	Set<String> actionKeys() {
		return actions.keySet();
	}

}
