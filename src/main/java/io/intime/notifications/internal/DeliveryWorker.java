package io.intime.notifications.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.notifications.Channel;
import io.intime.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries: claims a batch with {@code FOR UPDATE SKIP LOCKED} and a lease
 * ({@code claimed_until}) in a short transaction, sends each through its channel's
 * {@link ChannelSender} outside any transaction, then records the attempt and marks the
 * delivery sent, or reschedules it with exponential back-off until it fails for good.
 * Digest deliveries that fell due go out as one email per recipient.
 */
@Service
class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Today time;

	private final Map<Channel, ChannelSender> senders;

	private final Duration backoff;

	private final int maxAttempts;

	private final int batchSize;

	private final Duration lease;

	private final Environment environment;

	DeliveryWorker(Environment environment, JdbcClient jdbc, TransactionTemplate transactions, Today time,
			List<ChannelSender> senders, @Value("${intime.notifications.retry-backoff:30s}") Duration backoff,
			@Value("${intime.notifications.max-attempts:6}") int maxAttempts,
			@Value("${intime.notifications.batch-size:200}") int batchSize,
			@Value("${intime.notifications.lease:5m}") Duration lease) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.time = time;
		this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
		this.backoff = backoff;
		this.maxAttempts = maxAttempts;
		this.batchSize = batchSize;
		this.lease = lease;
		this.environment = environment;
	}

	/** One claimed delivery with what its message needs. */
	record Due(long id, String channel, String status, int attempts, String kind, String severity, String recordType,
			long recordId, long recipientId, String occasion, String title, String body, String link,
			String recipientName, String email, String phone, String chatWebhook, String replyToEmail,
			String replyToName) {

		String key() {
			return kind + "|" + recordType + ":" + recordId + "|" + recipientId + "|" + occasion + "|" + channel;
		}

	}

	/** Sends until nothing is due; returns the number of deliveries sent. */
	int sendDue() {
		return sendDue(null);
	}

	/**
	 * Sends until nothing is due, only the given deliveries when {@code only} is not
	 * null; returns the number of deliveries sent.
	 */
	int sendDue(Collection<Long> only) {
		int sent = 0;
		while (true) {
			List<Due> batch = claim(only);
			if (batch.isEmpty()) {
				return sent;
			}
			sent += send(batch);
			if (batch.size() < batchSize) {
				return sent;
			}
		}
	}

	private List<Due> claim(Collection<Long> only) {
		List<String> channels = new ArrayList<>();
		for (Channel channel : List.of(Channel.EMAIL, Channel.CHAT, Channel.SMS)) {
			ChannelSender sender = senders.get(channel);
			if (channel != Channel.EMAIL || (sender != null && sender.configured())) {
				channels.add(channel.name());
			}
		}
		if (channels.isEmpty()) {
			return List.of();
		}
		Instant now = time.now();
		return transactions.execute(status -> {
			List<Long> ids = jdbc.sql("""
					select id from notification_delivery
					where status in ('QUEUED','HELD','DIGEST') and due_at <= :now and channel in (:channels)
					  and (claimed_until is null or claimed_until < :now) and (:all or id in (:only))
					order by due_at limit :limit for update skip locked""")
				.param("now", Timestamp.from(now))
				.param("all", only == null)
				.param("only", only == null || only.isEmpty() ? List.of(-1L) : only)
				.param("channels", channels)
				.param("limit", batchSize)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				return List.<Due>of();
			}
			jdbc.sql("update notification_delivery set claimed_until = :until where id in (:ids)")
				.param("until", Timestamp.from(now.plus(lease)))
				.param("ids", ids)
				.update();
			return jdbc.sql("""
					select d.id, d.channel, d.status, d.attempts, n.kind, n.severity, n.record_type, n.record_id,
					  n.recipient_id, n.occasion, n.title, n.body, n.link, u.full_name, u.email, s.phone,
					  s.chat_webhook_url, o.email as reply_email, o.full_name as reply_name
					from notification_delivery d
					join notification n on n.id = d.notification_id
					join app_user u on u.id = n.recipient_id
					left join notification_settings s on s.user_id = n.recipient_id
					left join app_user o on o.id = n.reply_to_id
					where d.id in (:ids) order by d.due_at, d.id""")
				.param("ids", ids)
				.query((rs, row) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9),
						rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
						rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19)))
				.list();
		});
	}

	private int send(List<Due> batch) {
		int sent = 0;
		Map<Long, List<Due>> digests = new LinkedHashMap<>();
		for (Due due : batch) {
			if ("DIGEST".equals(due.status())) {
				digests.computeIfAbsent(due.recipientId(), id -> new ArrayList<>()).add(due);
				continue;
			}
			Channel channel = Channel.valueOf(due.channel());
			ChannelSender sender = senders.get(channel);
			OutgoingMessage message = message(due);
			// a recipient's own chat webhook works without the organization's; SMS needs
			// a
			// phone number: nothing to send to is skipped, not failed
			boolean usable = sender != null && (sender.configured()
					|| (channel == Channel.CHAT && message.chatWebhook() != null && !message.chatWebhook().isBlank()));
			if (!usable || !sender.canReach(message)) {
				skip(due);
				continue;
			}
			sent += attempt(sender, List.of(due), message) ? 1 : 0;
		}
		ChannelSender email = senders.get(Channel.EMAIL);
		for (List<Due> digest : digests.values()) {
			sent += attempt(email, digest, digestMessage(digest)) ? digest.size() : 0;
		}
		return sent;
	}

	private boolean attempt(ChannelSender sender, List<Due> deliveries, OutgoingMessage message) {
		String error;
		try {
			sender.send(message);
			error = null;
		}
		catch (DeliveryException | RuntimeException ex) {
			error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			log.warn("Delivery {} failed: {}", message.key(), error);
		}
		record(deliveries, error);
		return error == null;
	}

	private void record(List<Due> deliveries, String error) {
		Instant now = time.now();
		transactions.executeWithoutResult(status -> {
			for (Due due : deliveries) {
				jdbc.sql("insert into notification_attempt (delivery_id, at, succeeded, error) values (?, ?, ?, ?)")
					.params(due.id(), Timestamp.from(now), error == null, error)
					.update();
				if (error == null) {
					jdbc.sql("""
							update notification_delivery set status = 'SENT', sent_at = ?, attempts = attempts + 1,
							  claimed_until = null, last_error = null where id = ?""")
						.params(Timestamp.from(now), due.id())
						.update();
				}
				else if (due.attempts() + 1 >= maxAttempts) {
					jdbc.sql("""
							update notification_delivery set status = 'FAILED', attempts = attempts + 1,
							  claimed_until = null, last_error = ? where id = ?""").params(error, due.id()).update();
				}
				else {
					Duration wait = backoff.multipliedBy(1L << Math.min(due.attempts(), 20));
					jdbc.sql("""
							update notification_delivery set attempts = attempts + 1, due_at = ?,
							  claimed_until = null, last_error = ? where id = ?""")
						.params(Timestamp.from(now.plus(wait)), error, due.id())
						.update();
				}
			}
		});
	}

	private void skip(Due due) {
		jdbc.sql("update notification_delivery set status = 'SKIPPED', claimed_until = null where id = ?")
			.params(due.id())
			.update();
	}

	private OutgoingMessage message(Due due) {
		String link = absolute(due.link());
		String text = due.body() + (link == null ? "" : "\n\n" + link);
		return new OutgoingMessage(due.key(), due.recipientName(), due.email(), due.phone(), due.chatWebhook(),
				due.title(), text, link, List.of(item(due)), due.kind(), due.replyToEmail(), due.replyToName());
	}

	private OutgoingMessage digestMessage(List<Due> digest) {
		Due first = digest.get(0);
		String subject = "Your daily digest: " + digest.size() + " notification" + (digest.size() == 1 ? "" : "s");
		String text = digest.stream()
			.map(due -> "- " + due.title() + (due.link() == null ? "" : " " + absolute(due.link())))
			.collect(Collectors.joining("\n"));
		String key = "digest|" + first.recipientId() + "|"
				+ digest.stream().map(due -> String.valueOf(due.id())).collect(Collectors.joining(",")) + "|EMAIL";
		return new OutgoingMessage(key, first.recipientName(), first.email(), first.phone(), first.chatWebhook(),
				subject, text, null, digest.stream().map(this::item).toList(), null, null, null);
	}

	private OutgoingMessage.Item item(Due due) {
		return new OutgoingMessage.Item(due.kind(), due.severity(), due.title(), due.body(), absolute(due.link()));
	}

	/** A path made a full URL with {@code intime.base-url}. */
	private String absolute(String link) {
		if (link == null || !link.startsWith("/")) {
			return link;
		}
		String base = environment.getProperty("intime.base-url", "http://localhost:8080").trim();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + link;
	}

}
