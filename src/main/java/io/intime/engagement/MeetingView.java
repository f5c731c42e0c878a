package io.intime.engagement;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** A meeting with its attendees and their answers. */
public record MeetingView(long id, String uid, int sequence, long accountId, String accountName, String type,
		String title, Instant startsAt, Instant endsAt, String timeZone, String location, String videoLink,
		String agenda, long organizerId, String organizerName, String status, long version, Long activityId,
		List<Attendee> attendees) {

	/**
	 * An invitee: of the firm ({@code userId}) or a client's contact ({@code contactId}).
	 */
	public record Attendee(Long userId, Long contactId, String name, String email, String partstat) {
	}

	public boolean cancelled() {
		return "CANCELLED".equals(status);
	}

	/** When it starts in someone's zone. */
	public ZonedDateTime startIn(ZoneId zone) {
		return startsAt.atZone(zone);
	}

	public ZonedDateTime endIn(ZoneId zone) {
		return endsAt.atZone(zone);
	}

	public long minutes() {
		return java.time.Duration.between(startsAt, endsAt).toMinutes();
	}

}
