package io.intime.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
		Map<Notice, Set<Long>> recipientsOf = new java.util.LinkedHashMap<>();
		for (Notice notice : notices) {
			Stewards account = notice.accountId() == null ? null : stewards.get(notice.accountId());
			Set<Long> recipients = recipients(kind(notice.kind()), notice, account);
			if (notice.accountId() != null) {
				recipients.addAll(teamAudiences(kind(notice.kind()), notice.accountId()));
				if (notice.actor().userId() != null) {
					recipients.remove(notice.actor().userId());
				}
			}
			if (notice.accountId() != null && !recipients.isEmpty()) {
				recipients
					.retainAll(accounts.mayView(recipients, notice.accountId(), notice.kind().startsWith("health.")));
			}
			recipientsOf.put(notice, recipients);
		}
		// invitation and reset links go to people who are not enabled yet (invited) or no
		// longer can sign in with their old password: these are the only notices for them
		Set<Long> linkRecipients = notices.stream()
			.filter(notice -> notice.kind().startsWith("identity."))
			.flatMap(notice -> notice.namedUserIds().stream())
			.collect(Collectors.toSet());
		Map<Long, Recipient> people = recipients(
				recipientsOf.values().stream().flatMap(Set::stream).collect(Collectors.toSet()),
				notices.stream().map(Notice::kind).collect(Collectors.toSet()), linkRecipients);
		int written = 0;
		for (Notice notice : notices) {
			NotificationKind kind = kind(notice.kind());
			Stewards account = notice.accountId() == null ? null : stewards.get(notice.accountId());
			NotificationSeverity severity = notice.severity() != null ? notice.severity() : kind.severity();
			for (long recipient : recipientsOf.get(notice)) {
				Recipient person = people.get(recipient);
				if (person == null) {
					continue;
				}
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
				for (Delivery delivery : person.deliveries(kind, severity, now)) {
					jdbc.sql("""
							insert into notification_delivery (notification_id, channel, status, due_at, created_at)
							values (:id, :channel, :status, :due, :now) on conflict do nothing""")
						.param("id", id)
						.param("channel", delivery.channel().name())
						.param("status", delivery.status())
						.param("due", Timestamp.from(delivery.dueAt()))
						.param("now", Timestamp.from(now))
						.update();
				}
			}
		}
		return written;
	}

	/**
	 * The enabled recipients among these users, with their time zone, quiet hours, digest
	 * and channel choices for these kinds: two statements for the whole batch.
	 */
	private Map<Long, Recipient> recipients(Set<Long> userIds, Set<String> kindKeys, Set<Long> linkRecipients) {
		Map<Long, Recipient> people = new HashMap<>();
		if (userIds.isEmpty()) {
			return people;
		}
		Long[] ids = userIds.toArray(Long[]::new);
		jdbc.sql("""
				select u.id, u.time_zone, s.quiet_start, s.quiet_end, coalesce(s.digest, false) as digest,
				  coalesce(s.digest_time, time '08:00') as digest_time
				from app_user u left join notification_settings s on s.user_id = u.id
				where u.id = any(:ids) and (u.enabled or u.id = any(:linkRecipients))""")
			.param("ids", ids)
			.param("linkRecipients", linkRecipients.toArray(Long[]::new))
			.query((rs, n) -> {
				java.sql.Time quietStart = rs.getTime("quiet_start");
				java.sql.Time quietEnd = rs.getTime("quiet_end");
				return new Recipient(rs.getLong("id"), ZoneId.of(rs.getString("time_zone")),
						quietStart == null ? null : quietStart.toLocalTime(),
						quietEnd == null ? null : quietEnd.toLocalTime(), rs.getBoolean("digest"),
						rs.getTime("digest_time").toLocalTime(), new HashMap<>());
			})
			.list()
			.forEach(person -> people.put(person.id(), person));
		jdbc.sql("""
				select user_id, kind, email, chat, sms from notification_preference
				where user_id = any(:ids) and kind = any(:kinds)""")
			.param("ids", ids)
			.param("kinds", kindKeys.toArray(String[]::new))
			.query((rs, n) -> {
				Recipient person = people.get(rs.getLong("user_id"));
				if (person != null) {
					Set<Channel> chosen = EnumSet.noneOf(Channel.class);
					if (rs.getBoolean("email")) {
						chosen.add(Channel.EMAIL);
					}
					if (rs.getBoolean("chat")) {
						chosen.add(Channel.CHAT);
					}
					if (rs.getBoolean("sms")) {
						chosen.add(Channel.SMS);
					}
					person.choices().put(rs.getString("kind"), chosen);
				}
				return person;
			})
			.list();
		return people;
	}

	/**
	 * A delivery to write: its channel, status (QUEUED, HELD, DIGEST) and when it is due.
	 */
	record Delivery(Channel channel, String status, Instant dueAt) {
	}

	/**
	 * A recipient's zone and choices; {@code choices} holds only the kinds they chose
	 * for.
	 */
	record Recipient(long id, ZoneId zone, LocalTime quietStart, LocalTime quietEnd, boolean digest,
			LocalTime digestTime, Map<String, Set<Channel>> choices) {

		/**
		 * The outside deliveries of a notice: urgent ones by email and chat now, whatever
		 * the choices; low ones in the daily digest (email) when the recipient takes it;
		 * the others on the chosen (or the kind's) channels, held until the quiet hours
		 * end.
		 */
		List<Delivery> deliveries(NotificationKind kind, NotificationSeverity severity, Instant now) {
			List<Delivery> deliveries = new ArrayList<>();
			if (severity == NotificationSeverity.URGENT) {
				Set<Channel> channels = EnumSet.of(Channel.EMAIL, Channel.CHAT);
				channels.addAll(choices.getOrDefault(kind.key(), kind.channels()));
				channels.remove(Channel.IN_APP);
				channels.stream().sorted().forEach(channel -> deliveries.add(new Delivery(channel, "QUEUED", now)));
				return deliveries;
			}
			Set<Channel> channels = EnumSet.noneOf(Channel.class);
			channels.addAll(choices.getOrDefault(kind.key(), kind.channels()));
			channels.remove(Channel.IN_APP);
			if (channels.isEmpty()) {
				return deliveries;
			}
			if (severity == NotificationSeverity.LOW && digest) {
				deliveries.add(new Delivery(Channel.EMAIL, "DIGEST", DeliveryTiming.nextDigest(now, zone, digestTime)));
				return deliveries;
			}
			Optional<Instant> held = DeliveryTiming.quietHoursEnd(now, zone, quietStart, quietEnd);
			channels.stream()
				.sorted()
				.forEach(channel -> deliveries.add(held.map(end -> new Delivery(channel, "HELD", end))
					.orElseGet(() -> new Delivery(channel, "QUEUED", now))));
			return deliveries;
		}

	}

	/**
	 * The kind's team audiences of an account in one statement: its team members, the
	 * recruiting managers among them, and the sales director its owner reports to.
	 */
	private List<Long> teamAudiences(NotificationKind kind, long accountId) {
		boolean team = kind.audiences().contains(Audience.ACCOUNT_TEAM);
		boolean recruitingManagers = kind.audiences().contains(Audience.RECRUITING_MANAGER);
		boolean director = kind.audiences().contains(Audience.SALES_DIRECTOR);
		if (!team && !recruitingManagers && !director) {
			return List.of();
		}
		return jdbc.sql("""
				select t.user_id from account_team_member t join app_user u on u.id = t.user_id
				where t.account_id = :account and (:team or (:recruitingManagers and u.role = 'RECRUITING_MANAGER'))
				union
				select o.manager_id from account a join app_user o on o.id = a.owner_id
				where :director and a.id = :account and o.manager_id is not null""")
			.param("account", accountId)
			.param("team", team)
			.param("recruitingManagers", recruitingManagers)
			.param("director", director)
			.query(Long.class)
			.list();
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
