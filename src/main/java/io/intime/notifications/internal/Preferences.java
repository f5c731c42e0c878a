package io.intime.notifications.internal;

import java.net.URI;
import java.sql.Time;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.intime.notifications.Channel;
import io.intime.notifications.NotificationKind;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's notification preferences: the outside channels per kind (the kind's defaults
 * until they choose), quiet hours, the daily digest, and where chat and SMS reach them. A
 * save checks the version in the write, so two tabs cannot overwrite each other.
 */
@Service
class Preferences {

	private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

	private final JdbcClient jdbc;

	private final List<NotificationKind> kinds;

	private final Map<String, NotificationKind> byKey;

	Preferences(JdbcClient jdbc, List<NotificationKind> kinds) {
		this.jdbc = jdbc;
		this.kinds = kinds.stream().sorted(Comparator.comparing(NotificationKind::key)).toList();
		this.byKey = kinds.stream().collect(Collectors.toMap(NotificationKind::key, Function.identity()));
	}

	/** The outside channels chosen for one kind. */
	record KindChoice(boolean email, boolean chat, boolean sms) {

		static KindChoice of(Set<Channel> channels) {
			return new KindChoice(channels.contains(Channel.EMAIL), channels.contains(Channel.CHAT),
					channels.contains(Channel.SMS));
		}

	}

	/**
	 * Everything a user chose; {@code version} is 0 before the first save.
	 *
	 * @param kinds per kind key, in key order
	 */
	record Choices(LocalTime quietStart, LocalTime quietEnd, boolean digest, LocalTime digestTime, String phone,
			String chatWebhookUrl, Map<String, KindChoice> kinds, long version) {
	}

	List<NotificationKind> kinds() {
		return kinds;
	}

	@Transactional(readOnly = true)
	Choices of(long userId) {
		Map<String, KindChoice> chosen = new HashMap<>();
		jdbc.sql("select kind, email, chat, sms from notification_preference where user_id = ?")
			.params(userId)
			.query((rs, n) -> chosen.put(rs.getString(1),
					new KindChoice(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4))))
			.list();
		Map<String, KindChoice> all = new LinkedHashMap<>();
		kinds.forEach(kind -> all.put(kind.key(), chosen.getOrDefault(kind.key(), KindChoice.of(kind.channels()))));
		return jdbc.sql("""
				select quiet_start, quiet_end, digest, digest_time, phone, chat_webhook_url, version
				from notification_settings where user_id = ?""")
			.params(userId)
			.query((rs, n) -> new Choices(time(rs.getTime(1)), time(rs.getTime(2)), rs.getBoolean(3),
					time(rs.getTime(4)), rs.getString(5), rs.getString(6), all, rs.getLong(7)))
			.optional()
			.orElse(new Choices(null, null, false, LocalTime.of(8, 0), null, null, all, 0));
	}

	/**
	 * Saves the choices if nobody saved since {@code choices.version()}.
	 * @throws InvalidInputException naming each wrong field ({@code phone},
	 * {@code chatWebhookUrl}, {@code quietStart}, {@code quietEnd}, {@code digestTime},
	 * {@code kinds.<key>})
	 * @throws StaleVersionException when another save came first
	 */
	@Transactional
	Choices save(long userId, Choices choices) {
		List<FieldError> errors = new ArrayList<>();
		String phone = blankToNull(choices.phone());
		if (phone != null && !E164.matcher(phone).matches()) {
			errors.add(new FieldError("phone", "must be in international form, e.g. +14155550123"));
		}
		String webhook = blankToNull(choices.chatWebhookUrl());
		if (webhook != null && !isHttps(webhook)) {
			errors.add(new FieldError("chatWebhookUrl", "must be an https:// address"));
		}
		if ((choices.quietStart() == null) != (choices.quietEnd() == null)) {
			errors.add(new FieldError(choices.quietStart() == null ? "quietStart" : "quietEnd",
					"is needed with the other end of the quiet hours"));
		}
		else if (choices.quietStart() != null && choices.quietStart().equals(choices.quietEnd())) {
			errors.add(new FieldError("quietEnd", "must differ from the start"));
		}
		if (choices.digest() && choices.digestTime() == null) {
			errors.add(new FieldError("digestTime", "is needed for a daily digest"));
		}
		choices.kinds()
			.keySet()
			.stream()
			.filter(key -> !byKey.containsKey(key))
			.sorted()
			.forEach(key -> errors.add(new FieldError("kinds." + key, "is not a kind of notification")));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		LocalTime digestTime = choices.digestTime() == null ? LocalTime.of(8, 0) : choices.digestTime();
		int written = choices.version() == 0 ? jdbc.sql("""
				insert into notification_settings (user_id, quiet_start, quiet_end, digest, digest_time, phone,
				  chat_webhook_url, version) values (?, ?, ?, ?, ?, ?, ?, 1) on conflict (user_id) do nothing""")
			.params(userId, sqlTime(choices.quietStart()), sqlTime(choices.quietEnd()), choices.digest(),
					sqlTime(digestTime), phone, webhook)
			.update()
				: jdbc.sql("""
						update notification_settings set quiet_start = ?, quiet_end = ?, digest = ?, digest_time = ?,
						  phone = ?, chat_webhook_url = ?, version = version + 1 where user_id = ? and version = ?""")
					.params(sqlTime(choices.quietStart()), sqlTime(choices.quietEnd()), choices.digest(),
							sqlTime(digestTime), phone, webhook, userId, choices.version())
					.update();
		if (written == 0) {
			long current = jdbc.sql("select version from notification_settings where user_id = ?")
				.params(userId)
				.query(Long.class)
				.optional()
				.orElse(0L);
			throw new StaleVersionException("Notification preferences", userId, choices.version(), current);
		}
		for (Map.Entry<String, KindChoice> entry : choices.kinds().entrySet()) {
			KindChoice choice = entry.getValue();
			jdbc.sql("""
					insert into notification_preference (user_id, kind, email, chat, sms) values (?, ?, ?, ?, ?)
					on conflict (user_id, kind) do update set email = excluded.email, chat = excluded.chat,
					  sms = excluded.sms""")
				.params(userId, entry.getKey(), choice.email(), choice.chat(), choice.sms())
				.update();
		}
		return of(userId);
	}

	private static boolean isHttps(String url) {
		try {
			URI uri = URI.create(url);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static LocalTime time(Time time) {
		return time == null ? null : time.toLocalTime();
	}

	private static Time sqlTime(LocalTime time) {
		return time == null ? null : Time.valueOf(time);
	}

	static Set<Channel> channels(KindChoice choice) {
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		if (choice.email()) {
			channels.add(Channel.EMAIL);
		}
		if (choice.chat()) {
			channels.add(Channel.CHAT);
		}
		if (choice.sms()) {
			channels.add(Channel.SMS);
		}
		return channels;
	}

}
