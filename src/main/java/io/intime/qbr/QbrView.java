package io.intime.qbr;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A QBR as people read it. Its time, place and attendees are its meeting's
 * ({@code meetingId}, in engagement's calendar).
 *
 * @param dueDate when the tier's cadence wants it held by
 * @param deckReadyAt when the first deck was generated (quality: 3 days before)
 * @param executiveAttended whether an executive of the firm attended (quality), null
 * until finalized
 * @param followUpSentAt when the summary email went out (quality: within a week)
 */
public record QbrView(long id, long accountId, String accountName, QbrQuarter quarter, LocalDate dueDate,
		QbrStatus status, Long meetingId, Instant startsAt, Long ownerId, String ownerName, String agenda, String notes,
		Instant deckReadyAt, Boolean executiveAttended, Instant followUpSentAt, Instant completedAt, long version) {

	/** Overdue: not done and its due date has passed. */
	public boolean overdue(LocalDate today) {
		return (status == QbrStatus.PLANNED || status == QbrStatus.SCHEDULED) && dueDate.isBefore(today);
	}

}
