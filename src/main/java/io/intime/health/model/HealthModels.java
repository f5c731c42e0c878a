package io.intime.health.model;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The health models: the current one (the newest version), every earlier version, and
 * saving a changed model as a new version (admins only). The first version is the default
 * model (spec 03 Appendix C), created when none exists.
 */
@Service
public class HealthModels {

	static final String ENTITY = "health_model";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Today time;

	/**
	 * Safe with several nodes: every call checks the newest version in the database, and
	 * a saved version never changes, so a node never serves another node's older model.
	 */
	private volatile HealthModel cached;

	private final Map<Integer, HealthModel> versions = new ConcurrentHashMap<>();

	HealthModels(JdbcClient jdbc, JsonMapper json, AuditTrail audit, ApplicationEventPublisher events, Today time) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.events = events;
		this.time = time;
	}

	/**
	 * The model scores are computed with now; creates version 1 (the default model) when
	 * there is none.
	 */
	@Transactional
	public HealthModel current() {
		HealthModel model = cached;
		int newest = jdbc.sql("select coalesce(max(version), 0) from health_model").query(Integer.class).single();
		if (model != null && model.version() == newest) {
			return model;
		}
		if (newest == 0) {
			// Two nodes starting at once: the second insert does nothing and both read
			// version 1.
			jdbc.sql(
					"insert into health_model (version, definition, note, created_by) values (1, cast(:d as jsonb), :note, 'system') on conflict do nothing")
				.param("d", json.writeValueAsString(DefaultHealthModel.create()))
				.param("note", "Default model: the standard staffing health rubric")
				.update();
			newest = 1;
		}
		model = get(newest);
		cached = model;
		return model;
	}

	/** One version (a saved version never changes, so each is read once). */
	@Transactional(readOnly = true)
	public HealthModel get(int version) {
		HealthModel known = versions.get(version);
		if (known != null) {
			return known;
		}
		HealthModel model = jdbc
			.sql("select version, definition, note, created_at, created_by from health_model where version = :v")
			.param("v", version)
			.query((rs, i) -> read(rs.getInt("version"), rs.getString("definition"), rs.getTimestamp("created_at"),
					rs.getString("created_by"), rs.getString("note")))
			.optional()
			.orElseThrow(() -> new NotFoundException("Health model version", version));
		versions.put(version, model);
		return model;
	}

	/** Every version, newest first. */
	@Transactional(readOnly = true)
	public List<HealthModel> versions() {
		return jdbc
			.sql("select version, definition, note, created_at, created_by from health_model order by version desc")
			.query((rs, i) -> read(rs.getInt("version"), rs.getString("definition"), rs.getTimestamp("created_at"),
					rs.getString("created_by"), rs.getString("note")))
			.list();
	}

	/**
	 * Saves a changed model as the next version (admins only) and publishes
	 * {@link HealthModelChanged}. {@code basedOn} is the version the admin edited: when
	 * another admin saved a version meanwhile, nothing is saved and
	 * {@link StaleVersionException} tells so. Invalid models are refused with a message
	 * per field.
	 */
	@Transactional
	public HealthModel save(HealthModel draft, int basedOn, String note, CurrentUser user) {
		if (!user.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins change the health model");
		}
		validate(draft);
		if (note != null && note.strip().length() > MAX_NOTE) {
			throw new InvalidInputException("note", tooLong(MAX_NOTE));
		}
		HealthModel current = current();
		if (current.version() != basedOn) {
			throw new StaleVersionException("The health model", "", basedOn, current.version());
		}
		int version = current.version() + 1;
		HealthModel saved = normalized(draft).saved(version, time.now(), user.username(),
				note == null || note.isBlank() ? null : note.strip());
		// Two admins saving from the same version both insert the next one: the second
		// insert
		// waits for the first, then does nothing, and the second save is stale, not a
		// duplicate key.
		int inserted = jdbc.sql("""
				insert into health_model (version, definition, note, created_at, created_by)
				values (:v, cast(:d as jsonb), :note, :at, :by) on conflict (version) do nothing""")
			.param("v", version)
			.param("d", json.writeValueAsString(saved))
			.param("note", saved.note())
			.param("at", Timestamp.from(saved.createdAt()))
			.param("by", user.username())
			.update();
		if (inserted == 0) {
			throw new StaleVersionException("The health model", "", basedOn, version);
		}
		audit.recordChanges(ENTITY, version, List.of(new FieldChange("definition", "version " + current.version(),
				"version " + version + (saved.note() == null ? "" : ": " + saved.note()))), user);
		cached = saved;
		events.publishEvent(new HealthModelChanged(version, user.actor(), saved.createdAt()));
		return saved;
	}

	/** Bands sorted best first, labels trimmed. */
	private static HealthModel normalized(HealthModel draft) {
		List<HealthModel.Component> components = draft.components()
			.stream()
			.map(c -> new HealthModel.Component(c.key().strip(), c.label().strip(), c.measure(), c.maximum(),
					c.windowDays(),
					c.bands()
						.stream()
						.sorted((a, b) -> Integer.compare(b.points(), a.points()))
						.map(b -> new HealthModel.Band(b.points(), b.label().strip(), b.min(), b.max(), b.min2(),
								b.max2()))
						.toList()))
			.toList();
		return new HealthModel(0, draft.name().strip(), components, draft.greenFrom(), draft.yellowFrom(), null, null,
				null);
	}

	/** The longest name or label of a model, component or band. */
	public static final int MAX_NAME = 200;

	/** The most components a model has, and bands a component has. */
	public static final int MAX_COMPONENTS = 20;

	public static final int MAX_BANDS = 20;

	/** The longest note of a saved version (the column's size). */
	public static final int MAX_NOTE = 500;

	/**
	 * Checks a model; the field names are the API's JSON paths (e.g.
	 * {@code components[2].bands[0].points}).
	 */
	public static void validate(HealthModel model) {
		List<FieldError> errors = new ArrayList<>();
		if (model.name() == null || model.name().isBlank()) {
			errors.add(new FieldError("name", "is required"));
		}
		else if (model.name().strip().length() > MAX_NAME) {
			errors.add(new FieldError("name", tooLong(MAX_NAME)));
		}
		if (model.components() == null || model.components().isEmpty()) {
			errors.add(new FieldError("components", "must have at least one component"));
			throw new InvalidInputException(errors);
		}
		if (model.components().size() > MAX_COMPONENTS) {
			errors.add(new FieldError("components", "may have at most " + MAX_COMPONENTS + " components"));
			throw new InvalidInputException(errors);
		}
		Set<String> keys = new HashSet<>();
		int total = 0;
		for (int i = 0; i < model.components().size(); i++) {
			HealthModel.Component c = model.components().get(i);
			String at = "components[" + i + "].";
			if (c.key() == null || !c.key().strip().matches("[a-z][a-z0-9_]{0,29}")) {
				errors.add(new FieldError(at + "key", "must be lower-case letters, digits or _ (at most 30)"));
			}
			else if (!keys.add(c.key().strip())) {
				errors.add(new FieldError(at + "key", "is used by another component"));
			}
			if (c.label() == null || c.label().isBlank()) {
				errors.add(new FieldError(at + "label", "is required"));
			}
			else if (c.label().strip().length() > MAX_NAME) {
				errors.add(new FieldError(at + "label", tooLong(MAX_NAME)));
			}
			if (c.measure() == null) {
				errors.add(new FieldError(at + "measure", "must be one of " + List.of(Measure.values())));
			}
			if (c.maximum() < 1 || c.maximum() > 100) {
				errors.add(new FieldError(at + "maximum", "must be between 1 and 100"));
			}
			total += c.maximum();
			if (c.measure() != null && c.measure().windowed() && (c.windowDays() < 1 || c.windowDays() > 730)) {
				errors.add(new FieldError(at + "windowDays", "must be between 1 and 730 days"));
			}
			if (c.bands() == null || c.bands().isEmpty()) {
				errors.add(new FieldError(at + "bands", "must have at least one band"));
				continue;
			}
			if (c.bands().size() > MAX_BANDS) {
				errors.add(new FieldError(at + "bands", "may have at most " + MAX_BANDS + " bands"));
				continue;
			}
			for (int j = 0; j < c.bands().size(); j++) {
				HealthModel.Band b = c.bands().get(j);
				String bandAt = at + "bands[" + j + "].";
				if (b.points() < 0 || b.points() > c.maximum()) {
					errors.add(new FieldError(bandAt + "points",
							"must be between 0 and the component's maximum (" + c.maximum() + ")"));
				}
				if (b.label() == null || b.label().isBlank()) {
					errors.add(new FieldError(bandAt + "label", "is required"));
				}
				else if (b.label().strip().length() > MAX_NAME) {
					errors.add(new FieldError(bandAt + "label", tooLong(MAX_NAME)));
				}
				if (b.min() != null && b.max() != null && b.min().compareTo(b.max()) > 0) {
					errors.add(new FieldError(bandAt + "max", "must not be below min"));
				}
				if (b.min2() != null && b.max2() != null && b.min2().compareTo(b.max2()) > 0) {
					errors.add(new FieldError(bandAt + "max2", "must not be below min2"));
				}
				if (c.measure() != null && c.measure().secondInput() == null
						&& (b.min2() != null || b.max2() != null)) {
					errors.add(new FieldError(bandAt + "min2", c.measure() + " has no second input"));
				}
			}
		}
		if (total != 100) {
			errors.add(new FieldError("components", "the maxima must add up to 100 (now " + total + ")"));
		}
		if (model.greenFrom() < 1 || model.greenFrom() > 100) {
			errors.add(new FieldError("greenFrom", "must be between 1 and 100"));
		}
		if (model.yellowFrom() < 1 || model.yellowFrom() >= model.greenFrom()) {
			errors.add(
					new FieldError("yellowFrom", "must be at least 1 and below greenFrom (" + model.greenFrom() + ")"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static String tooLong(int max) {
		return "must be at most " + max + " characters";
	}

	private HealthModel read(int version, String definition, Timestamp createdAt, String createdBy, String note) {
		HealthModel model = json.readValue(definition, HealthModel.class);
		return new HealthModel(version, model.name(), model.components(), model.greenFrom(), model.yellowFrom(),
				createdAt.toInstant(), createdBy, note);
	}

}
