package io.intime.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.Today;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The field-level audit trail: who changed which field of which record, when, from what
 * to what; and every request that was denied. Entries are written in the caller's
 * transaction, so a change and its audit entries commit or roll back together.
 */
@Service
public class AuditTrail {

	private static final RowMapper<AuditRecord> ROW = (rs, i) -> new AuditRecord(rs.getLong("id"),
			rs.getTimestamp("occurred_at").toInstant(), (Long) rs.getObject("actor_id"), rs.getString("actor_name"),
			rs.getString("entity_type"), (Long) rs.getObject("entity_id"), rs.getString("action"),
			rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"), rs.getString("detail"));

	private final JdbcClient jdbc;

	private final Today time;

	AuditTrail(JdbcClient jdbc, Today time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * Records the creation of a record with its initial field values (null values are
	 * left out).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordCreated(String entityType, long entityId, Map<String, ?> state, CurrentUser actor) {
		List<FieldChange> initial = FieldChange.between(Map.of(), state);
		Save save = newSave();
		if (initial.isEmpty()) {
			insert(save, entityType, entityId, "CREATE", null, null, null, null, actor);
		}
		for (FieldChange change : initial) {
			insert(save, entityType, entityId, "CREATE", change.field(), null, change.newValue(), null, actor);
		}
	}

	/** Records each changed field; nothing is written when the list is empty. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordChanges(String entityType, long entityId, List<FieldChange> changes, CurrentUser actor) {
		Save save = changes.isEmpty() ? null : newSave();
		for (FieldChange change : changes) {
			insert(save, entityType, entityId, "UPDATE", change.field(), change.oldValue(), change.newValue(), null,
					actor);
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void recordDeleted(String entityType, long entityId, String description, CurrentUser actor) {
		insert(newSave(), entityType, entityId, "DELETE", null, null, null, description, actor);
	}

	/**
	 * Records a denied request. Runs in its own transaction: the request that was denied
	 * rolls back, its record of denial must not.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordDenied(String what, String reason, CurrentUser actor) {
		insert(newSave(), "request", null, "DENIED", null, null, null, what + (reason == null ? "" : " — " + reason),
				actor);
	}

	/** Records a sign-in event (failed attempt, lock-out) for a user. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSecurityEvent(long userId, String action, String detail) {
		jdbc.sql("""
				insert into audit_entry (occurred_at, actor_id, actor_name, entity_type, entity_id, action, detail)
				select now(), id, username, 'user', id, :action, :detail from app_user where id = :id""")
			.param("action", action)
			.param("detail", detail)
			.param("id", userId)
			.update();
	}

	/** The entries of one record, newest first. */
	@Transactional(readOnly = true)
	public PageResult<AuditRecord> history(String entityType, Long entityId, PageRequest page) {
		String where = " where entity_type = :type" + (entityId == null ? "" : " and entity_id = :id");
		var query = jdbc
			.sql("select *, count(*) over () as total from audit_entry" + where
					+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.param("type", entityType)
			.param("limit", page.size())
			.param("offset", page.offset());
		if (entityId != null) {
			query = query.param("id", entityId);
		}
		long[] total = { 0 };
		List<AuditRecord> items = query.query((rs, i) -> {
			total[0] = rs.getLong("total");
			return ROW.mapRow(rs, i);
		}).list();
		if (items.isEmpty() && page.page() > 0) {
			total[0] = countOf(where, entityType, entityId);
		}
		return new PageResult<>(items, total[0], page.page(), page.size());
	}

	/**
	 * The saves of several records at once (e.g. an account with its contacts and
	 * contracts), newest first, in one statement: each item holds the entries one save
	 * wrote (one per field), and a page counts saves, not fields, so that a save is never
	 * split across two pages. {@code idsByType} maps an entity type to the ids of that
	 * type; types with no ids are left out, and no ids at all give an empty page.
	 * <p>
	 * Each entry names its save ({@code save_no}): the entries one call of
	 * {@link #recordCreated} or {@link #recordChanges} writes share it.
	 */
	@Transactional(readOnly = true)
	public PageResult<List<AuditRecord>> savesOf(Map<String, ? extends java.util.Collection<Long>> idsByType,
			PageRequest page) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new java.util.HashMap<>();
		int i = 0;
		for (Map.Entry<String, ? extends java.util.Collection<Long>> entry : idsByType.entrySet()) {
			if (entry.getValue() == null || entry.getValue().isEmpty()) {
				continue;
			}
			where.append(where.isEmpty() ? " where " : " or ")
				.append("(entity_type = :type")
				.append(i)
				.append(" and entity_id in (:ids")
				.append(i)
				.append("))");
			params.put("type" + i, entry.getKey());
			params.put("ids" + i, List.copyOf(entry.getValue()));
			i++;
		}
		if (where.isEmpty()) {
			return new PageResult<>(List.of(), 0, page.page(), page.size());
		}
		String pageOfSaves = """
				with saves as (
				  select save_no, max(occurred_at) as at from audit_entry%s group by save_no
				), page as (
				  select save_no, at, count(*) over () as total from saves
				  order by at desc, save_no desc limit :limit offset :offset
				)
				select e.*, page.total from audit_entry e join page using (save_no)
				order by page.at desc, e.save_no desc, e.id desc""".formatted(where);
		long[] total = { 0 };
		Map<Long, List<AuditRecord>> saves = new java.util.LinkedHashMap<>();
		jdbc.sql(pageOfSaves)
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				saves.computeIfAbsent(rs.getLong("save_no"), key -> new java.util.ArrayList<>()).add(ROW.mapRow(rs, n));
				return null;
			})
			.list();
		if (saves.isEmpty() && page.page() > 0) {
			total[0] = jdbc.sql("select count(distinct save_no) from audit_entry" + where)
				.params(params)
				.query(Long.class)
				.single();
		}
		return new PageResult<>(List.copyOf(saves.values()), total[0], page.page(), page.size());
	}

	private long countOf(String where, String entityType, Long entityId) {
		var query = jdbc.sql("select count(*) from audit_entry" + where).param("type", entityType);
		if (entityId != null) {
			query = query.param("id", entityId);
		}
		return query.query(Long.class).single();
	}

	/** The rows of one save: one number and one instant. */
	private record Save(long number, Instant at) {
	}

	private Save newSave() {
		return new Save(jdbc.sql("select nextval('audit_save_seq')").query(Long.class).single(), time.now());
	}

	private void insert(Save save, String entityType, Long entityId, String action, String field, String oldValue,
			String newValue, String detail, CurrentUser actor) {
		jdbc.sql(
				"""
						insert into audit_entry (occurred_at, save_no, actor_id, actor_name, entity_type, entity_id, action, field, old_value, new_value, detail)
						values (:at, :save, :actorId, :actorName, :type, :id, :action, :field, :old, :new, :detail)""")
			.param("at", Timestamp.from(save.at()))
			.param("save", save.number())
			.param("actorId", actor == null ? null : actor.id())
			.param("actorName", actor == null ? "system" : actor.username())
			.param("type", entityType)
			.param("id", entityId)
			.param("action", action)
			.param("field", field)
			.param("old", oldValue)
			.param("new", newValue)
			.param("detail", detail)
			.update();
	}

}
