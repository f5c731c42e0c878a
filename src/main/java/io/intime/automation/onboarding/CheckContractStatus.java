package io.intime.automation.onboarding;

import java.time.LocalDate;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 2: the contract the client signed, and whether it is in force today (ACTIVE, and
 * today between its start and end). An account without any contract cannot be onboarded:
 * the step fails saying so, and resumes once a contract is recorded.
 */
@Component
class CheckContractStatus implements WorkflowAction {

	static final String KEY = "onboarding.contract-status";

	private final OnboardingRecords records;

	CheckContractStatus(OnboardingRecords records) {
		this.records = records;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Check the contract's status";
	}

	@Override
	@Transactional(readOnly = true)
	public ActionResult run(ActionContext context) {
		AccountDetails account = records.account(context);
		ContractView contract = records.contract(context)
			.orElseThrow(() -> new IllegalStateException(
					account.name() + " has no contract: record the signed contract, then resume the run"));
		LocalDate today = records.today();
		boolean inForce = contract.status() == ContractStatus.ACTIVE && !today.isBefore(contract.startDate())
				&& !today.isAfter(contract.endDate());
		String validity;
		if (inForce) {
			validity = "in force, ends in " + OnboardingRecords.days(contract.daysToEnd(today));
		}
		else if (contract.status() == ContractStatus.ACTIVE && today.isBefore(contract.startDate())) {
			validity = "signed, starts in "
					+ OnboardingRecords.days(java.time.temporal.ChronoUnit.DAYS.between(today, contract.startDate()));
		}
		else {
			validity = "not in force";
		}
		String line = "Contract " + contract.number() + " " + contract.status() + ", " + contract.startDate() + " → "
				+ contract.endDate() + " (" + contract.type() + ", " + contract.paymentTerms() + "): " + validity;
		return ActionResult.of(line)
			.with("contractId", contract.id())
			.with("contractNumber", contract.number())
			.with("status", contract.status().name())
			.with("startDate", contract.startDate().toString())
			.with("endDate", contract.endDate().toString())
			.with("inForce", inForce);
	}

}
