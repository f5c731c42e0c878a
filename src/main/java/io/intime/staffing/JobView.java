package io.intime.staffing;

import java.time.LocalDate;

import io.intime.shared.Money;
import io.intime.shared.Stamp;

/**
 * A job as pages and the API show it.
 *
 * @param billRate per hour, or null
 * @param recruiterId and {@code recruiterName}: null while nobody is assigned
 * @param placements candidates placed on it so far
 * @param daysOpen days from opening to filling or cancelling, or to today while it is
 * open or on hold
 * @param timeToFillDays days from opening to filling; null unless FILLED
 */
public record JobView(long id, long accountId, String accountName, String title, String department, JobStatus status,
		JobPriority priority, LocalDate openedOn, LocalDate filledOn, LocalDate cancelledOn, Money billRate,
		Long recruiterId, String recruiterName, int submissions, int placements, int daysOpen, Integer timeToFillDays,
		Stamp stamp) {

	public boolean open() {
		return status == JobStatus.OPEN || status == JobStatus.ON_HOLD;
	}
}
