package io.intime.accounts.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.accounts.Influence;
import io.intime.shared.CurrencyRates;
import io.intime.shared.Money;

/**
 * The figures of the Overview tab, from the account and its contracts. Contract figures
 * are null when the viewer may not see contracts.
 *
 * @param totalContractValue the TCV of the ACTIVE contracts, in the account's billing
 * currency
 * @param nextEnd the ACTIVE contract that ends first, or null
 * @param daysToNextEnd days from today to its end (negative when it is past)
 */
record AccountOverview(Integer activeContracts, Money totalContractValue, ContractView nextEnd, Long daysToNextEnd,
		List<ContactView> keyContacts) {

	static AccountOverview of(AccountDetails account, List<ContractView> contracts, List<ContactView> contacts,
			CurrencyRates rates, LocalDate today) {
		List<ContactView> key = contacts.stream()
			.filter(ContactView::active)
			.sorted(Comparator.comparing((ContactView c) -> c.influence() == null ? Influence.LOW : c.influence()))
			.limit(4)
			.toList();
		if (contracts == null) {
			return new AccountOverview(null, null, null, null, key);
		}
		List<ContractView> active = contracts.stream().filter(c -> c.status() == ContractStatus.ACTIVE).toList();
		Money tcv = Money.zero(account.billingCurrency());
		for (ContractView contract : active) {
			tcv = tcv.plus(rates.supports(contract.currency()) && rates.supports(account.billingCurrency())
					? rates.convert(contract.totalContractValue(), account.billingCurrency())
					: contract.totalContractValue().currency().equals(account.billingCurrency())
							? contract.totalContractValue() : Money.zero(account.billingCurrency()));
		}
		ContractView next = active.stream().min(Comparator.comparing(ContractView::endDate)).orElse(null);
		Long days = next == null ? null : ChronoUnit.DAYS.between(today, next.endDate());
		return new AccountOverview(active.size(), tcv, next, days, key);
	}

	/**
	 * "green"/"yellow"/"red" for how close the next end is (renewal work starts 120 days
	 * out).
	 */
	public String urgency() {
		if (daysToNextEnd == null) {
			return "";
		}
		return daysToNextEnd < 60 ? "red" : daysToNextEnd <= 120 ? "yellow" : "green";
	}
}
