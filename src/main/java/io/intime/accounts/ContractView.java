package io.intime.accounts;

import java.time.LocalDate;
import java.util.List;

import io.intime.shared.Money;
import io.intime.shared.Stamp;

/**
 * A contract as pages and the API show it, with its ARR and total contract value and its
 * rate card ({@code rates}: the hourly bill rate range per role, empty when none was
 * agreed).
 */
public record ContractView(long id, long accountId, String accountName, ContractType type, String number,
		LocalDate startDate, LocalDate endDate, ContractStatus status, String paymentTerms, String currency,
		List<ServiceLineView> serviceLines, Money arr, Money totalContractValue, Stamp stamp,
		List<ContractRateView> rates) {

	public long daysToEnd(LocalDate today) {
		return java.time.temporal.ChronoUnit.DAYS.between(today, endDate);
	}
}
