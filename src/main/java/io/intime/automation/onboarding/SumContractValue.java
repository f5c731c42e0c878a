package io.intime.automation.onboarding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.intime.accounts.ContractView;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 4: the value of everything the client has signed that is in force: the annual
 * value of the service lines of its ACTIVE contracts (its ARR), and their total contract
 * value over their terms, per currency (amounts in different currencies are not added).
 */
@Component
class SumContractValue implements WorkflowAction {

	static final String KEY = "onboarding.contract-value";

	private final OnboardingRecords records;

	SumContractValue(OnboardingRecords records) {
		this.records = records;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Sum the total contract value";
	}

	@Override
	@Transactional(readOnly = true)
	public ActionResult run(ActionContext context) {
		List<ContractView> active = records.activeContracts(context);
		Map<String, BigDecimal> annual = new TreeMap<>();
		Map<String, BigDecimal> total = new TreeMap<>();
		int lines = 0;
		for (ContractView contract : active) {
			lines += contract.serviceLines().size();
			annual.merge(contract.currency(), contract.arr().amount(), BigDecimal::add);
			total.merge(contract.currency(), contract.totalContractValue().amount(), BigDecimal::add);
		}
		if (active.isEmpty()) {
			return ActionResult.of("No active contract: total contract value 0").with("activeContracts", 0);
		}
		List<String> totals = new ArrayList<>();
		total.forEach((currency, amount) -> totals.add(currency + " " + OnboardingRecords.amount(amount)));
		List<String> arr = new ArrayList<>();
		annual.forEach((currency, amount) -> arr.add(currency + " " + OnboardingRecords.amount(amount)));
		String line = "Total contract value " + String.join(" + ", totals) + " over "
				+ OnboardingRecords.count(lines, "active service line") + " in "
				+ OnboardingRecords.count(active.size(), "contract") + " (annual value " + String.join(" + ", arr)
				+ ")";
		ActionResult result = ActionResult.of(line).with("activeContracts", active.size()).with("serviceLines", lines);
		for (Map.Entry<String, BigDecimal> e : total.entrySet()) {
			result = result.with("total" + e.getKey(), e.getValue().toPlainString())
				.with("annual" + e.getKey(), annual.get(e.getKey()).toPlainString());
		}
		return result;
	}

}
