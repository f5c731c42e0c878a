package io.intime.notifications.internal;

import java.util.List;

/**
 * One delivery as a channel sends it: a notification (or, for a digest, several) rendered
 * for one recipient.
 *
 * @param key the delivery's deterministic key (kind, record, recipient, occasion,
 * channel), sent along where the channel allows (email Message-ID, chat and SMS
 * idempotency headers) so that a receiver can drop a repeat
 * @param recipientName the recipient's full name
 * @param email the recipient's email address
 * @param phone the recipient's mobile number in E.164, or null
 * @param chatWebhook the recipient's own chat webhook URL, or null for the organization's
 * @param subject one line (the notification's title, or the digest's)
 * @param text the plain text, with the record's full link
 * @param link the record's full URL, or null
 * @param items the notifications a digest collects (one for a single notice)
 * @param kind the notification kind (for the email's unsubscribe link), or null for a
 * digest
 * @param replyToEmail the account owner's email address (the email's Reply-To), or null
 * @param replyToName the account owner's name, or null
 */
public record OutgoingMessage(String key, String recipientName, String email, String phone, String chatWebhook,
		String subject, String text, String link, List<Item> items, String kind, String replyToEmail,
		String replyToName) {

	/** A message without kind and reply-to. */
	public OutgoingMessage(String key, String recipientName, String email, String phone, String chatWebhook,
			String subject, String text, String link, List<Item> items) {
		this(key, recipientName, email, phone, chatWebhook, subject, text, link, items, null, null, null);
	}

	/** One notification in the message. */
	public record Item(String kind, String severity, String title, String body, String link) {
	}

}
