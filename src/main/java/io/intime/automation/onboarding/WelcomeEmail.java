package io.intime.automation.onboarding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.StakeholderRole;
import io.intime.engagement.AccountEmails;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.ActivityView;
import io.intime.shared.PageRequest;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 8: the personalized welcome email to the client's contact person, from the run's
 * owner (the account manager), sent through the account's email (so it is logged as an
 * outbound email of the account, and the reply comes back to the account manager). The
 * contact person is the one the relationship runs through (the engagement module's
 * primary contact) when they have an email, else the first active contact with one,
 * champions first. Sent once: a welcome email already logged to that contact is not sent
 * again.
 */
@Component
class WelcomeEmail implements WorkflowAction {

	static final String KEY = "onboarding.welcome-email";

	/** The subject, with the account's merge field. */
	static final String SUBJECT = "Welcome to InTime, {{account.name}}";

	private static final List<StakeholderRole> ROLE_ORDER = List.of(StakeholderRole.CHAMPION,
			StakeholderRole.ECONOMIC_BUYER, StakeholderRole.EXECUTIVE, StakeholderRole.HIRING_MANAGER,
			StakeholderRole.FINANCE, StakeholderRole.OTHER);

	private final OnboardingRecords records;

	private final ContactManagement contacts;

	private final ActivityManagement activities;

	private final AccountEmails emails;

	private final String body;

	WelcomeEmail(OnboardingRecords records, ContactManagement contacts, ActivityManagement activities,
			AccountEmails emails) {
		this.records = records;
		this.contacts = contacts;
		this.activities = activities;
		this.emails = emails;
		try {
			this.body = new ClassPathResource("templates/automation/onboarding/welcome-email.txt")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The welcome email's text is missing", e);
		}
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Send the welcome email to the client";
	}

	static String subject(AccountDetails account) {
		return SUBJECT.replace("{{account.name}}", account.name());
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		AccountDetails account = records.account(context);
		Optional<ContactView> recipient = recipient(account, context);
		if (recipient.isEmpty()) {
			return ActionResult
				.of("No welcome email: " + account.name() + " has no active contact with an email address")
				.with("sent", false);
		}
		ContactView contact = recipient.get();
		String subject = subject(account);
		Optional<ActivityView> sent = activities
			.search(account.id(), ActivityType.EMAIL, new PageRequest(0, PageRequest.MAX_SIZE), context.actingAs())
			.items()
			.stream()
			.filter(a -> subject.equals(a.subject()) && a.contactIds().contains(contact.id()))
			.findFirst();
		String to = contact.name() + " <" + contact.email() + ">";
		if (sent.isPresent()) {
			return ActionResult
				.of("Welcome email to " + to + " was sent before (" + sent.get().occurredAt() + "): not sent again")
				.with("sent", true)
				.with("contactId", contact.id());
		}
		ActivityView logged = emails.send(account.id(), new AccountEmails.Draft(contact.id(), SUBJECT, body, null),
				context.actingAs());
		return ActionResult
			.of("Welcome email to " + to + " from " + context.actingAs().fullName() + ": '" + logged.subject() + "'")
			.with("sent", true)
			.with("contactId", contact.id())
			.with("email", contact.email())
			.with("activityId", logged.id());
	}

	private Optional<ContactView> recipient(AccountDetails account, ActionContext context) {
		List<ContactView> people = contacts.forAccount(account.id(), context.actingAs())
			.stream()
			.filter(ContactView::active)
			.filter(c -> c.email() != null && !c.email().isBlank())
			.toList();
		Optional<Long> primary = activities.primaryContact(account.id(), context.actingAs());
		return people.stream()
			.filter(c -> primary.isPresent() && c.id() == primary.get())
			.findFirst()
			.or(() -> people.stream()
				.min(Comparator.<ContactView>comparingInt(
						c -> c.stakeholderRole() == null ? ROLE_ORDER.size() : ROLE_ORDER.indexOf(c.stakeholderRole()))
					.thenComparingLong(ContactView::id)));
	}

}
