package io.intime.staffing;

import java.time.LocalDate;

import io.intime.shared.Stamp;

/**
 * A placement as pages and the API show it; {@code recruiterId} and {@code recruiterName}
 * may be null.
 */
public record PlacementView(long id, long jobId, String jobTitle, long accountId, String accountName,
		String candidateName, Long recruiterId, String recruiterName, PlacementType type, LocalDate startDate,
		LocalDate endDate, PlacementStatus status, LocalDate falloffDate, Stamp stamp) {

	public boolean fellOff() {
		return status == PlacementStatus.FALLOFF;
	}
}
