package io.intime.staffing;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of a placement. {@code falloffDate} is required when, and only
 * when, the status is FALLOFF; a COMPLETED placement has an {@code endDate}.
 * {@code recruiterId} left empty on a new placement is the job's recruiter.
 * {@code notes}: how it was won and what the client said (a QBR's success stories are
 * chosen from placements with notes).
 */
public record PlacementForm(@NotBlank @Size(max = 200) String candidateName, Long recruiterId,
		@NotNull PlacementType type, @NotNull LocalDate startDate, LocalDate endDate, @NotNull PlacementStatus status,
		LocalDate falloffDate, @Size(max = 4000) String notes) {

	public PlacementForm {
		notes = notes == null || notes.isBlank() ? null : notes.strip();
	}

	/** A placement without notes. */
	public PlacementForm(String candidateName, Long recruiterId, PlacementType type, LocalDate startDate,
			LocalDate endDate, PlacementStatus status, LocalDate falloffDate) {
		this(candidateName, recruiterId, type, startDate, endDate, status, falloffDate, null);
	}

	/**
	 * A new active contract placement starting today, made by {@code recruiterId} (may be
	 * null).
	 */
	public static PlacementForm blank(LocalDate today, Long recruiterId) {
		return new PlacementForm("", recruiterId, PlacementType.CONTRACT, today, null, PlacementStatus.ACTIVE, null);
	}
}
