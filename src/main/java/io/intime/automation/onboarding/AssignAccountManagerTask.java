package io.intime.automation.onboarding;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContractView;
import io.intime.identity.UserSummary;
import io.intime.tasks.TaskPriority;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 5: a task for sales operations (the run's {@code sales-ops}) to assign the account
 * a dedicated account manager, urgent when it has none; due in two business days.
 */
@Component
class AssignAccountManagerTask implements WorkflowAction {

	static final String KEY = "onboarding.assign-am-task";

	private final OnboardingRecords records;

	private final OnboardingTasks tasks;

	AssignAccountManagerTask(OnboardingRecords records, OnboardingTasks tasks) {
		this.records = records;
		this.tasks = tasks;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Task: assign an account manager";
	}

	static String title(AccountDetails account) {
		return "Assign an account manager to " + account.name();
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		AccountDetails account = records.account(context);
		UserSummary salesOps = records.roleUser(context, OnboardingTemplate.SALES_OPS);
		String contract = records.contract(context)
			.map(ContractView::number)
			.map(number -> "Contract " + number + " is signed. ")
			.orElse("");
		String notes = account.name() + " is a new client. " + contract
				+ (account.ownerName() == null ? "It has no account manager yet: assign a dedicated one"
						: "Its account manager is " + account.ownerName()
								+ ": confirm them as its dedicated lead or assign another")
				+ " on the account's page, and introduce them to the client.";
		OnboardingTasks.Made made = tasks.ensure(context, title(account), notes, salesOps, 2,
				account.ownerId() == null ? TaskPriority.HIGH : TaskPriority.NORMAL, null, null);
		String line = OnboardingTasks.line(made, salesOps);
		if (made.created() && !OnboardingRecords.played(context, OnboardingTemplate.SALES_OPS)) {
			line += " (nobody works in sales operations: given to the run's owner)";
		}
		return ActionResult.of(line).with("taskId", made.task().id()).with("created", made.created());
	}

}
