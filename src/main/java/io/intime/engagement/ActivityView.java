package io.intime.engagement;

import java.time.Instant;
import java.util.List;

import io.intime.shared.Stamp;

/**
 * An activity as pages and the API show it: the form's fields plus who the contact and
 * participant ids are, and whether it was an executive touchpoint.
 */
public record ActivityView(long id, long accountId, String accountName, ActivityType type, ActivityDirection direction,
		String subject, String notes, Instant occurredAt, Integer durationMinutes, String outcome, Sentiment sentiment,
		List<String> tags, List<Long> contactIds, List<Long> participantIds, List<Party> contacts,
		List<Party> participants, boolean executiveTouchpoint, Stamp stamp) {

	/** Whether it lies ahead (a planned call or meeting). */
	public boolean planned(Instant now) {
		return occurredAt.isAfter(now);
	}
}
