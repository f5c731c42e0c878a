package io.intime.automation.onboarding;

import java.time.LocalDate;

import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.shared.Editable;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 9: the account becomes ACTIVE (from PROSPECT, or from PAUSED or CHURNED for a
 * client won back), with today as the start of the relationship when none was recorded.
 * Written as the run's owner through the account's edit, with the version read: a change
 * made meanwhile makes the attempt fail and the retry read it again. An ACTIVE account is
 * left as it is.
 */
@Component
class ActivateAccount implements WorkflowAction {

	static final String KEY = "onboarding.activate-account";

	private final AccountManagement accounts;

	private final OnboardingRecords records;

	ActivateAccount(AccountManagement accounts, OnboardingRecords records) {
		this.accounts = accounts;
		this.records = records;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Make the account active";
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		Editable<AccountForm> editable = accounts.editable(context.accountId(), context.actingAs());
		AccountForm form = editable.form();
		AccountStatus before = form.status();
		if (before == AccountStatus.ACTIVE) {
			return ActionResult.of("Status already ACTIVE: unchanged").with("status", before.name());
		}
		// the earlier of the account's day and the organization's: a start never in the
		// future wherever it is read
		LocalDate utc = records.today();
		LocalDate local = records.todayIn(records.zone(records.account(context)));
		LocalDate start = form.relationshipStart() != null ? form.relationshipStart()
				: local.isBefore(utc) ? local : utc;
		AccountForm active = new AccountForm(form.name(), form.industry(), form.employeeCount(), form.hqLocation(),
				form.timeZone(), AccountStatus.ACTIVE, form.tierOverride(), form.strategic(), start, form.ownerId(),
				form.executiveSponsorId(), form.billingCurrency(), form.region());
		accounts.update(context.accountId(), active, editable.version(), context.actingAs());
		String line = "Status " + before + " → ACTIVE"
				+ (form.relationshipStart() == null ? "; relationship started " + start : "");
		return ActionResult.of(line).with("status", AccountStatus.ACTIVE.name()).with("previousStatus", before.name());
	}

}
