package io.intime.automation.onboarding;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.identity.UserSummary;
import io.intime.tasks.BusinessDayShift;
import io.intime.tasks.Recurrence;
import io.intime.tasks.TaskPriority;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 10: a recurring task for the account manager (the run's {@code account-manager})
 * to schedule the next quarterly business review: on the first business day of every
 * quarter, from the next one (a QBR reviews a quarter that has ended).
 */
@Component
class QbrSetupTask implements WorkflowAction {

	static final String KEY = "onboarding.qbr-task";

	/** Every three months on the day it starts: the first of a quarter. */
	static final String RULE = "FREQ=MONTHLY;INTERVAL=3";

	private final OnboardingRecords records;

	private final OnboardingTasks tasks;

	QbrSetupTask(OnboardingRecords records, OnboardingTasks tasks) {
		this.records = records;
		this.tasks = tasks;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Recurring task: schedule the QBR";
	}

	static String title(AccountDetails account) {
		return "Schedule the QBR with " + account.name();
	}

	/** The first day of the quarter after the one {@code day} is in. */
	static LocalDate nextQuarter(LocalDate day) {
		int firstMonthOfQuarter = (day.getMonthValue() - 1) / 3 * 3 + 1;
		return LocalDate.of(day.getYear(), firstMonthOfQuarter, 1).plusMonths(3);
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		AccountDetails account = records.account(context);
		UserSummary manager = records.roleUser(context, OnboardingTemplate.ACCOUNT_MANAGER);
		LocalDate first = nextQuarter(records.todayIn(ZoneId.of(manager.timeZone())));
		String notes = "Schedule this quarter's business review with " + account.name()
				+ "'s stakeholders (Schedule QBR on the account's page) and prepare it: the agenda, the quarter's "
				+ "metrics and the deck.";
		OnboardingTasks.Made made = tasks.ensure(context, title(account), notes, manager, 0, TaskPriority.NORMAL,
				new Recurrence(RULE, null, null, List.of(), BusinessDayShift.NEXT, null), first);
		String line = made.created()
				? "Recurring quarterly task '" + made.task().title() + "' for " + OnboardingRecords.person(manager)
						+ ": " + made.task().recurrence() + ", first due " + made.task().dueDate()
				: OnboardingTasks.line(made, manager);
		return ActionResult.of(line)
			.with("taskId", made.task().id())
			.with("created", made.created())
			.with("firstDue", made.task().dueDate().toString());
	}

}
