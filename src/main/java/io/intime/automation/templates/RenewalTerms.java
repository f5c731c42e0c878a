package io.intime.automation.templates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.renewals.RenewalView;
import io.intime.renewals.Renewals;
import io.intime.shared.Money;
import io.intime.workflows.ActionContext;

import org.springframework.stereotype.Component;

/**
 * What an Annual Renewal run renews and on which terms, read the same way by the
 * agreement the client signs and by the update that writes the contract, so that the
 * contract carries what was signed: the run's contract (or the account's active contract
 * ending on the kickoff's end date, else its next to end), its renewal record, and the
 * price finance approved last (the ARR, the discount it reflects, the term).
 */
@Component
class RenewalTerms {

	static final int DEFAULT_TERM_MONTHS = 12;

	private final ContractManagement contracts;

	private final Renewals renewals;

	RenewalTerms(ContractManagement contracts, Renewals renewals) {
		this.contracts = contracts;
		this.renewals = renewals;
	}

	/**
	 * The renewal's terms.
	 *
	 * @param renewal the renewal record, or null when none is opened yet
	 * @param currentArr the ARR renewed today (of every contract ending with it)
	 * @param newArr the approved ARR
	 * @param start the first day of the renewed term (the day after the contract ends)
	 * @param end its last day
	 * @param scope what a downgraded client keeps, when it downgraded
	 */
	record Terms(ContractView contract, RenewalView renewal, Money currentArr, Money newArr, BigDecimal discountPercent,
			int termMonths, LocalDate start, LocalDate end, String scope) {

		String contractNumber() {
			return renewal != null && renewal.contractNumber() != null ? renewal.contractNumber() : contract.number();
		}

		/** The change against the current ARR in percent, e.g. +8 (one decimal). */
		BigDecimal changePercent() {
			if (currentArr.amount().signum() == 0) {
				return null;
			}
			return newArr.amount()
				.subtract(currentArr.amount())
				.multiply(BigDecimal.valueOf(100))
				.divide(currentArr.amount(), 1, java.math.RoundingMode.HALF_UP)
				.stripTrailingZeros();
		}

	}

	/**
	 * The terms of the run, without opening a renewal.
	 * @throws IllegalStateException when the run has no approved price or no active
	 * contract to renew (the step fails with this message)
	 */
	Terms of(ActionContext context) {
		ContractView contract = contract(context);
		RenewalView renewal = existingRenewal(context, contract);
		return terms(context, contract, renewal);
	}

	Terms terms(ActionContext context, ContractView contract, RenewalView renewal) {
		BigDecimal arr = RunValues.decimal(context, "pricing-approval", "proposed-arr");
		if (arr == null) {
			throw new IllegalStateException("The renewal has no approved price: the pricing approval gave no ARR");
		}
		BigDecimal discount = RunValues.decimal(context, "pricing-approval", "discount-percent");
		BigDecimal term = RunValues.decimal(context, "pricing-approval", "term-months");
		int months = term == null ? DEFAULT_TERM_MONTHS : term.intValue();
		Money current = renewal != null ? renewal.currentArr() : contract.arr();
		Money approved = new Money(arr, contract.currency());
		LocalDate start = contract.endDate().plusDays(1);
		String scope = approved.amount().compareTo(current.amount()) < 0
				? RunValues.text(context, "downgrade-details", "downgrade-scope") : null;
		return new Terms(contract, renewal, current, approved, discount == null ? BigDecimal.ZERO : discount, months,
				start, start.plusMonths(months).minusDays(1), scope);
	}

	/**
	 * The contract the run renews.
	 * @throws IllegalStateException when the account has no active contract
	 */
	ContractView contract(ActionContext context) {
		if (context.contractId() != null) {
			return contracts.get(context.contractId(), Actors.SYSTEM);
		}
		if (context.renewalId() != null) {
			RenewalView renewal = renewals.get(context.renewalId(), Actors.SYSTEM);
			if (renewal.contractId() != null) {
				return contracts.get(renewal.contractId(), Actors.SYSTEM);
			}
		}
		List<ContractView> active = contracts.forAccount(context.accountId(), Actors.SYSTEM)
			.stream()
			.filter(c -> c.status() == ContractStatus.ACTIVE)
			.sorted(Comparator.comparing(ContractView::endDate).thenComparing(ContractView::id))
			.toList();
		String endText = RunValues.text(context, "kickoff", "contract-end-date");
		LocalDate end = endText == null ? null : LocalDate.parse(endText);
		return active.stream()
			.filter(c -> c.endDate().equals(end))
			.findFirst()
			.or(() -> active.stream().findFirst())
			.orElseThrow(() -> new IllegalStateException("The account has no active contract to renew"));
	}

	/** The renewal record of the run or of its contract, or null when none is open. */
	RenewalView existingRenewal(ActionContext context, ContractView contract) {
		if (context.renewalId() != null) {
			return renewals.get(context.renewalId(), Actors.SYSTEM);
		}
		return renewals.ofContracts(List.of(contract.id()), Actors.SYSTEM).get(contract.id());
	}

	/** The run's renewal record, opened now when there is none. */
	RenewalView renewal(ActionContext context, ContractView contract) {
		RenewalView existing = existingRenewal(context, contract);
		return existing != null ? existing : renewals.initiate(contract.id(), Actors.SYSTEM);
	}

}
