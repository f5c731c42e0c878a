package io.intime.notifications;

import java.util.List;
import java.util.Objects;

/**
 * An email to someone outside the firm (a client's contact), sent by a person of the
 * firm: from their name and address (the reply goes to them), in plain text.
 *
 * @param inReplyTo the Message-ID of the message it answers, or null (threads the reply)
 * @param attachments files sent along, e.g. an iCalendar invitation
 */
public record ClientEmail(String fromName, String fromEmail, String toName, String toEmail, String subject, String text,
		String inReplyTo, List<Attachment> attachments) {

	public ClientEmail {
		Objects.requireNonNull(fromEmail, "fromEmail");
		Objects.requireNonNull(toEmail, "toEmail");
		Objects.requireNonNull(subject, "subject");
		text = text == null ? "" : text;
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	/**
	 * A file sent along.
	 *
	 * @param contentType e.g. {@code text/calendar; method=REQUEST}
	 */
	public record Attachment(String filename, String contentType, byte[] content) {
	}

}
