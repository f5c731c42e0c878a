package io.intime.staffing;

import java.time.LocalDate;

import io.intime.shared.web.MoneyInput;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of a job. {@code filledOn} belongs to a FILLED job and
 * {@code cancelledOn} to a CANCELLED one: left empty, they are set to today when the job
 * gets that status. {@code billRate} (per hour) and {@code recruiterId} are optional;
 * {@code submissions} counts the candidates submitted to the client so far.
 */
public record JobForm(@NotBlank @Size(max = 200) String title, @Size(max = 200) String department,
		@NotNull JobStatus status, @NotNull JobPriority priority, @NotNull LocalDate openedOn, LocalDate filledOn,
		LocalDate cancelledOn, MoneyInput billRate, Long recruiterId,
		@NotNull @Min(value = 0, message = "must be 0 or more") Integer submissions) {

	/** A new open job, opened today. */
	public static JobForm blank(LocalDate today, String currency) {
		return new JobForm("", "", JobStatus.OPEN, JobPriority.MEDIUM, today, null, null,
				new MoneyInput(null, currency), null, 0);
	}
}
