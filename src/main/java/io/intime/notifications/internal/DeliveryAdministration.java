package io.intime.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.NotFoundException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins see of the outside deliveries: counts by channel and status, the ones that
 * failed (every attempt and its error), and a retry that queues a failed delivery again.
 */
@Service
class DeliveryAdministration {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Today time;

	DeliveryAdministration(JdbcClient jdbc, AuditTrail audit, Today time) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.time = time;
	}

	/** How many deliveries of a channel are in a status. */
	record Count(String channel, String status, long count) {
	}

	/** A delivery that gave up. */
	record Failed(long id, String channel, String kind, String title, String recipient, int attempts, String lastError,
			Instant createdAt, Instant lastAttemptAt) {
	}

	@Transactional(readOnly = true)
	List<Count> counts(CurrentUser admin) {
		requireAdmin(admin);
		return jdbc.sql("""
				select channel, status, count(*) from notification_delivery group by channel, status
				order by channel, status""")
			.query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	@Transactional(readOnly = true)
	List<Failed> failed(CurrentUser admin) {
		requireAdmin(admin);
		return jdbc.sql("""
				select d.id, d.channel, n.kind, n.title, u.full_name || ' <' || u.email || '>' as recipient,
				  d.attempts, d.last_error, d.created_at,
				  (select max(a.at) from notification_attempt a where a.delivery_id = d.id) as last_attempt
				from notification_delivery d
				join notification n on n.id = d.notification_id
				join app_user u on u.id = n.recipient_id
				where d.status = 'FAILED' order by d.created_at desc, d.id desc limit 200""")
			.query((rs, n) -> new Failed(rs.getLong("id"), rs.getString("channel"), rs.getString("kind"),
					rs.getString("title"), rs.getString("recipient"), rs.getInt("attempts"), rs.getString("last_error"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("last_attempt") == null ? null : rs.getTimestamp("last_attempt").toInstant()))
			.list();
	}

	/**
	 * Queues a failed delivery again, due now; its attempts so far are kept (so the next
	 * failure gives up at once: an admin retries one by one). Audited.
	 * @throws NotFoundException when there is no failed delivery with this id
	 */
	@Transactional
	void retry(long id, CurrentUser admin) {
		requireAdmin(admin);
		int updated = jdbc.sql("""
				update notification_delivery set status = 'QUEUED', due_at = :now, claimed_until = null
				where id = :id and status = 'FAILED'""")
			.param("now", Timestamp.from(time.now()))
			.param("id", id)
			.update();
		if (updated == 0) {
			throw new NotFoundException("Failed delivery", id);
		}
		audit.recordChanges("notification_delivery", id, List.of(new FieldChange("status", "FAILED", "QUEUED")), admin);
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins see and retry deliveries");
		}
	}

}
