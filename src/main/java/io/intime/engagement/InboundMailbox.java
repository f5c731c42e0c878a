package io.intime.engagement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Optional IMAP polling of a mailbox that receives the clients' mail (issue 13 section
 * 2), beside the inbound webhook: every unread message is handed to {@link InboundEmails}
 * like a webhook's, then marked read. A message polled twice (the node died between
 * filing and marking) is filed once, by its Message-ID. Off unless
 * {@code intime.mail.imap.host} is set.
 */
@Component
class InboundMailbox {

	private static final Logger log = LoggerFactory.getLogger(InboundMailbox.class);

	/** Where to read mail; {@code host} null or blank switches polling off. */
	record Settings(String host, int port, boolean ssl, String username, String password, String folder) {

		boolean enabled() {
			return host != null && !host.isBlank();
		}

	}

	private final InboundEmails inbound;

	private final Settings settings;

	InboundMailbox(InboundEmails inbound, @Value("${intime.mail.imap.host:}") String host,
			@Value("${intime.mail.imap.port:993}") int port, @Value("${intime.mail.imap.ssl:true}") boolean ssl,
			@Value("${intime.mail.imap.username:}") String username,
			@Value("${intime.mail.imap.password:}") String password,
			@Value("${intime.mail.imap.folder:INBOX}") String folder) {
		this.inbound = inbound;
		this.settings = new Settings(host, port, ssl, username, password, folder);
	}

	/**
	 * Polls the configured mailbox; returns how many messages were filed on an account.
	 */
	int poll() {
		return settings.enabled() ? poll(settings) : 0;
	}

	/** Polls a mailbox once; returns how many messages were filed on an account. */
	int poll(Settings mailbox) {
		String protocol = mailbox.ssl() ? "imaps" : "imap";
		Properties properties = new Properties();
		properties.put("mail." + protocol + ".connectiontimeout", "10000");
		properties.put("mail." + protocol + ".timeout", "30000");
		Session session = Session.getInstance(properties);
		int filed = 0;
		try (Store store = session.getStore(protocol)) {
			store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
			Folder folder = store.getFolder(mailbox.folder());
			folder.open(Folder.READ_WRITE);
			try {
				for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
					try {
						InboundEmails.Filed result = inbound.receive(read((MimeMessage) message));
						filed += result.activityId() == null ? 0 : 1;
						message.setFlag(Flags.Flag.SEEN, true);
					}
					catch (RuntimeException | MessagingException | IOException e) {
						// one unreadable message must not stop the others; it stays
						// unread
						log.warn("Inbound mailbox: message {} not filed: {}", message.getMessageNumber(),
								e.getMessage());
					}
				}
			}
			finally {
				folder.close(false);
			}
		}
		catch (MessagingException e) {
			log.warn("Inbound mailbox {}@{}: {}", mailbox.username(), mailbox.host(), e.getMessage());
		}
		return filed;
	}

	/** The message in the shape of the inbound webhook. */
	static InboundEmails.InboundMessage read(MimeMessage message) throws MessagingException, IOException {
		Address[] from = message.getFrom();
		List<String> to = new ArrayList<>();
		Address[] recipients = message.getAllRecipients();
		if (recipients != null) {
			for (Address a : recipients) {
				to.add(a.toString());
			}
		}
		Parts parts = new Parts();
		parts.collect(message);
		String[] inReplyTo = message.getHeader("In-Reply-To");
		return new InboundEmails.InboundMessage(from == null || from.length == 0 ? null : from[0].toString(), to,
				message.getSubject(), parts.text, parts.html, message.getMessageID(),
				inReplyTo == null ? null : inReplyTo[0], parts.attachments);
	}

	/** The first plain and HTML texts of a message and its attachments (base64). */
	private static final class Parts {

		String text;

		String html;

		final List<InboundEmails.InboundMessage.Attachment> attachments = new ArrayList<>();

		void collect(Part part) throws MessagingException, IOException {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
				try (InputStream in = part.getInputStream()) {
					ByteArrayOutputStream bytes = new ByteArrayOutputStream();
					in.transferTo(bytes);
					attachments.add(new InboundEmails.InboundMessage.Attachment(part.getFileName(),
							part.getContentType().split(";")[0].trim(),
							Base64.getEncoder().encodeToString(bytes.toByteArray())));
				}
			}
			else if (part.isMimeType("text/plain") && text == null) {
				text = (String) part.getContent();
			}
			else if (part.isMimeType("text/html") && html == null) {
				html = (String) part.getContent();
			}
			else if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i));
				}
			}
		}

	}

	/**
	 * The poll on the shared scheduler (every minute by default; nothing when no host is
	 * set).
	 */
	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> engagementImapPoll(InboundMailbox mailbox,
				@Value("${intime.mail.imap.poll-interval:1m}") Duration interval) {
			return Tasks.recurring("engagement.imap-poll", Schedules.fixedDelay(interval))
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> mailbox.poll());
		}

	}

}
