package io.intime.accounts;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of an account, as the create and edit forms, the CSV import and the
 * API's POST and PATCH carry them. {@code tierOverride} null means "derive the tier from
 * ARR".
 */
public record AccountForm(@NotBlank @Size(max = 200) String name, @Size(max = 120) String industry,
		@Min(value = 0, message = "must be 0 or more") Integer employeeCount, @Size(max = 200) String hqLocation,
		@NotBlank @Size(max = 60) String timeZone, @NotNull AccountStatus status, Tier tierOverride, boolean strategic,
		@PastOrPresent(message = "cannot be in the future") LocalDate relationshipStart, Long ownerId,
		Long executiveSponsorId,
		@NotBlank @Pattern(regexp = "[A-Z]{3}",
				message = "must be a 3-letter ISO 4217 code such as USD") String billingCurrency,
		@Size(max = 40) String region) {

	public static AccountForm blank() {
		return new AccountForm("", "", null, "", "America/New_York", AccountStatus.PROSPECT, null, false, null, null,
				null, "USD", "North America");
	}
}
