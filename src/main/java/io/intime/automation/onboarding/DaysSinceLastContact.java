package io.intime.automation.onboarding;

import java.util.Optional;

import io.intime.accounts.AccountDetails;
import io.intime.engagement.Party;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 12: the days between today and the last interaction with the client (the latest
 * call, email or meeting that has taken place), in the account's time zone.
 */
@Component
class DaysSinceLastContact implements WorkflowAction {

	static final String KEY = "onboarding.days-since-contact";

	private final OnboardingRecords records;

	DaysSinceLastContact(OnboardingRecords records) {
		this.records = records;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Count the days since the last contact";
	}

	@Override
	@Transactional(readOnly = true)
	public ActionResult run(ActionContext context) {
		AccountDetails account = records.account(context);
		Optional<OnboardingRecords.LastContact> last = records.lastContact(account, context.actingAs());
		if (last.isEmpty()) {
			return ActionResult.of("No contact with " + account.name() + " on record yet (no call, email or meeting)");
		}
		OnboardingRecords.LastContact contact = last.get();
		String line = "Last contact " + ago(contact) + " (" + contact.day() + ", " + contact.kind() + with(contact)
				+ ")";
		// the welcome email this run just sent is a contact, but says nothing of how the
		// relationship was looked after: the one before it is named too
		Object welcome = context.value(OnboardingTemplate.WELCOME_EMAIL_STEP, "activityId");
		if (welcome instanceof Number id && contact.activity().id() == id.longValue()) {
			line = "Last contact " + ago(contact) + " (" + contact.day() + ", the welcome email); before it: "
					+ records.lastContact(account, context.actingAs(), java.util.Set.of(id.longValue()))
						.map(before -> ago(before) + " (" + before.day() + ", " + before.kind() + with(before) + ")")
						.orElse("none");
		}
		return ActionResult.of(line)
			.with("daysSinceLastContact", contact.daysAgo())
			.with("lastContactDate", contact.day().toString())
			.with("lastContactType", contact.activity().type().name());
	}

	private static String ago(OnboardingRecords.LastContact contact) {
		return contact.daysAgo() == 0 ? "today" : OnboardingRecords.days(contact.daysAgo()) + " ago";
	}

	private static String with(OnboardingRecords.LastContact contact) {
		return contact.activity()
			.contacts()
			.stream()
			.map(Party::name)
			.reduce((a, b) -> a + ", " + b)
			.map(names -> " with " + names)
			.orElse("");
	}

}
