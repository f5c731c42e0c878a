package io.intime.notifications.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
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
 * {@link ChannelSender} outside any transaction (email on one SMTP connection per batch),
 * then records the attempt and marks the delivery sent, or reschedules it with
 * exponential back-off until it fails for good. Digest deliveries that fell due go out as
 * one email per recipient.
 * <p>
 * <b>Nothing lost, nothing sent twice (as far as SMTP allows).</b> A delivery is written
 * with its notice in the business transaction, so once that commits it goes out, whatever
 * stops in between:
 * <ul>
 * <li>The lease's end is the claim's token: a claim after it expired writes a later
 * instant. Right before it sends a delivery, the worker renews the lease in one
 * statement, on the condition that the token is still its own, and marks the delivery as
 * being sent ({@code sent_at} on a row that is not {@code SENT}). A worker that ran past
 * its lease, so that another took the delivery over, does not send it; a send that
 * started has a whole lease to finish, well beyond the SMTP timeouts
 * ({@code spring.mail.properties.*}).</li>
 * <li>As soon as the channel has accepted a message (for SMTP, the server's reply to the
 * end of the data), the worker commits it {@code SENT}: before it sends the next and
 * before it closes the SMTP connection. That record and the renewal of the next delivery
 * are one statement, so one commit.</li>
 * <li>A process that dies leaves its claims behind; when their lease runs out another
 * node (or this one, restarted) claims them. Those it had not begun go out normally. The
 * one it was sending (marked) is in doubt: the dead attempt is recorded as such, counts
 * towards {@code max-attempts} (a message that kills the process is not tried for ever),
 * and the delivery is sent again, with the same key and so the same email
 * Message-ID.</li>
 * </ul>
 * The one window in which a message goes out twice is therefore between the receiving
 * server's acceptance and the {@code SENT} commit (a round trip and a commit): a process
 * that dies in it leaves a delivery that was delivered but is not known to be. SMTP has
 * no idempotent submission that could close it, so the worker errs on the side of sending
 * again rather than losing the message; the Message-ID derived from the key lets a
 * receiver that drops repeats drop it.
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
			Claim claim = claim(only);
			if (claim.claimed() == 0) {
				return sent;
			}
			sent += send(claim);
			if (claim.claimed() < batchSize) {
				return sent;
			}
		}
	}

	/**
	 * A claimed batch: how many rows were claimed, the deliveries to send (without those
	 * that gave up), and the claim's token (the end of its lease, as stored).
	 */
	private record Claim(int claimed, List<Due> due, Instant token) {
	}

	/**
	 * What goes out as one message: one delivery, or a recipient's digest deliveries. Its
	 * {@code lease} is set when the worker began it (renewed the lease and marked it),
	 * null while not begun or when another worker owns it.
	 */
	private static final class Unit {

		final ChannelSender sender;

		final List<Due> deliveries;

		final OutgoingMessage message;

		Instant lease;

		Unit(ChannelSender sender, List<Due> deliveries, OutgoingMessage message) {
			this.sender = sender;
			this.deliveries = deliveries;
			this.message = message;
		}

		List<Long> ids() {
			return deliveries.stream().map(Due::id).toList();
		}

	}

	private Claim claim(Collection<Long> only) {
		List<String> channels = new ArrayList<>();
		for (Channel channel : List.of(Channel.EMAIL, Channel.CHAT, Channel.SMS)) {
			ChannelSender sender = senders.get(channel);
			if (channel != Channel.EMAIL || (sender != null && sender.configured())) {
				channels.add(channel.name());
			}
		}
		Instant now = time.now();
		// as PostgreSQL stores it, so that the token compares equal
		Instant token = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
		if (channels.isEmpty()) {
			return new Claim(0, List.of(), token);
		}
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
				return new Claim(0, List.<Due>of(), token);
			}
			jdbc.sql("update notification_delivery set claimed_until = :until where id in (:ids)")
				.param("until", Timestamp.from(token))
				.param("ids", ids)
				.update();
			recordLostAttempts(ids);
			List<Due> due = jdbc.sql("""
					select d.id, d.channel, d.status, d.attempts, n.kind, n.severity, n.record_type, n.record_id,
					  n.recipient_id, n.occasion, n.title, n.body, n.link, u.full_name, u.email, s.phone,
					  s.chat_webhook_url, o.email as reply_email, o.full_name as reply_name
					from notification_delivery d
					join notification n on n.id = d.notification_id
					join app_user u on u.id = n.recipient_id
					left join notification_settings s on s.user_id = n.recipient_id
					left join app_user o on o.id = n.reply_to_id
					where d.id in (:ids) and d.status in ('QUEUED','HELD','DIGEST') order by d.due_at, d.id""")
				.param("ids", ids)
				.query((rs, row) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9),
						rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
						rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19)))
				.list();
			return new Claim(ids.size(), due, token);
		});
	}

	/**
	 * Among the claimed deliveries, those marked as being sent by a worker that never
	 * recorded the outcome (its process stopped): their attempt is recorded as lost and
	 * counted; a delivery whose last attempt it was fails.
	 */
	private void recordLostAttempts(List<Long> ids) {
		List<Long> lost = jdbc.sql("""
				insert into notification_attempt (delivery_id, at, succeeded, error)
				select id, sent_at, false, :error from notification_delivery
				where id in (:ids) and sent_at is not null and status in ('QUEUED','HELD','DIGEST')
				returning delivery_id""").param("error", LOST_ATTEMPT).param("ids", ids).query(Long.class).list();
		if (lost.isEmpty()) {
			return;
		}
		log.warn("Deliveries {} were being sent when the worker sending them stopped; they go out again "
				+ "(a receiver may have them already, under the same key)", lost);
		jdbc.sql("""
				update notification_delivery set attempts = attempts + 1, sent_at = null, last_error = :error,
				  status = case when attempts + 1 >= :max then 'FAILED' else status end,
				  claimed_until = case when attempts + 1 >= :max then null else claimed_until end
				where id in (:lost)""")
			.param("error", LOST_ATTEMPT)
			.param("max", maxAttempts)
			.param("lost", lost)
			.update();
	}

	/** The error recorded for an attempt whose worker stopped while it ran. */
	static final String LOST_ATTEMPT = "The worker sending it stopped before it recorded the outcome; "
			+ "sent again in case it had not gone out";

	private int send(Claim claim) {
		List<Unit> units = new ArrayList<>();
		Map<Long, List<Due>> digests = new LinkedHashMap<>();
		for (Due due : claim.due()) {
			if ("DIGEST".equals(due.status())) {
				digests.computeIfAbsent(due.recipientId(), id -> new ArrayList<>()).add(due);
				continue;
			}
			Channel channel = Channel.valueOf(due.channel());
			ChannelSender sender = senders.get(channel);
			OutgoingMessage message = message(due);
			// a recipient's own chat webhook works without the organization's; SMS needs
			// a phone number: nothing to send to is skipped, not failed
			boolean usable = sender != null && (sender.configured()
					|| (channel == Channel.CHAT && message.chatWebhook() != null && !message.chatWebhook().isBlank()));
			if (!usable || !sender.canReach(message)) {
				skip(due);
				continue;
			}
			units.add(new Unit(sender, List.of(due), message));
		}
		ChannelSender email = senders.get(Channel.EMAIL);
		for (List<Due> digest : digests.values()) {
			units.add(new Unit(email, digest, digestMessage(digest)));
		}
		if (units.isEmpty()) {
			return 0;
		}
		int sent = 0;
		Map<Channel, ChannelSender.Connection> connections = new EnumMap<>(Channel.class);
		try {
			sentAndBegin(null, units.get(0), claim.token());
			for (int i = 0; i < units.size(); i++) {
				Unit unit = units.get(i);
				Unit next = i + 1 < units.size() ? units.get(i + 1) : null;
				if (unit.lease == null) {
					sentAndBegin(null, next, claim.token());
					continue;
				}
				ChannelSender.Connection connection = connections.computeIfAbsent(unit.sender.channel(),
						channel -> unit.sender.connect());
				String error = attempt(connection, unit.message);
				if (error == null) {
					sent += unit.deliveries.size();
					sentAndBegin(unit, next, claim.token());
				}
				else {
					transactions.executeWithoutResult(status -> {
						recordFailure(unit, error);
						sentAndBegin(null, next, claim.token());
					});
				}
			}
		}
		finally {
			connections.values().forEach(ChannelSender.Connection::close);
		}
		return sent;
	}

	/**
	 * In one statement, so in one commit: records the deliveries of {@code sent} (if not
	 * null) sent, and begins {@code next} (if not null): renews the lease of its
	 * deliveries and marks them as being sent, if they are still this claim's (its
	 * {@code token}). Sent is recorded whoever holds the lease now: a worker that took it
	 * over then finds the delivery sent and does not send it again. The next unit's lease
	 * is set when all its deliveries are still this claim's; one this worker partly lost
	 * is let go (another worker took over the rest).
	 */
	private void sentAndBegin(Unit sent, Unit next, Instant token) {
		if (sent == null && next == null) {
			return;
		}
		Instant now = time.now();
		Instant renewed = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
		Long[] nextIds = next == null ? new Long[0] : next.ids().toArray(Long[]::new);
		int ours = jdbc.sql("""
				with sent as (
				  update notification_delivery set status = 'SENT', sent_at = :now, attempts = attempts + 1,
				    claimed_until = null, last_error = null
				  where id = any(:sent) returning id
				), attempt as (
				  insert into notification_attempt (delivery_id, at, succeeded) select id, :now, true from sent
				), begun as (
				  update notification_delivery set claimed_until = :renewed, sent_at = :now
				  where id = any(:next) and claimed_until = :token and status in ('QUEUED','HELD','DIGEST')
				  returning id
				)
				select count(*) from begun""")
			.param("now", Timestamp.from(now))
			.param("sent", sent == null ? new Long[0] : sent.ids().toArray(Long[]::new))
			.param("renewed", Timestamp.from(renewed))
			.param("next", nextIds)
			.param("token", Timestamp.from(token))
			.query(Integer.class)
			.single();
		if (next == null) {
			return;
		}
		if (ours == nextIds.length) {
			next.lease = renewed;
			return;
		}
		log.warn("Delivery {} was taken over by another worker after this one's lease ran out; not sent here",
				next.message.key());
		if (ours > 0) {
			jdbc.sql("""
					update notification_delivery set claimed_until = null, sent_at = null
					where id = any(:ids) and claimed_until = :renewed""")
				.param("ids", nextIds)
				.param("renewed", Timestamp.from(renewed))
				.update();
		}
	}

	/** Sends, returning null when the channel accepted the message, else the error. */
	private String attempt(ChannelSender.Connection connection, OutgoingMessage message) {
		try {
			connection.send(message);
			return null;
		}
		catch (DeliveryException | RuntimeException ex) {
			String error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			log.warn("Delivery {} failed: {}", message.key(), error);
			return error;
		}
	}

	/**
	 * Records a failed attempt of a begun unit while its lease is still this worker's:
	 * rescheduled with back-off, or failed for good after the last attempt.
	 */
	private void recordFailure(Unit unit, String error) {
		Instant now = time.now();
		for (Due due : unit.deliveries) {
			jdbc.sql("insert into notification_attempt (delivery_id, at, succeeded, error) values (?, ?, false, ?)")
				.params(due.id(), Timestamp.from(now), error)
				.update();
			if (due.attempts() + 1 >= maxAttempts) {
				jdbc.sql("""
						update notification_delivery set status = 'FAILED', attempts = attempts + 1, sent_at = null,
						  claimed_until = null, last_error = ? where id = ? and claimed_until = ?""")
					.params(error, due.id(), Timestamp.from(unit.lease))
					.update();
			}
			else {
				Duration wait = backoff.multipliedBy(1L << Math.min(due.attempts(), 20));
				jdbc.sql("""
						update notification_delivery set attempts = attempts + 1, due_at = ?, sent_at = null,
						  claimed_until = null, last_error = ? where id = ? and claimed_until = ?""")
					.params(Timestamp.from(now.plus(wait)), error, due.id(), Timestamp.from(unit.lease))
					.update();
			}
		}
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
