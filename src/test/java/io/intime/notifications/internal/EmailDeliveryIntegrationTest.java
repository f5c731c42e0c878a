package io.intime.notifications.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
import io.intime.shared.Actor;
import io.intime.shared.Today;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email delivery end to end on the real database and the in-process SMTP server: a notice
 * committed with its business change arrives once, as a multipart/alternative message
 * with the owner as Reply-To, an unsubscribe link and the key's Message-ID; an SMTP
 * server that refuses is retried with back-off, then the delivery fails.
 */
@IntegrationTest
class EmailDeliveryIntegrationTest {

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	Environment environment;

	@Autowired
	Today time;

	@Test
	void aNoticeArrivesOnceAsTheRecipientSeesIt() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		long owner = user("owner-" + suffix, "Olivia Owner");
		long colleague = user("colleague-" + suffix, "Carl Colleague");
		long account = account(suffix, owner);
		transactions.executeWithoutResult(
				status -> notifications.send(Notice
					.about("test.mail", account, "account", account, "test-" + suffix, "Health dropped to red",
							"The health score fell from 72 to 38.", "/accounts/" + account, Actor.SYSTEM)
					.to(colleague)));

		worker.sendDue();
		List<Map<String, Object>> mails = awaitMail(mail("colleague-" + suffix), 1);
		assertThat(mails).hasSize(1);
		MimeMessage message = parse((byte[]) mails.get(0).get("raw"));
		assertThat(message.getSubject()).isEqualTo("Health dropped to red");
		assertThat(message.getHeader("Reply-To", null)).contains("Olivia Owner").contains(mail("owner-" + suffix));
		assertThat(message.getFrom()[0].toString()).contains("notifications@intime.local");
		assertThat(message.getHeader("List-Unsubscribe", null)).endsWith("/settings/notifications?kind=test.mail>");
		String key = "test.mail|account:" + account + "|" + colleague + "|test-" + suffix + "|EMAIL";
		assertThat(message.getMessageID()).isEqualTo(EmailSender.messageId(key)).matches("<[0-9a-f]{64}@intime>");
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		BodyPart text = parts.getBodyPart(0);
		BodyPart html = parts.getBodyPart(1);
		assertThat(text.getContentType()).startsWith("text/plain");
		assertThat((String) text.getContent()).contains("The health score fell from 72 to 38.")
			.contains(environment.getProperty("intime.base-url") + "/accounts/" + account);
		assertThat(html.getContentType()).startsWith("text/html");
		assertThat((String) html.getContent()).contains("Health dropped to red")
			.contains("href=\"" + environment.getProperty("intime.base-url") + "/accounts/" + account + "\"")
			.doesNotContain("<style")
			.doesNotContain("<img");

		// the owner receives it too; the delivery rows are SENT with one attempt each
		awaitMail(mail("owner-" + suffix), 1);
		assertThat(jdbc
			.sql("""
					select d.status || ':' || d.attempts from notification_delivery d join notification n on n.id = d.notification_id
					where n.occasion = ?""")
			.params("test-" + suffix)
			.query(String.class)
			.list()).containsExactly("SENT:1", "SENT:1");

