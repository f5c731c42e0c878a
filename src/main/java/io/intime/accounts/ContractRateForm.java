package io.intime.accounts;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One line of a contract's rate card as it is written: a role and its hourly rate range
 * in the contract's currency; {@code maxRate} must not be below {@code minRate}.
 */
public record ContractRateForm(@NotBlank @Size(max = 200) String role,
		@NotNull @DecimalMin(value = "0", message = "must be 0 or more") @Digits(integer = 8, fraction = 2,
				message = "must be an amount with at most 2 decimals") BigDecimal minRate,
		@NotNull @DecimalMin(value = "0", message = "must be 0 or more") @Digits(integer = 8, fraction = 2,
				message = "must be an amount with at most 2 decimals") BigDecimal maxRate) {
}
