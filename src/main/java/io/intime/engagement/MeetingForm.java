package io.intime.engagement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A meeting as the organizer plans it: the day and time in {@code timeZone} (the
 * organizer's by default), its length, where, the agenda, and who is invited: the firm's
 * people ({@code userIds}) and the account's contacts ({@code contactIds}).
 *
 * @param type CALL, QBR, CHECK_IN or INTERNAL_SYNC
 */
public record MeetingForm(Long accountId, String type, String title, LocalDate date, LocalTime start,
		Integer durationMinutes, String timeZone, String location, String videoLink, String agenda, List<Long> userIds,
		List<Long> contactIds) {

	public MeetingForm {
		userIds = userIds == null ? List.of() : List.copyOf(userIds);
		contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
	}

}
