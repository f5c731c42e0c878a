package io.intime.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intime.shared.LoggedEvent;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The domain event log: every {@link LoggedEvent} any module publishes is written here
 * under its log name, in the publisher's transaction (a synchronous listener, matching
 * the type), so that the log never shows an event whose change rolled back, nor misses
 * one whose change committed. Each entry names its actor: the user who caused it, or
 * {@code system}.
 */
@Service
public class DomainEventLog {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DomainEventLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Writes the event under its log name with its payload, and with the actor it carries
	 * (a user, or {@code system}); runs in the publisher's transaction.
	 */
	@EventListener
	void on(LoggedEvent event) {
		if (!event.logged()) {
			return;
		}
		jdbc.sql("""
				insert into domain_event (type, account_id, occurred_at, actor_id, actor_name, payload)
				values (:type, :accountId, :at, :actorId, :actorName, cast(:payload as jsonb))""")
			.param("type", event.logName())
			.param("accountId", event.accountId())
			.param("at", Timestamp.from(event.at()))
			.param("actorId", event.actor().userId())
			.param("actorName", event.actor().name())
			.param("payload", json.writeValueAsString(event.logPayload()))
			.update();
	}

	/**
	 * Events newest first, filtered by type, account and a lower bound on time; each
	 * filter is optional (null).
	 */
	@Transactional(readOnly = true)
	public PageResult<EventRecord> find(String type, Long accountId, Instant since, PageRequest page) {
		StringBuilder where = new StringBuilder(" where true");
		if (type != null) {
			where.append(" and type = :type");
		}
		if (accountId != null) {
			where.append(" and account_id = :accountId");
		}
		if (since != null) {
			where.append(" and occurred_at >= :since");
		}
		var items = bind(jdbc.sql("select * from domain_event" + where
				+ " order by occurred_at desc, id desc limit :limit offset :offset"), type, accountId, since)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, i) -> new EventRecord(rs.getLong("id"), rs.getString("type"), (Long) rs.getObject("account_id"),
					rs.getTimestamp("occurred_at").toInstant(), (Long) rs.getObject("actor_id"),
					rs.getString("actor_name"), json.readValue(rs.getString("payload"), MAP)))
			.list();
		long total = bind(jdbc.sql("select count(*) from domain_event" + where), type, accountId, since)
			.query(Long.class)
			.single();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String type, Long accountId,
			Instant since) {
		if (type != null) {
			spec = spec.param("type", type);
		}
		if (accountId != null) {
			spec = spec.param("accountId", accountId);
		}
		if (since != null) {
			spec = spec.param("since", Timestamp.from(since));
		}
		return spec;
	}

	/** The distinct event types recorded so far, for filters. */
	@Transactional(readOnly = true)
	public List<String> types() {
		return jdbc.sql("select distinct type from domain_event order by type").query(String.class).list();
	}

}
