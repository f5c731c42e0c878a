package io.intime.engagement;

import java.time.Instant;
import java.util.List;

import io.intime.shared.DomainEvent;

/**
 * An email from a client arrived and was filed at its account as an activity pending the
 * account manager's review; other modules react to it (the calendar reads attendees'
 * iCalendar replies among its attachments, escalations offer to raise one from it).
 *
 * @param contactId null when only the sender's domain matched the account
 * @param critical whether it says one of the critical words
 */
public record InboundEmailReceived(long activityId, long accountId, Long contactId, String from, String subject,
		String text, List<Attachment> attachments, boolean critical, Instant at) implements DomainEvent {

	@Override
	public io.intime.shared.Actor actor() {
		return io.intime.shared.Actor.SYSTEM;
	}

	public record Attachment(String filename, String contentType, byte[] content) {
	}

}
