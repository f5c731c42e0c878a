package io.intime.automation.onboarding;

import java.util.List;
import java.util.Optional;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContractView;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.ActivityView;
import io.intime.shared.PageRequest;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 7: an entry in the account's activity log that its management has started: an
 * internal note tagged {@code onboarding} (a note is no contact with the client, so it
 * counts in no engagement figure). One per run.
 */
@Component
class CreateActivityLog implements WorkflowAction {

	static final String KEY = "onboarding.activity-log";

	static final String SUBJECT = "Client onboarding started";

	static final String TAG = "onboarding";

	private final OnboardingRecords records;

	private final ActivityManagement activities;

	CreateActivityLog(OnboardingRecords records, ActivityManagement activities) {
		this.records = records;
		this.activities = activities;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Log the start in the activity log";
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		AccountDetails account = records.account(context);
		String run = "Workflow run #" + context.runId();
		Optional<ActivityView> logged = activities
			.search(account.id(), ActivityType.NOTE, new PageRequest(0, PageRequest.MAX_SIZE), context.actingAs())
			.items()
			.stream()
			.filter(a -> SUBJECT.equals(a.subject()) && a.notes() != null && a.notes().contains(run))
			.findFirst();
		if (logged.isPresent()) {
			return ActionResult
				.of("Activity log entry '" + SUBJECT + "' was made before (#" + logged.get().id() + ", "
						+ logged.get().occurredAt() + "): not made again")
				.with("activityId", logged.get().id());
		}
		String contract = records.contract(context)
			.map(ContractView::number)
			.map(number -> " with contract " + number)
			.orElse("");
		String notes = account.name() + " was won" + contract + ". The account's management starts here: "
				+ "onboarding tasks, the welcome email, the quarterly QBR and the first health report follow.\n\n" + run
				+ " (Client onboarding).";
		ActivityView note = activities.create(
				account.id(), new ActivityForm(ActivityType.NOTE, ActivityDirection.INTERNAL, SUBJECT, notes,
						records.now(), null, null, null, List.of(TAG), List.of(), List.of(context.actingAs().id())),
				context.actingAs());
		return ActionResult
			.of("Activity log entry '" + SUBJECT + "' (#" + note.id() + ", note by " + context.actingAs().fullName()
					+ ")")
			.with("activityId", note.id());
	}

}
