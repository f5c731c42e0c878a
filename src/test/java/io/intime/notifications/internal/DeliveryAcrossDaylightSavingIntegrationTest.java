package io.intime.notifications.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
import io.intime.shared.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours and the daily digest keep the recipient's local time across a change of
 * daylight saving time: the application's worker runs on the test clock moved to the
 * night before the change in New York, and the messages reach the in-process SMTP server
 * at 07:00 (the end of the quiet hours) or 08:00 (the digest) New York time, which is a
 * different UTC hour than the same local time the day before. The days are the changes of
 * 2026, before the test clock's start, so that no scheduled work falls due while it is
 * moved.
 */
@IntegrationTest
class DeliveryAcrossDaylightSavingIntegrationTest {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryWorker worker;

	@AfterEach
	void resetClock() {
		TestClock.INSTANCE.reset();
	}

	@Test
	void aNoticeInTheQuietHoursBeforeClocksGoForwardGoesOutAtSevenNewYorkTimeWhichIsElevenUtc() {
		// 2026-03-08 02:00 EST: clocks go forward to 03:00 EDT
		long recipient = recipient(LocalTime.of(22, 0), LocalTime.of(7, 0), false);
		Delivery held = notice(recipient, LocalDateTime.of(2026, 3, 7, 23, 30), NotificationSeverity.NORMAL);
		assertThat(held.status()).isEqualTo("HELD");
		assertThat(held.dueAt()).isEqualTo(Instant.parse("2026-03-08T11:00:00Z"));

		assertGoesOutAt(held, recipient, Instant.parse("2026-03-08T11:00:00Z"));
		// a normal night, a week before: 07:00 EST is 12:00 UTC
		Delivery normal = notice(recipient, LocalDateTime.of(2026, 2, 28, 23, 30), NotificationSeverity.NORMAL);
		assertThat(normal.dueAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
		assertGoesOutAt(normal, recipient, Instant.parse("2026-03-01T12:00:00Z"));
	}

	@Test
	void aNoticeInTheQuietHoursBeforeClocksGoBackGoesOutAtSevenNewYorkTimeWhichIsTwelveUtc() {
		// 2026-11-01 02:00 EDT: clocks go back to 01:00 EST
		long recipient = recipient(LocalTime.of(22, 0), LocalTime.of(7, 0), false);
		Delivery held = notice(recipient, LocalDateTime.of(2026, 10, 31, 23, 30), NotificationSeverity.NORMAL);
		assertThat(held.status()).isEqualTo("HELD");
		assertThat(held.dueAt()).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));

