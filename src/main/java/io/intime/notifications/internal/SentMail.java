package io.intime.notifications.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail the in-process SMTP server received (embedded default only), read back as its
 * recipient's mail program would show it: parsed from the stored raw message.
 */
@Service
@Conditional(EmbeddedMailServer.Embedded.class)
class SentMail {

	private final JdbcClient jdbc;

	private final Session session = Session.getInstance(new Properties());

	SentMail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A line of the list. */
	record Row(long id, String to, String subject, Instant receivedAt) {
	}

	/** One message as its recipient sees it. */
	record Message(long id, String from, String to, String replyTo, String subject, Instant receivedAt,
			String listUnsubscribe, String messageId, String html, String text, byte[] raw) {
	}

	/** Newest first; {@code recipient} filters by part of the address (may be blank). */
	@Transactional(readOnly = true)
	PageResult<Row> list(String recipient, PageRequest page) {
		String filter = recipient == null ? "" : recipient.trim().toLowerCase();
		long[] total = { 0 };
		List<Row> rows = jdbc.sql("""
				select id, envelope_to, subject, received_at, count(*) over () as total from sent_mail
				where (:filter = '' or lower(envelope_to) like '%' || :filter || '%')
				order by received_at desc, id desc limit :limit offset :offset""")
			.param("filter", filter)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return new Row(rs.getLong("id"), rs.getString("envelope_to"), rs.getString("subject"),
						rs.getTimestamp("received_at").toInstant());
			})
			.list();
		if (rows.isEmpty() && page.page() > 0) {
			total[0] = jdbc.sql(
					"select count(*) from sent_mail where (:filter = '' or lower(envelope_to) like '%' || :filter || '%')")
				.param("filter", filter)
				.query(Long.class)
				.single();
		}
		return new PageResult<>(rows, total[0], page.page(), page.size());
	}

	@Transactional(readOnly = true)
	Optional<Message> find(long id) {
		return jdbc.sql("select id, envelope_to, raw, received_at from sent_mail where id = :id")
			.param("id", id)
			.query((rs, n) -> parse(rs.getLong("id"), rs.getString("envelope_to"), rs.getBytes("raw"),
					rs.getTimestamp("received_at")))
			.optional();
	}

	private Message parse(long id, String envelopeTo, byte[] raw, Timestamp receivedAt) {
		try {
			MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
			String[] html = { null };
			String[] text = { null };
			collect(message, html, text);
			return new Message(id, header(message, "From"),
					Optional.ofNullable(header(message, "To")).orElse(envelopeTo), header(message, "Reply-To"),
					message.getSubject(), receivedAt.toInstant(), header(message, "List-Unsubscribe"),
					message.getMessageID(), html[0], text[0], raw);
		}
		catch (MessagingException | IOException ex) {
			return new Message(id, null, envelopeTo, null, "(a message that does not parse: " + ex.getMessage() + ")",
					receivedAt.toInstant(), null, null, null, new String(raw, java.nio.charset.StandardCharsets.UTF_8),
					raw);
		}
	}

	private static String header(MimeMessage message, String name) throws MessagingException {
		String value = message.getHeader(name, ", ");
		return value == null ? null : jakarta.mail.internet.MimeUtility.unfold(decode(value));
	}

	private static String decode(String value) {
		try {
			return jakarta.mail.internet.MimeUtility.decodeText(value);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			return value;
		}
	}

	/** The first text/html and text/plain parts, however deep in multiparts. */
	private static void collect(Part part, String[] html, String[] text) throws MessagingException, IOException {
		if (part.isMimeType("text/html") && html[0] == null) {
			html[0] = (String) part.getContent();
		}
		else if (part.isMimeType("text/plain") && text[0] == null) {
			text[0] = (String) part.getContent();
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, html, text);
			}
		}
	}

}
