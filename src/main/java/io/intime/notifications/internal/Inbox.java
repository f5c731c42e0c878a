package io.intime.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;

import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own notifications: the bell's count, the list, marking read. */
@Service
class Inbox {

	private final JdbcClient jdbc;

	private final Today time;

	Inbox(JdbcClient jdbc, Today time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	/** One notification as its recipient reads it. */
	record InboxItem(long id, String kind, String severity, Long accountId, String recordType, long recordId,
			String title, String body, String link, Instant createdAt, Instant readAt) {

		public boolean read() {
			return readAt != null;
		}

	}

	/** The unread count, on the partial index {@code notification_unread_idx}. */
	@Transactional(readOnly = true)
	long unread(long userId) {
		return jdbc.sql("select count(*) from notification where recipient_id = :user and read_at is null")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	/** The user's notifications, newest first, all or unread only, of one kind or all. */
	@Transactional(readOnly = true)
	PageResult<InboxItem> list(long userId, boolean unreadOnly, String kind, PageRequest page) {
		String where = "recipient_id = :user" + (unreadOnly ? " and read_at is null" : "")
				+ (kind == null ? "" : " and kind = :kind");
		var count = jdbc.sql("select count(*) from notification where " + where).param("user", userId);
		var rows = jdbc
			.sql("""
					select id, kind, severity, account_id, record_type, record_id, title, body, link, created_at, read_at
					from notification where %s order by created_at desc, id desc limit :size offset :offset"""
				.formatted(where))
			.param("user", userId)
			.param("size", page.size())
			.param("offset", page.offset());
		if (kind != null) {
			count = count.param("kind", kind);
			rows = rows.param("kind", kind);
		}
		long total = count.query(Long.class).single();
		var items = rows.query((rs, n) -> {
			Timestamp read = rs.getTimestamp("read_at");
			return new InboxItem(rs.getLong("id"), rs.getString("kind"), rs.getString("severity"),
					(Long) rs.getObject("account_id"), rs.getString("record_type"), rs.getLong("record_id"),
					rs.getString("title"), rs.getString("body"), rs.getString("link"),
					rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
		}).list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/**
	 * Marks one of the user's notifications read (again: no change).
	 * @return its link
	 * @throws NotFoundException when it is not theirs (or does not exist)
	 */
	@Transactional
	String markRead(long userId, long id) {
		String link = jdbc.sql("""
				update notification set read_at = coalesce(read_at, :now) where id = :id and recipient_id = :user
				returning coalesce(link, '')""")
			.param("now", Timestamp.from(time.now()))
			.param("id", id)
			.param("user", userId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("notification", id));
		return link;
	}

	/** Marks all the user's notifications read; returns how many were unread. */
	@Transactional
	int markAllRead(long userId) {
		return jdbc.sql("update notification set read_at = :now where recipient_id = :user and read_at is null")
			.param("now", Timestamp.from(time.now()))
			.param("user", userId)
			.update();
	}

}