		// a second run sends nothing again
		worker.sendDue();
		Thread.sleep(500);
		assertThat(awaitMail(mail("colleague-" + suffix), 1)).hasSize(1);
	}

	@Test
	void aRefusingServerIsRetriedWithBackOffThenTheDeliveryFails() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		long owner = user("refused-" + suffix, "Rita Refused");
		long account = account("R" + suffix, owner);
		List<Long> deliveries = new ArrayList<>();
		transactions.executeWithoutResult(status -> {
			notifications.send(Notice.about("test.mail", account, "account", account, "refused-" + suffix,
					"Will be refused", "Body", null, Actor.SYSTEM));
			// due in an hour: the application's own worker leaves it to this test's
			// worker
			deliveries.addAll(jdbc.sql("""
					update notification_delivery d set due_at = ? from notification n
					where n.id = d.notification_id and n.occasion = ? returning d.id""")
				.params(java.sql.Timestamp.from(time.now().plus(Duration.ofHours(1))), "refused-" + suffix)
				.query(Long.class)
				.list());
		});
		assertThat(deliveries).hasSize(1);
		SMTPServer refusing = SMTPServer.port(0)
			.bindAddress(java.net.InetAddress.getLoopbackAddress())
			.simpleMessageListener(new org.subethamail.smtp.helper.SimpleMessageListener() {
				@Override
				public boolean accept(String from, String recipient) {
					return false;
				}

				@Override
				public void deliver(String from, String recipient, java.io.InputStream data) {
				}
			})
			.build();
		refusing.start();
		try {
			JavaMailSenderImpl mail = new JavaMailSenderImpl();
			mail.setHost("127.0.0.1");
			mail.setPort(refusing.getPortAllocated());
			EmailSender sender = new EmailSender(mail, environment, "InTime Accounts <notifications@intime.local>",
					java.time.Clock.systemUTC());
			Clock later = Clock.fixed(TestClock.INSTANCE.instant()
				.plus(Duration.ofHours(2))
				.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), java.time.ZoneOffset.UTC);
			MutableClock clock = new MutableClock(later);
			DeliveryWorker refused = new DeliveryWorker(environment, jdbc, transactions, new Today(clock),
					List.of(sender), Duration.ofMinutes(1), 3, 10, Duration.ofMinutes(5));

			assertThat(refused.sendDue(deliveries)).isZero();
			assertThat(state(deliveries.get(0))).isEqualTo("QUEUED:1");
			// back-off: due one minute later, not before
			assertThat(dueAfter(deliveries.get(0), clock)).isEqualTo(Duration.ofMinutes(1));
			assertThat(refused.sendDue(deliveries)).isZero();
			assertThat(state(deliveries.get(0))).isEqualTo("QUEUED:1");

			clock.advance(Duration.ofMinutes(1));
			refused.sendDue(deliveries);
			assertThat(state(deliveries.get(0))).isEqualTo("QUEUED:2");
			assertThat(dueAfter(deliveries.get(0), clock)).isEqualTo(Duration.ofMinutes(2));

			clock.advance(Duration.ofMinutes(2));
			refused.sendDue(deliveries);
			assertThat(state(deliveries.get(0))).isEqualTo("FAILED:3");
			assertThat(jdbc.sql("select last_error from notification_delivery where id = ?")
				.params(deliveries.get(0))
				.query(String.class)
				.single()).isNotBlank();
			assertThat(jdbc.sql("select count(*) from notification_attempt where delivery_id = ? and not succeeded")
				.params(deliveries.get(0))
				.query(Integer.class)
				.single()).isEqualTo(3);
		}
		finally {
			refusing.stop();
		}
	}

	private String state(long delivery) {
		return jdbc.sql("select status || ':' || attempts from notification_delivery where id = ?")
			.params(delivery)
			.query(String.class)
			.single();
	}

	private Duration dueAfter(long delivery, Clock clock) {
		java.sql.Timestamp due = jdbc.sql("select due_at from notification_delivery where id = ?")
			.params(delivery)
			.query(java.sql.Timestamp.class)
			.single();
		return Duration.between(clock.instant(), due.toInstant());
	}

	private List<Map<String, Object>> awaitMail(String to, int count) throws InterruptedException {
		List<Map<String, Object>> mails = List.of();
		for (int i = 0; i < 100; i++) {
			mails = jdbc.sql("select * from sent_mail where envelope_to = ? order by id")
				.params(to)
				.query()
				.listOfRows();
			if (mails.size() >= count) {
				return mails;
			}
			Thread.sleep(100);
		}
		return mails;
	}

	private static MimeMessage parse(byte[] raw) throws Exception {
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
	}

	private static String mail(String username) {
		return username + "@firm.example";
	}

	private long user(String username, String name) {
		return jdbc.sql("""
				insert into app_user (username, full_name, email, role, password_hash, time_zone)
				values (?, ?, ?, 'ACCOUNT_MANAGER', 'x', 'UTC') returning id""")
			.params(username, name, mail(username))
			.query(Long.class)
			.single();
	}

	private long account(String suffix, long owner) {
		return jdbc.sql("""
				insert into account (account_key, name, time_zone, status, tier, billing_currency, owner_id)
				values (?, ?, 'UTC', 'ACTIVE', 'GROWTH', 'USD', ?) returning id""")
			.params("MAIL-" + suffix, "Mail Test " + suffix, owner)
			.query(Long.class)
			.single();
	}

	/** A clock the test moves forward. */
	static final class MutableClock extends Clock {

		private Clock clock;

		MutableClock(Clock clock) {
			this.clock = clock;
		}

		void advance(Duration amount) {
			clock = Clock.offset(clock, amount);
		}

		@Override
		public java.time.ZoneId getZone() {
			return clock.getZone();
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return clock.withZone(zone);
		}

		@Override
		public java.time.Instant instant() {
			return clock.instant();
		}

	}

}
