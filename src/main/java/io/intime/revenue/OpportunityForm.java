package io.intime.revenue;

import java.time.LocalDate;

import io.intime.shared.web.MinimumAmount;
import io.intime.shared.web.MoneyInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of an expansion opportunity. Null means: stage IDENTIFIED,
 * identified today, the account's billing currency, owned by whoever creates it.
 * {@code closedOn} belongs to WON and LOST only: closing without one closes today,
 * reopening clears it. {@code lostReason} is required for LOST and belongs to it only
 * (any other stage clears it). {@code championId} is a contact of the account (null: none
 * named); {@code nextStepDue} the day the next step is due (null: no date).
 */
public record OpportunityForm(@NotBlank @Size(max = 300) String title, OpportunityStage stage,
		@NotNull @Valid @MinimumAmount(value = "0", message = "must be 0 or more") MoneyInput value,
		@Size(max = 200) String source, @Size(max = 500) String nextStep, LocalDate identifiedOn, LocalDate closedOn,
		Long ownerId, @Size(max = 500) String lostReason, Long championId, LocalDate nextStepDue) {

	/** Without a champion or a due date for the next step. */
	public OpportunityForm(String title, OpportunityStage stage, MoneyInput value, String source, String nextStep,
			LocalDate identifiedOn, LocalDate closedOn, Long ownerId, String lostReason) {
		this(title, stage, value, source, nextStep, identifiedOn, closedOn, ownerId, lostReason, null, null);
	}

	/** The same form in another stage, with the reason it was lost (LOST only). */
	public OpportunityForm movedTo(OpportunityStage to, String reason) {
		return new OpportunityForm(title, to, value, source, nextStep, identifiedOn, to.open() ? null : closedOn,
				ownerId, to == OpportunityStage.LOST ? reason : null, championId, nextStepDue);
	}

	/** An opportunity that was not lost: no reason. */
	public OpportunityForm(String title, OpportunityStage stage, MoneyInput value, String source, String nextStep,
			LocalDate identifiedOn, LocalDate closedOn, Long ownerId) {
		this(title, stage, value, source, nextStep, identifiedOn, closedOn, ownerId, null);
	}

	public static OpportunityForm blank(String currency, LocalDate today, Long ownerId) {
		return new OpportunityForm("", OpportunityStage.IDENTIFIED, new MoneyInput(null, currency), "", "", today, null,
				ownerId);
	}
}
