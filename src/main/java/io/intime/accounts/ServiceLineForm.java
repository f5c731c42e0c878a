package io.intime.accounts;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One service line of a contract form. */
public record ServiceLineForm(@NotBlank @Size(max = 200) String name,
		@NotNull @DecimalMin(value = "0", message = "must be 0 or more") @Digits(integer = 15, fraction = 2,
				message = "must be an amount with at most 2 decimals") BigDecimal annualValue) {
}
