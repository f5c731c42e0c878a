package io.intime.staffing;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of a placement. {@code falloffDate} is required when, and only
 * when, the status is FALLOFF; a COMPLETED placement has an {@code endDate}.
 * {@code recruiterId} left empty on a new placement is the job's recruiter.
 */
public record PlacementForm(@NotBlank @Size(max = 200) String candidateName, Long recruiterId,
		@NotNull PlacementType type, @NotNull LocalDate startDate, LocalDate endDate, @NotNull PlacementStatus status,
		LocalDate falloffDate) {

	/**
	 * A new active contract placement starting today, made by {@code recruiterId} (may be
	 * null).
	 */
	public static PlacementForm blank(LocalDate today, Long recruiterId) {
		return new PlacementForm("", recruiterId, PlacementType.CONTRACT, today, null, PlacementStatus.ACTIVE, null);
	}
}
