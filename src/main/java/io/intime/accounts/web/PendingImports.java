package io.intime.accounts.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded files between their preview and the import, kept in PostgreSQL (table
 * {@code pending_import}) under a random id, so that the confirmation may reach any node.
 * Only the raw file is kept: the import reads and checks it again, as whoever confirms
 * it, so nothing the browser sends back is trusted. A file is taken out when its import
 * starts, in one {@code delete … returning}, so a second click, on this node or another,
 * imports nothing twice. A user keeps the latest few; a file not confirmed within
 * {@link #EXPIRES} is gone ({@link ImportTasks} deletes it).
 */
@Component
class PendingImports {

	private static final int KEEP = 3;

	/** As long as a session lasts. */
	static final Duration EXPIRES = Duration.ofHours(8);

	private final JdbcClient jdbc;

	private final Today time;

	PendingImports(JdbcClient jdbc, Today time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	record Pending(String id, ImportKind kind, long userId, String filename, byte[] content) {
	}

	/** Keeps the file; drops the user's older ones beyond the latest few. */
	@Transactional
	String put(ImportKind kind, long userId, String filename, byte[] content) {
		Pending pending = new Pending(UUID.randomUUID().toString(), kind, userId, filename, content);
		insert(pending);
		jdbc.sql(
				"""
						delete from pending_import where user_id = :user and id <> :id and id not in (
						  select id from pending_import where user_id = :user and id <> :id order by created_at desc limit :others)""")
			.param("user", userId)
			.param("id", UUID.fromString(pending.id()))
			.param("others", KEEP - 1)
			.update();
		return pending.id();
	}

	/**
	 * Takes the file out; empty when it is not there (imported, expired, not an id) or
	 * not this user's or of another kind. Of two nodes taking the same file at once, one
	 * gets it.
	 */
	Optional<Pending> take(String id, ImportKind kind, long userId) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
		return jdbc.sql("""
				delete from pending_import
				where id = :id and user_id = :user and kind = :kind and created_at > :since
				returning filename, content""")
			.param("id", uuid)
			.param("user", userId)
			.param("kind", kind.name())
			.param("since", java.sql.Timestamp.from(time.now().minus(EXPIRES)))
			.query((rs, row) -> new Pending(id, kind, userId, rs.getString("filename"), rs.getBytes("content")))
			.optional();
	}

	/**
	 * Keeps a file again after an import that saved nothing, so that it can be retried.
	 */
	void putBack(Pending pending) {
		insert(pending);
	}

	/** Deletes the files older than {@link #EXPIRES}; how many. */
	int deleteExpired() {
		return jdbc.sql("delete from pending_import where created_at <= :before")
			.param("before", java.sql.Timestamp.from(time.now().minus(EXPIRES)))
			.update();
	}

	private void insert(Pending pending) {
		Instant now = time.now();
		jdbc.sql("""
				insert into pending_import (id, user_id, kind, filename, content, created_at)
				values (:id, :user, :kind, :filename, :content, :createdAt)""")
			.param("id", UUID.fromString(pending.id()))
			.param("user", pending.userId())
			.param("kind", pending.kind().name())
			.param("filename", pending.filename())
			.param("content", pending.content())
			.param("createdAt", java.sql.Timestamp.from(now))
			.update();
	}

}
