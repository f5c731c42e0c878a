package io.intime.automation.onboarding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.intime.accounts.AccountDetails;
import io.intime.revenue.ArrLedger;
import io.intime.revenue.OpenPipeline;
import io.intime.revenue.RevenueFacts;
import io.intime.shared.database.AccountScope;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 14: the account's forecasted annual revenue brought up to date with its contracts.
 * The revenue module records annual revenue as ARR movements derived from the contracts
 * (a new client, an add-on service line as an expansion, a contraction, a churn); the
 * step reconciles the account's movements with its contracts now rather than waiting for
 * the ledger's listener or sweep, then reads what the ledger records, the account's ARR
 * and its open expansion pipeline. Reconciling is idempotent: a second run records
 * nothing.
 */
@Component
class RevenueForecastUpdate implements WorkflowAction {

	static final String KEY = "onboarding.revenue-forecast";

	private final OnboardingRecords records;

	private final ArrLedger ledger;

	private final RevenueFacts revenue;

	RevenueForecastUpdate(OnboardingRecords records, ArrLedger ledger, RevenueFacts revenue) {
		this.records = records;
		this.ledger = ledger;
		this.revenue = revenue;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Update the revenue forecast";
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		AccountDetails account = records.account(context);
		int recorded = ledger.reconcile(List.of(account.id()), context.actingAs().username());
		Map<String, BigDecimal> ledgerArr = new TreeMap<>(ledger.recordedArr(account.id()));
		OpenPipeline pipeline = revenue.openPipeline(AccountScope.of(List.of(account.id()))).get(account.id());
		List<String> recordedArr = new ArrayList<>();
		ledgerArr.forEach((currency, amount) -> recordedArr.add(currency + " " + OnboardingRecords.amount(amount)));
		StringBuilder line = new StringBuilder("Forecast ARR ").append(OnboardingRecords.money(account.arr()))
			.append(": the revenue ledger records ")
			.append(recordedArr.isEmpty() ? "no ARR yet (the contract has not started)"
					: String.join(" + ", recordedArr))
			.append(recorded == 0 ? ", already up to date with the contracts"
					: " after " + OnboardingRecords.count(recorded, "movement") + " recorded now from the contracts");
		if (pipeline != null && pipeline.open() > 0) {
			line.append("; open expansion pipeline USD ")
				.append(OnboardingRecords.amount(pipeline.openUsd()))
				.append(" in ")
				.append(pipeline.open() == 1 ? "1 opportunity" : pipeline.open() + " opportunities");
		}
		ActionResult result = ActionResult.of(line.toString())
			.with("forecastArr", account.arr().amount().toPlainString())
			.with("currency", account.arr().currency())
			.with("movementsRecorded", recorded);
		return pipeline == null ? result : result.with("openPipelineUsd", pipeline.openUsd().toPlainString());
	}

}
