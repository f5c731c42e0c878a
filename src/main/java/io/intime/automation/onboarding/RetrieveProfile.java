package io.intime.automation.onboarding;

import java.util.ArrayList;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 1: the client's profile from the account and its contacts, kept with the step for
 * the steps after it.
 */
@Component
class RetrieveProfile implements WorkflowAction {

	static final String KEY = "onboarding.retrieve-profile";

	private final OnboardingRecords records;

	private final ContactManagement contacts;

	RetrieveProfile(OnboardingRecords records, ContactManagement contacts) {
		this.records = records;
		this.contacts = contacts;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Retrieve the client's profile";
	}

	@Override
	@Transactional(readOnly = true)
	public ActionResult run(ActionContext context) {
		AccountDetails account = records.account(context);
		List<ContactView> people = contacts.forAccount(account.id(), context.actingAs());
		long active = people.stream().filter(ContactView::active).count();
		List<String> facts = new ArrayList<>();
		facts.add(account.status().name());
		facts.add(account.tier().label() + " tier");
		if (account.industry() != null && !account.industry().isBlank()) {
			facts.add(account.industry());
		}
		if (account.employeeCount() != null) {
			facts.add(OnboardingRecords.amount(java.math.BigDecimal.valueOf(account.employeeCount())) + " employees");
		}
		if (account.hqLocation() != null && !account.hqLocation().isBlank()) {
			facts.add(account.hqLocation());
		}
		facts.add("billed in " + account.billingCurrency());
		String manager = account.ownerName() == null ? "no account manager yet"
				: "account manager " + account.ownerName();
		String line = account.name() + " (" + account.key() + "): " + String.join(", ", facts) + "; " + manager + "; "
				+ OnboardingRecords.count(active, "active contact")
				+ (people.size() > active ? " (" + (people.size() - active) + " inactive)" : "");
		ActionResult result = ActionResult.of(line)
			.with("accountName", account.name())
			.with("accountKey", account.key())
			.with("status", account.status().name())
			.with("contacts", people.size());
		return account.ownerId() == null ? result
				: result.with("ownerId", account.ownerId()).with("ownerName", account.ownerName());
	}

}
