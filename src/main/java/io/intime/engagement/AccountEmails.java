package io.intime.engagement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.ClientEmail;
import io.intime.notifications.ClientMail;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Today;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email to an account's contact from the product (spec 02 steps 6 and 7): merged from a
 * template or written, sent through the notifications module's mail channel from the
 * account manager (the reply comes back to them), and logged as an outbound email
 * activity in its thread (a reply names the message it answers).
 */
@Service
public class AccountEmails {

	private final ActivityManagement activities;

	private final Activities repository;

	private final EngagementRules rules;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final ClientMail mail;

	private final Today time;

	AccountEmails(ActivityManagement activities, Activities repository, EngagementRules rules,
			ContactManagement contacts, UserDirectory users, ClientMail mail, Today time) {
		this.activities = activities;
		this.repository = repository;
		this.rules = rules;
		this.contacts = contacts;
		this.users = users;
		this.mail = mail;
		this.time = time;
	}

	/**
	 * An email as the account manager sends it; {@code inReplyTo} an activity id or null.
	 */
	public record Draft(Long contactId, String subject, String body, Long inReplyTo) {
	}

	/** The merge values for this account, contact (may be null) and sender. */
	@Transactional(readOnly = true)
	public Map<String, String> mergeValues(AccountDetails account, ContactView contact, CurrentUser user) {
		UserSummary me = users.find(user.id()).orElseThrow();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("account.name", account.name());
		values.put("account.tier", account.tier().name().charAt(0) + account.tier().name().substring(1).toLowerCase());
		values.put("contact.firstName", contact == null ? "there" : contact.name().split(" ")[0]);
		values.put("contact.name", contact == null ? "" : contact.name());
		values.put("contact.title", contact == null || contact.title() == null ? "" : contact.title());
		values.put("am.name", me.fullName());
		values.put("am.firstName", me.fullName().split(" ")[0]);
		values.put("am.title", me.title() == null ? "" : me.title());
		values.put("am.email", me.email());
		return values;
	}

	/**
	 * Merges the draft's fields, queues the email and logs it.
	 * @throws InvalidInputException naming {@code contactId}, {@code subject} or
	 * {@code body} (an unknown merge field among them)
	 */
	@Transactional
	public ActivityView send(long accountId, Draft draft, CurrentUser user) {
		AccountDetails account = rules.account(accountId, user);
		List<ContactView> people = contacts.forAccount(accountId, user);
		ContactView contact = draft.contactId() == null ? null
				: people.stream().filter(c -> c.id() == draft.contactId()).findFirst().orElse(null);
		List<FieldError> errors = new java.util.ArrayList<>();
		if (contact == null) {
			errors.add(new FieldError("contactId", "is required: the contact of " + account.name() + " to write to"));
		}
		else if (contact.email() == null || contact.email().isBlank()) {
			errors.add(new FieldError("contactId", contact.name() + " has no email address"));
		}
		if (draft.subject() == null || draft.subject().isBlank()) {
			errors.add(new FieldError("subject", "is required"));
		}
		if (draft.body() == null || draft.body().isBlank()) {
			errors.add(new FieldError("body", "is required"));
		}
		EmailTemplates.unknownFields("subject", draft.subject(), errors);
		EmailTemplates.unknownFields("body", draft.body(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Map<String, String> values = mergeValues(account, contact, user);
		String subject = EmailTemplates.merge("subject", draft.subject(), values).trim();
		String body = EmailTemplates.merge("body", draft.body(), values);
		String inReplyTo = null;
		if (draft.inReplyTo() != null) {
			Activity original = repository.findById(draft.inReplyTo()).orElse(null);
			if (original != null && original.accountId() == accountId) {
				inReplyTo = original.messageId();
			}
		}
		UserSummary me = users.find(user.id()).orElseThrow();
		String messageId = mail.send(new ClientEmail(me.fullName(), me.email(), contact.name(), contact.email(),
				subject, body, inReplyTo, List.of()));
		ActivityView logged = activities.create(accountId,
				new ActivityForm(ActivityType.EMAIL, ActivityDirection.OUTBOUND, subject, body, time.now(), null, null,
						null, List.of(), List.of(contact.id()), List.of(user.id())),
				user);
		repository.findById(logged.id()).orElseThrow().mail(messageId, inReplyTo, me.email(), null);
		return logged;
	}

}
