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
import org.springframework.jdbc.support.SqlArrayValue;
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
		// A fixed number of statements whatever the number of notices (a scan may send
		// thousands): the accounts' stewards, their teams and directors, who may see
		// them,
		// the recipients' settings, one insert of the notifications and one of their
		// deliveries.
		Set<Long> accountIds = notices.stream()
			.map(Notice::accountId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, Stewards> stewards = accounts.stewards(accountIds);
		Teams teams = teams(notices, accountIds);
		Instant now = time.now();
		Map<Notice, Set<Long>> recipientsOf = new java.util.LinkedHashMap<>();
		List<Long> pairAccounts = new ArrayList<>();
		List<Long> pairUsers = new ArrayList<>();
		for (Notice notice : notices) {
			Stewards account = notice.accountId() == null ? null : stewards.get(notice.accountId());
			NotificationKind kind = kind(notice.kind());
			Set<Long> recipients = recipients(kind, notice, account);
			if (notice.accountId() != null) {
				recipients.addAll(teams.audiences(kind, notice.accountId()));
				if (notice.actor().userId() != null) {
					recipients.remove(notice.actor().userId());
				}
				for (Long r : recipients) {
					pairAccounts.add(notice.accountId());
					pairUsers.add(r);
				}
			}
			recipientsOf.put(notice, recipients);
		}
		Map<Long, Map<Long, Boolean>> viewers = accounts.mayViewEach(pairAccounts, pairUsers);
		for (Map.Entry<Notice, Set<Long>> e : recipientsOf.entrySet()) {
			Notice notice = e.getKey();
			if (notice.accountId() != null) {
				boolean health = notice.kind().startsWith("health.");
				Map<Long, Boolean> allowed = viewers.getOrDefault(notice.accountId(), Map.of());
				e.getValue().removeIf(r -> !allowed.containsKey(r) || health && !allowed.get(r));
			}
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
		Rows rows = new Rows();
		for (Notice notice : notices) {
			NotificationKind kind = kind(notice.kind());
			Stewards account = notice.accountId() == null ? null : stewards.get(notice.accountId());
			NotificationSeverity severity = notice.severity() != null ? notice.severity() : kind.severity();
			for (long recipient : recipientsOf.get(notice)) {
				Recipient person = people.get(recipient);
				if (person != null) {
					rows.add(notice, kind, severity, person, account == null ? null : account.ownerId());
				}
			}
		}
		if (rows.isEmpty()) {
			return 0;
		}
		List<Object[]> inserted = jdbc
			.sql("""
					insert into notification (recipient_id, kind, severity, account_id, record_type, record_id,
					  occasion, title, body, link, reply_to_id, actor, created_at)
					select r.recipient, r.kind, r.severity, r.account, r.record_type, r.record, r.occasion, r.title, r.body,
					       r.link, r.reply_to, r.actor, :now
					  from unnest(:recipients, :kinds, :severities, :accounts, :recordTypes, :records, :occasions, :titles,
					              :bodies, :links, :replyTos, :actors)
					       as r(recipient, kind, severity, account, record_type, record, occasion, title, body, link, reply_to, actor)
					on conflict do nothing returning id, recipient_id, kind, record_type, record_id, occasion""")
			.param("recipients", new SqlArrayValue("bigint", rows.recipients.toArray()))
			.param("kinds", new SqlArrayValue("varchar", rows.kinds.toArray()))
			.param("severities", new SqlArrayValue("varchar", rows.severities.toArray()))
			.param("accounts", new SqlArrayValue("bigint", rows.accounts.toArray()))
			.param("recordTypes", new SqlArrayValue("varchar", rows.recordTypes.toArray()))
			.param("records", new SqlArrayValue("bigint", rows.records.toArray()))
			.param("occasions", new SqlArrayValue("varchar", rows.occasions.toArray()))
			.param("titles", new SqlArrayValue("text", rows.titles.toArray()))
			.param("bodies", new SqlArrayValue("text", rows.bodies.toArray()))
			.param("links", new SqlArrayValue("varchar", rows.links.toArray()))
			.param("replyTos", new SqlArrayValue("bigint", rows.replyTos.toArray()))
			.param("actors", new SqlArrayValue("varchar", rows.actors.toArray()))
			.param("now", Timestamp.from(now))
			.query((rs,
					n) -> new Object[] { rs.getLong(1),
							Rows.key(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)) })
			.list();
		List<Long> deliveryIds = new ArrayList<>();
		List<String> channels = new ArrayList<>();
		List<String> statuses = new ArrayList<>();
		List<Timestamp> dues = new ArrayList<>();
		for (Object[] row : inserted) {
			Rows.Row written = rows.byKey.get((String) row[1]);
			if (written == null) {
				continue;
			}
			for (Delivery delivery : written.person().deliveries(written.kind(), written.severity(), now)) {
				deliveryIds.add((Long) row[0]);
				channels.add(delivery.channel().name());
				statuses.add(delivery.status());
				dues.add(Timestamp.from(delivery.dueAt()));
			}
		}
		if (!deliveryIds.isEmpty()) {
			jdbc.sql("""
					insert into notification_delivery (notification_id, channel, status, due_at, created_at)
					select d.id, d.channel, d.status, d.due, :now
					  from unnest(:ids, :channels, :statuses, :dues) as d(id, channel, status, due)
					on conflict do nothing""")
				.param("ids", new SqlArrayValue("bigint", deliveryIds.toArray()))
				.param("channels", new SqlArrayValue("varchar", channels.toArray()))
				.param("statuses", new SqlArrayValue("varchar", statuses.toArray()))
				.param("dues", new SqlArrayValue("timestamptz", dues.toArray()))
				.param("now", Timestamp.from(now))
				.update();
		}
		return inserted.size();
	}

	/** The notification rows of one send, in columns for one insert. */
	private static final class Rows {

		record Row(Recipient person, NotificationKind kind, NotificationSeverity severity) {
		}

		final List<Long> recipients = new ArrayList<>();

		final List<String> kinds = new ArrayList<>();

		final List<String> severities = new ArrayList<>();

		final List<Long> accounts = new ArrayList<>();

		final List<String> recordTypes = new ArrayList<>();

		final List<Long> records = new ArrayList<>();

		final List<String> occasions = new ArrayList<>();

		final List<String> titles = new ArrayList<>();

		final List<String> bodies = new ArrayList<>();

		final List<String> links = new ArrayList<>();

		final List<Long> replyTos = new ArrayList<>();

		final List<String> actors = new ArrayList<>();

		final Map<String, Row> byKey = new HashMap<>();

		void add(Notice notice, NotificationKind kind, NotificationSeverity severity, Recipient person, Long replyTo) {
			recipients.add(person.id());
			kinds.add(kind.key());
			severities.add(severity.name());
			accounts.add(notice.accountId());
			recordTypes.add(notice.recordType());
			records.add(notice.recordId());
			occasions.add(notice.occasion());
			titles.add(notice.title());
			bodies.add(notice.body());
			links.add(notice.link());
			replyTos.add(replyTo);
			actors.add(notice.actor().name());
			byKey.putIfAbsent(key(person.id(), kind.key(), notice.recordType(), notice.recordId(), notice.occasion()),
					new Row(person, kind, severity));
		}

		boolean isEmpty() {
			return recipients.isEmpty();
		}

		static String key(long recipient, String kind, String recordType, long record, String occasion) {
			return recipient + "\u0000" + kind + "\u0000" + recordType + "\u0000" + record + "\u0000" + occasion;
		}

	}

	/**
	 * The team members (and which are recruiting managers) and the owner's sales director
	 * of the notices' accounts, in one statement each when any kind needs them.
	 */
	private Teams teams(List<Notice> notices, Set<Long> accountIds) {
		boolean needed = notices.stream().anyMatch(n -> {
			Set<Audience> a = kind(n.kind()).audiences();
			return n.accountId() != null && (a.contains(Audience.ACCOUNT_TEAM)
					|| a.contains(Audience.RECRUITING_MANAGER) || a.contains(Audience.SALES_DIRECTOR));
		});
		Teams teams = new Teams(new HashMap<>(), new HashMap<>());
		if (!needed || accountIds.isEmpty()) {
			return teams;
		}
		Object[] ids = accountIds.toArray();
		jdbc.sql("""
				select t.account_id, t.user_id, u.role = 'RECRUITING_MANAGER' from account_team_member t
				  join app_user u on u.id = t.user_id where t.account_id = any(:accounts)""")
			.param("accounts", new SqlArrayValue("bigint", ids))
			.query(rs -> {
				teams.members()
					.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new long[] { rs.getLong(2), rs.getBoolean(3) ? 1 : 0 });
			});
		jdbc.sql("""
				select a.id, o.manager_id from account a join app_user o on o.id = a.owner_id
				 where a.id = any(:accounts) and o.manager_id is not null""")
			.param("accounts", new SqlArrayValue("bigint", ids))
			.query(rs -> {
				teams.directors().put(rs.getLong(1), rs.getLong(2));
			});
		return teams;
	}

	/** Who of an account's team a kind reaches. */
	private record Teams(Map<Long, List<long[]>> members, Map<Long, Long> directors) {

		List<Long> audiences(NotificationKind kind, long accountId) {
			boolean team = kind.audiences().contains(Audience.ACCOUNT_TEAM);
			boolean recruitingManagers = kind.audiences().contains(Audience.RECRUITING_MANAGER);
			List<Long> ids = new ArrayList<>();
			for (long[] m : members.getOrDefault(accountId, List.of())) {
				if (team || recruitingManagers && m[1] == 1) {
					ids.add(m[0]);
				}
			}
			if (kind.audiences().contains(Audience.SALES_DIRECTOR) && directors.containsKey(accountId)) {
				ids.add(directors.get(accountId));
			}
			return ids;
		}

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
