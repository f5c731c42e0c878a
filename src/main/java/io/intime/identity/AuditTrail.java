package io.intime.identity;

import java.sql.Timestamp;
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
		if (initial.isEmpty()) {
			insert(entityType, entityId, "CREATE", null, null, null, null, actor);
		}
		for (FieldChange change : initial) {
			insert(entityType, entityId, "CREATE", change.field(), null, change.newValue(), null, actor);
		}
	}

	/** Records each changed field; nothing is written when the list is empty. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordChanges(String entityType, long entityId, List<FieldChange> changes, CurrentUser actor) {
		for (FieldChange change : changes) {
			insert(entityType, entityId, "UPDATE", change.field(), change.oldValue(), change.newValue(), null, actor);
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void recordDeleted(String entityType, long entityId, String description, CurrentUser actor) {
		insert(entityType, entityId, "DELETE", null, null, null, description, actor);
	}

	/**
	 * Records a denied request. Runs in its own transaction: the request that was denied
	 * rolls back, its record of denial must not.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordDenied(String what, String reason, CurrentUser actor) {
		insert("request", null, "DENIED", null, null, null, what + (reason == null ? "" : " — " + reason), actor);
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
	 * The entries of several records at once (e.g. an account with its contacts and
	 * contracts), newest first, in one statement. {@code idsByType} maps an entity type
	 * to the ids of that type; types with no ids are left out, and no ids at all give an
	 * empty page.
	 */
	@Transactional(readOnly = true)
	public PageResult<AuditRecord> history(Map<String, ? extends java.util.Collection<Long>> idsByType,
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
		long[] total = { 0 };
		List<AuditRecord> items = jdbc
			.sql("select *, count(*) over () as total from audit_entry" + where
					+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return ROW.mapRow(rs, n);
			})
			.list();
		if (items.isEmpty() && page.page() > 0) {
			total[0] = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
		}
		return new PageResult<>(items, total[0], page.page(), page.size());
	}

	private long countOf(String where, String entityType, Long entityId) {
		var query = jdbc.sql("select count(*) from audit_entry" + where).param("type", entityType);
		if (entityId != null) {
			query = query.param("id", entityId);
		}
		return query.query(Long.class).single();
	}

	private void insert(String entityType, Long entityId, String action, String field, String oldValue, String newValue,
			String detail, CurrentUser actor) {
		jdbc.sql(
				"""
						insert into audit_entry (occurred_at, actor_id, actor_name, entity_type, entity_id, action, field, old_value, new_value, detail)
						values (:at, :actorId, :actorName, :type, :id, :action, :field, :old, :new, :detail)""")
			.param("at", Timestamp.from(time.now()))
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
