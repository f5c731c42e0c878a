package io.intime.engagement;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of an NPS response. {@code contactId} (who answered) is a contact
 * of the response's account, or null for an anonymous answer.
 */
public record NpsForm(Long contactId,
		@NotNull(message = "choose a score from 0 to 10") @Min(value = 0, message = "must be between 0 and 10") @Max(
				value = 10, message = "must be between 0 and 10") Integer score,
		@Size(max = 2000) String comment, @NotNull(message = "is required") LocalDate respondedOn,
		@NotNull(message = "is required") SurveyType surveyType) {
}
