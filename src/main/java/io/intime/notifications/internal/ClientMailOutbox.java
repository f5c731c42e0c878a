package io.intime.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.intime.notifications.ClientEmail;
import io.intime.notifications.ClientMail;
import io.intime.shared.Today;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ClientMail}: the emails are rows written in the caller's transaction; a
 * scheduler task claims the due ones ({@code FOR UPDATE SKIP LOCKED}, so several nodes
 * share the work) and sends them through the configured mail server, from the person of
 * the firm (Sender: the application's address), retrying with back-off and giving up
 * after five attempts.
 */
@Service
class ClientMailOutbox implements ClientMail {

	private static final Logger log = LoggerFactory.getLogger(ClientMailOutbox.class);

	static final int MAX_ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final TransactionTemplate transaction;

	private final Today time;

	private final String systemFrom;

	private final Session session = Session.getInstance(new Properties());

	ClientMailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, TransactionTemplate transaction, Today time,
			@Value("${intime.mail.from:InTime Accounts <notifications@intime.local>}") String systemFrom) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.transaction = transaction;
		this.time = time;
		this.systemFrom = systemFrom;
	}

	@Override
	@Transactional
	public String send(ClientEmail email) {
		String messageId = "<" + UUID.randomUUID() + "@intime>";
		Instant now = time.now();
		long id = jdbc.sql("""
				insert into client_email (message_id, from_name, from_email, to_name, to_email, subject, text_body,
				                          in_reply_to, next_attempt_at, created_at)
				values (:mid, :fromName, :fromEmail, :toName, :toEmail, :subject, :text, :inReplyTo, :now, :now)
				returning id""")
			.param("mid", messageId)
			.param("fromName", email.fromName() == null ? email.fromEmail() : email.fromName())
			.param("fromEmail", email.fromEmail())
			.param("toName", email.toName())
			.param("toEmail", email.toEmail())
			.param("subject", email.subject())
			.param("text", email.text())
			.param("inReplyTo", email.inReplyTo())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		for (ClientEmail.Attachment a : email.attachments()) {
			jdbc.sql("""
					insert into client_email_attachment (email_id, filename, content_type, content)
					values (:id, :name, :type, :content)""")
				.param("id", id)
				.param("name", a.filename())
				.param("type", a.contentType())
				.param("content", a.content())
				.update();
		}
		return messageId;
	}

	record Due(long id, String messageId, String fromName, String fromEmail, String toName, String toEmail,
			String subject, String text, String inReplyTo, int attempts) {
	}

	record File(String filename, String contentType, byte[] content) {
	}

	/** Sends what is due, one message per transaction; returns how many were sent. */
	int sendDue() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		for (int i = 0; i < 100; i++) {
			Boolean done = transaction.execute(status -> {
				Due due = jdbc
					.sql("""
							select id, message_id, from_name, from_email, to_name, to_email, subject, text_body, in_reply_to,
							       attempts
							  from client_email where status = 'QUEUED' and next_attempt_at <= :now
							 order by next_attempt_at, id limit 1 for update skip locked""")
					.param("now", Timestamp.from(time.now()))
					.query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
							rs.getInt(10)))
					.optional()
					.orElse(null);
				if (due == null) {
					return null;
				}
				List<File> files = jdbc.sql(
						"select filename, content_type, content from client_email_attachment where email_id = ? order by id")
					.params(due.id())
					.query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
					.list();
				try {
					sender.send(render(due, files));
					jdbc.sql(
							"update client_email set status = 'SENT', sent_at = :now, attempts = attempts + 1, error = null where id = :id")
						.param("now", Timestamp.from(time.now()))
						.param("id", due.id())
						.update();
					return true;
				}
				catch (Exception ex) {
					int attempts = due.attempts() + 1;
					log.warn("Client email {} to {} failed (attempt {}): {}", due.id(), due.toEmail(), attempts,
							ex.getMessage());
					jdbc.sql("""
							update client_email set attempts = :attempts, error = :error, next_attempt_at = :next,
							       status = case when :attempts >= :max then 'FAILED' else 'QUEUED' end
							 where id = :id""")
						.param("attempts", attempts)
						.param("max", MAX_ATTEMPTS)
						.param("error",
								String.valueOf(ex.getMessage())
									.substring(0, Math.min(1000, String.valueOf(ex.getMessage()).length())))
						.param("next",
								Timestamp.from(time.now().plus(Duration.ofSeconds(30L << Math.min(attempts, 8)))))
						.param("id", due.id())
						.update();
					return false;
				}
			});
			if (done == null) {
				break;
			}
			if (done) {
				sent++;
			}
		}
		return sent;
	}

	MimeMessage render(Due due, List<File> files) throws Exception {
		MimeMessage mime = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", due.messageId());
			}
		};
		mime.setFrom(new InternetAddress(due.fromEmail(), due.fromName(), StandardCharsets.UTF_8.name()));
		mime.setSender(InternetAddress.parse(systemFrom)[0]);
		mime.setReplyTo(new InternetAddress[] {
				new InternetAddress(due.fromEmail(), due.fromName(), StandardCharsets.UTF_8.name()) });
		mime.setRecipient(Message.RecipientType.TO,
				new InternetAddress(due.toEmail(), due.toName(), StandardCharsets.UTF_8.name()));
		mime.setSubject(due.subject(), StandardCharsets.UTF_8.name());
		if (due.inReplyTo() != null) {
			mime.setHeader("In-Reply-To", due.inReplyTo());
			mime.setHeader("References", due.inReplyTo());
		}
		mime.setSentDate(Date.from(time.now()));
		MimeBodyPart text = new MimeBodyPart();
		text.setText(due.text(), StandardCharsets.UTF_8.name(), "plain");
		if (files.isEmpty()) {
			mime.setContent(new MimeMultipart(text));
		}
		else {
			MimeMultipart mixed = new MimeMultipart("mixed");
			mixed.addBodyPart(text);
			for (File f : files) {
				MimeBodyPart part = new MimeBodyPart();
				part.setDataHandler(new DataHandler(new ByteArrayDataSource(f.content(), f.contentType())));
				part.setFileName(f.filename());
				part.setHeader("Content-Type", f.contentType() + "; name=\"" + f.filename() + "\"");
				mixed.addBodyPart(part);
			}
			mime.setContent(mixed);
		}
		mime.saveChanges();
		mime.setHeader("Message-ID", due.messageId());
		return mime;
	}

	@Configuration(proxyBeanMethods = false)
	static class Task {

		@Bean
		RecurringTask<Void> clientMailDelivery(ClientMailOutbox outbox,
				@Value("${intime.notifications.client-mail-interval:3s}") Duration interval) {
			return Tasks.recurring("notifications.client-mail", Schedules.fixedDelay(interval))
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> outbox.sendDue());
		}

	}

}