		assertGoesOutAt(held, recipient, Instant.parse("2026-11-01T12:00:00Z"));
		// the night before: 07:00 EDT is 11:00 UTC
		Delivery normal = notice(recipient, LocalDateTime.of(2026, 10, 30, 23, 30), NotificationSeverity.NORMAL);
		assertThat(normal.dueAt()).isEqualTo(Instant.parse("2026-10-31T11:00:00Z"));
		assertGoesOutAt(normal, recipient, Instant.parse("2026-10-31T11:00:00Z"));
	}

	@Test
	void lowNoticesGoOutInTheDigestAtEightNewYorkTimeOnEitherSideOfTheChange() {
		long recipient = recipient(LocalTime.of(22, 0), LocalTime.of(7, 0), true);
		// Saturday 2026-10-31 (EDT), the day before clocks go back: two low notices, one
		// in the quiet hours; both wait for Sunday's digest at 08:00 EST = 13:00 UTC
		Delivery afternoon = notice(recipient, LocalDateTime.of(2026, 10, 31, 15, 0), NotificationSeverity.LOW);
		Delivery night = notice(recipient, LocalDateTime.of(2026, 10, 31, 23, 45), NotificationSeverity.LOW);
		assertThat(List.of(afternoon.status(), night.status())).containsOnly("DIGEST");
		assertThat(List.of(afternoon.dueAt(), night.dueAt())).containsOnly(Instant.parse("2026-11-01T13:00:00Z"));

		TestClock.INSTANCE.setInstant(Instant.parse("2026-11-01T12:59:00Z"));
		assertThat(worker.sendDue(List.of(afternoon.id(), night.id()))).isZero();
		TestClock.INSTANCE.setInstant(Instant.parse("2026-11-01T13:00:00Z"));
		assertThat(worker.sendDue(List.of(afternoon.id(), night.id()))).isEqualTo(2);
		List<Map<String, Object>> mail = mailTo(recipient);
		assertThat(mail).hasSize(1);
		assertThat((String) mail.get(0).get("subject")).isEqualTo("Your daily digest: 2 notifications");
		assertReceivedAt(mail.get(0), Instant.parse("2026-11-01T13:00:00Z"));
		assertThat(localTime(mail.get(0))).isEqualTo(LocalTime.of(8, 0));

		// the Saturday's digest, for a notice of Friday: 08:00 EDT = 12:00 UTC
		Delivery friday = notice(recipient, LocalDateTime.of(2026, 10, 30, 15, 0), NotificationSeverity.LOW);
		assertThat(friday.dueAt()).isEqualTo(Instant.parse("2026-10-31T12:00:00Z"));
		TestClock.INSTANCE.setInstant(Instant.parse("2026-10-31T12:00:00Z"));
		assertThat(worker.sendDue(List.of(friday.id()))).isEqualTo(1);
		List<Map<String, Object>> both = mailTo(recipient);
		assertThat(both).hasSize(2);
		assertReceivedAt(both.get(1), Instant.parse("2026-10-31T12:00:00Z"));
		assertThat(localTime(both.get(1))).isEqualTo(LocalTime.of(8, 0));
	}

	/**
	 * Runs the worker a minute before {@code at} (nothing goes out) and at {@code at}:
	 * the message reaches the SMTP server then, at 07:00 New York time.
	 */
	private void assertGoesOutAt(Delivery delivery, long recipient, Instant at) {
		int before = mailTo(recipient).size();
		TestClock.INSTANCE.setInstant(at.minus(Duration.ofMinutes(1)));
		assertThat(worker.sendDue(List.of(delivery.id()))).isZero();
		assertThat(mailTo(recipient)).hasSize(before);
		TestClock.INSTANCE.setInstant(at);
		assertThat(worker.sendDue(List.of(delivery.id()))).isEqualTo(1);
		List<Map<String, Object>> mail = mailTo(recipient);
		assertThat(mail).hasSize(before + 1);
		Map<String, Object> arrived = mail.get(mail.size() - 1);
		assertReceivedAt(arrived, at);
		assertThat(localTime(arrived)).isEqualTo(LocalTime.of(7, 0));
		assertThat(jdbc.sql("select status, sent_at from notification_delivery where id = ?")
			.params(delivery.id())
			.query()
			.singleRow()).containsEntry("status", "SENT");
	}

	private static void assertReceivedAt(Map<String, Object> mail, Instant at) {
		Instant received = ((Timestamp) mail.get("received_at")).toInstant();
		assertThat(Duration.between(at, received)).isBetween(Duration.ZERO, Duration.ofSeconds(10));
	}

	private static LocalTime localTime(Map<String, Object> mail) {
		return ((Timestamp) mail.get("received_at")).toInstant()
			.atZone(NEW_YORK)
			.toLocalTime()
			.withSecond(0)
			.withNano(0);
	}

	/**
	 * A user in New York with these quiet hours and, if {@code digest}, a digest at
	 * 08:00.
	 */
	private long recipient(LocalTime quietStart, LocalTime quietEnd, boolean digest) {
		String username = "dst-" + UUID.randomUUID().toString().substring(0, 8);
		long id = jdbc.sql("""
				insert into app_user (username, full_name, email, role, password_hash, time_zone)
				values (?, 'Nina New York', ?, 'ACCOUNT_MANAGER', 'x', 'America/New_York') returning id""")
			.params(username, username + "@firm.example")
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into notification_settings (user_id, quiet_start, quiet_end, digest, digest_time)
				values (?, ?, ?, ?, '08:00')""")
			.params(id, java.sql.Time.valueOf(quietStart), java.sql.Time.valueOf(quietEnd), digest)
			.update();
		return id;
	}

	/** The email delivery of a notice sent at {@code local} New York time. */
	private Delivery notice(long recipient, LocalDateTime local, NotificationSeverity severity) {
		TestClock.INSTANCE.setInstant(ZonedDateTime.of(local, NEW_YORK).toInstant());
		String occasion = "dst-" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> notifications.send(Notice
			.about("test.mail", null, "account", 1, occasion, "Notice of " + local, "Sent at " + local + " local time.",
					null, Actor.SYSTEM)
			.withSeverity(severity)
			.to(recipient)));
		return jdbc
			.sql("""
					select d.id, d.status, d.due_at from notification_delivery d join notification n on n.id = d.notification_id
					where n.occasion = ? and d.channel = 'EMAIL'""")
			.params(occasion)
			.query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.single();
	}

	private record Delivery(long id, String status, Instant dueAt) {
	}

	private List<Map<String, Object>> mailTo(long recipient) {
		return jdbc.sql("""
				select m.subject, m.received_at from sent_mail m join app_user u on u.email = m.envelope_to
				where u.id = ? order by m.id""").params(recipient).query().listOfRows();
	}

}
