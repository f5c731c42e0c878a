package io.intime.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountManagement.Stewards;
import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notices in the caller's transaction: a notification per recipient and a delivery
 * per outside channel of the kind, each skipped when its key exists (a replay or a second
 * node).
 */
@Service
class NotificationWriter implements Notifications {

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final Today time;

	private final Map<String, NotificationKind> kinds;

	NotificationWriter(JdbcClient jdbc, AccountManagement accounts, Today time, List<NotificationKind> kinds) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.time = time;
		this.kinds = kinds.stream().collect(Collectors.toMap(NotificationKind::key, Function.identity()));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int send(Notice notice) {
		return sendAll(List.of(notice));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int sendAll(List<Notice> notices) {
		if (notices.isEmpty()) {
			return 0;
		}
		Map<Long, Stewards> stewards = accounts
			.stewards(notices.stream().map(Notice::accountId).filter(Objects::nonNull).collect(Collectors.toSet()));
		Instant now = time.now();
		int written = 0;
		for (Notice notice : notices) {
			NotificationKind kind = kind(notice.kind());
			Stewards account = notice.accountId() == null ? null : stewards.get(notice.accountId());
			NotificationSeverity severity = notice.severity() != null ? notice.severity() : kind.severity();
			for (long recipient : recipients(kind, notice, account)) {
				Long id = jdbc.sql("""
						insert into notification (recipient_id, kind, severity, account_id, record_type, record_id,
						  occasion, title, body, link, reply_to_id, actor, created_at)
						values (:recipient, :kind, :severity, :account, :recordType, :recordId, :occasion, :title,
						  :body, :link, :replyTo, :actor, :now)
						on conflict do nothing returning id""")
					.param("recipient", recipient)
					.param("kind", kind.key())
					.param("severity", severity.name())
					.param("account", notice.accountId())
					.param("recordType", notice.recordType())
					.param("recordId", notice.recordId())
					.param("occasion", notice.occasion())
					.param("title", notice.title())
					.param("body", notice.body())
					.param("link", notice.link())
					.param("replyTo", account == null ? null : account.ownerId())
					.param("actor", notice.actor().name())
					.param("now", Timestamp.from(now))
					.query(Long.class)
					.optional()
					.orElse(null);
				if (id == null) {
					continue;
				}
				written++;
				for (Channel channel : kind.channels()) {
					if (channel != Channel.IN_APP) {
						jdbc.sql("""
								insert into notification_delivery (notification_id, channel, status, due_at, created_at)
								values (:id, :channel, 'QUEUED', :now, :now) on conflict do nothing""")
							.param("id", id)
							.param("channel", channel.name())
							.param("now", Timestamp.from(now))
							.update();
					}
				}
			}
		}
		return written;
	}

	private NotificationKind kind(String key) {
		NotificationKind kind = kinds.get(key);
		if (kind == null) {
			throw new IllegalArgumentException("No module declares the notification kind " + key);
		}
		return kind;
	}

	/** The kind's audiences and the named users, without the actor. */
	private static Set<Long> recipients(NotificationKind kind, Notice notice, Stewards account) {
		Set<Long> recipients = new LinkedHashSet<>();
		if (account != null) {
			if (kind.audiences().contains(Audience.OWNER) && account.ownerId() != null) {
				recipients.add(account.ownerId());
			}
			if (kind.audiences().contains(Audience.EXECUTIVE_SPONSOR) && account.executiveSponsorId() != null) {
				recipients.add(account.executiveSponsorId());
			}
		}
		recipients.addAll(notice.namedUserIds());
		if (notice.actor().userId() != null) {
			recipients.remove(notice.actor().userId());
		}
		return new LinkedHashSet<>(new ArrayList<>(recipients));
	}

}
