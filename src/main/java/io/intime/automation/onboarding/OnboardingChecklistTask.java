package io.intime.automation.onboarding;

import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.identity.UserSummary;
import io.intime.tasks.TaskPriority;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 6: a task for the success team (the run's {@code success-team}) with the
 * standardized onboarding checklist; due in five business days.
 */
@Component
class OnboardingChecklistTask implements WorkflowAction {

	static final String KEY = "onboarding.checklist-task";

	/** The standardized onboarding checklist, in the order the work is done. */
	static final List<String> CHECKLIST = List.of(
			"Hold the kickoff call with the client's champion and hiring managers",
			"Confirm the billing contact, purchase order numbers and invoicing schedule",
			"Set up job intake: the requisition template, who approves roles, target time to fill",
			"Agree how candidates are submitted and how fast interview feedback comes back",
			"Introduce the recruiting team who will work on the client's roles",
			"Share the escalation path and the firm's contacts",
			"Record every stakeholder with their role and influence in InTime",
			"Confirm the first QBR date with the client");

	private final OnboardingRecords records;

	private final OnboardingTasks tasks;

	OnboardingChecklistTask(OnboardingRecords records, OnboardingTasks tasks) {
		this.records = records;
		this.tasks = tasks;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Task: the onboarding checklist";
	}

	static String title(AccountDetails account) {
		return "Onboarding checklist: " + account.name();
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		AccountDetails account = records.account(context);
		UserSummary team = records.roleUser(context, OnboardingTemplate.SUCCESS_TEAM);
		StringBuilder notes = new StringBuilder("Work through the onboarding of ").append(account.name()).append(":\n");
		for (String item : CHECKLIST) {
			notes.append("- [ ] ").append(item).append('\n');
		}
		OnboardingTasks.Made made = tasks.ensure(context, title(account), notes.toString().strip(), team, 5,
				TaskPriority.NORMAL, null, null);
		String line = OnboardingTasks.line(made, team) + " with " + CHECKLIST.size() + " checklist items";
		return ActionResult.of(line).with("taskId", made.task().id()).with("created", made.created());
	}

}
