package io.intime.staffing;

import java.time.LocalDate;
import java.util.List;

/**
 * One account's jobs and placements since a day, as a review of its quarters (a QBR)
 * reads them: a few hundred rows at most for one account, aggregated by the reader.
 */
public record AccountStaffing(long accountId, List<PlacementFact> placements, List<JobFact> jobs) {

	/**
	 * A placement with its job's title and department and how long the job took to fill
	 * (null while open).
	 */
	public record PlacementFact(long id, long jobId, String jobTitle, String department, PlacementType type,
			String candidateName, LocalDate startDate, LocalDate endDate, PlacementStatus status, LocalDate falloffDate,
			Integer daysToFill, String notes) {
	}

	/** A job: when it was opened and filled, and how many candidates were submitted. */
	public record JobFact(long id, String title, String department, JobStatus status, LocalDate openedOn,
			LocalDate filledOn, LocalDate cancelledOn, int submissions) {
	}

}
