package io.intime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the in-process SMTP server received (the {@code sent_mail} table), read back as
 * the messages a mail client would get, for browser tests that check an email or a
 * calendar invitation.
 */
public final class SentMails {

	private SentMails() {
	}

	/**
	 * The latest message to {@code to} whose subject starts with {@code subjectStart},
	 * waiting up to 40 seconds for the delivery worker.
	 */
	public static MimeMessage await(JdbcClient jdbc, String to, String subjectStart) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (System.nanoTime() < deadline) {
			List<byte[]> found = jdbc.sql(
					"select raw from sent_mail where lower(envelope_to) = lower(:to) and subject like :s order by id desc")
				.param("to", to)
				.param("s", subjectStart + "%")
				.query((rs, n) -> rs.getBytes(1))
				.list();
			if (!found.isEmpty()) {
				return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(found.get(0)));
			}
			Thread.sleep(500);
		}
		throw new AssertionError("No email to " + to + ": " + subjectStart);
	}

	/** The text/calendar part of the message parsed with iCal4j, or null without one. */
	public static Calendar calendar(MimeMessage message) throws Exception {
		Part part = find(message, "text/calendar");
		if (part == null) {
			return null;
		}
		try (InputStream in = part.getInputStream()) {
			return new CalendarBuilder().build(new StringReader(new String(in.readAllBytes(), "UTF-8")));
		}
	}

	/** The first part of this type, depth first, or null. */
	public static Part find(Part part, String mimeType) throws Exception {
		if (part.isMimeType(mimeType)) {
			return part;
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				Part found = find(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
