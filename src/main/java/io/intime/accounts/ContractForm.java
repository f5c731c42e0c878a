package io.intime.accounts;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The editable fields of a contract with its service lines. */
public record ContractForm(@NotNull ContractType type, @NotBlank @Size(max = 40) String number,
		@NotNull LocalDate startDate, @NotNull LocalDate endDate, @NotNull ContractStatus status,
		@NotBlank @Size(max = 40) String paymentTerms,
		@NotBlank @Pattern(regexp = "[A-Z]{3}",
				message = "must be a 3-letter ISO 4217 code such as USD") String currency,
		@NotNull @Valid @Size(max = 100,
				message = "may have at most 100 service lines") List<ServiceLineForm> serviceLines) {

	public static ContractForm blank(String currency, LocalDate start) {
		return new ContractForm(ContractType.MSA, "", start, start.plusYears(1).minusDays(1), ContractStatus.DRAFT,
				"Net 30", currency, List.of(new ServiceLineForm("", null)));
	}
}
