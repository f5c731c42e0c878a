package io.intime.automation.onboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContractView;
import io.intime.automation.ExpiryAlerts;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 13: an SMS (with the in-app notice) to the account manager for each ACTIVE
 * contract within {@value ExpiryAlerts#WITHIN_DAYS} days of its end, through
 * {@link ExpiryAlerts}, which sends it once per contract and end date however many runs
 * and rules ask.
 */
@Component
class UrgentRenewalAlert implements WorkflowAction {

	static final String KEY = "onboarding.renewal-alert";

	private final OnboardingRecords records;

	private final ExpiryAlerts alerts;

	UrgentRenewalAlert(OnboardingRecords records, ExpiryAlerts alerts) {
		this.records = records;
		this.alerts = alerts;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "SMS the account manager when a contract is about to expire";
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		AccountDetails account = records.account(context);
		LocalDate today = records.today();
		List<ContractView> active = records.activeContracts(context);
		if (active.isEmpty()) {
			return ActionResult.of("No active contract: no alert").with("alerts", 0);
		}
		String manager = account.ownerName() != null ? account.ownerName() : "the account manager (none assigned)";
		List<String> lines = new ArrayList<>();
		int alerted = 0;
		for (ContractView contract : active) {
			long days = contract.daysToEnd(today);
			boolean due = alerts.alertIfDue(account.id(), account.name(), contract.id(), contract.number(),
					contract.endDate(), contract.arr(), today);
			String ends = "Contract " + contract.number() + (days < 0
					? " ended " + OnboardingRecords.days(-days) + " ago" : " ends in " + OnboardingRecords.days(days))
					+ " (" + contract.endDate() + ")";
			if (due) {
				alerted++;
				lines.add(ends + ": SMS to " + manager);
			}
			else {
				lines.add(ends + ": no alert (alerts go out " + ExpiryAlerts.WITHIN_DAYS + " days before the end)");
			}
		}
		return new ActionResult(lines, java.util.Map.of("alerts", alerted), null, null);
	}

}
