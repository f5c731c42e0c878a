package io.intime.qbr;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Scheduling a QBR: which one (a planned QBR by id, or an account and the quarter to
 * review), and its meeting as engagement's calendar takes it: the day and time in
 * {@code timeZone} (the organizer's by default), its length (90 minutes by default),
 * where, the agenda, and who is invited: the firm's people ({@code userIds}) and the
 * client's ({@code contactIds}, at least one).
 *
 * @param qbrId the planned QBR, or null to name {@code accountId} and {@code quarter}
 * @param quarter the quarter reviewed, e.g. {@code 2026-Q4}; null: the account's oldest
 * planned QBR, else the first quarter from the current one without a QBR
 * @param version the QBR's version as read, or null when it is planned here
 * @param title null: "&lt;Account&gt; QBR – Q4 2026"
 */
public record QbrScheduleForm(Long qbrId, Long accountId, String quarter, Long version, String title, LocalDate date,
		LocalTime start, Integer durationMinutes, String timeZone, String location, String videoLink, String agenda,
		List<Long> userIds, List<Long> contactIds) {

	/** A QBR's meeting lasts 90 minutes unless said otherwise (spec 01 and 02). */
	public static final int DEFAULT_MINUTES = 90;

	public QbrScheduleForm {
		userIds = userIds == null ? List.of() : List.copyOf(userIds);
		contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
	}

}
