package io.intime.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AddressMatch;
import io.intime.accounts.ContactManagement;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
import io.intime.shared.Actor;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Today;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email that arrives from clients (spec 02 step 10): matched to an account and contact by
 * the sender's address (or, failing that, its domain, or the thread it answers), filed as
 * an inbound email activity "auto-detected, pending review" until the account manager
 * confirms it with sentiment and outcome or dismisses it. A message that says one of the
 * critical words ({@code intime.mail.critical-words}) alerts the account's owner at once.
 */
@Service
public class InboundEmails {

	private final Activities repository;

	private final ContactManagement contacts;

	private final EngagementRules rules;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	private final List<String> criticalWords;

	InboundEmails(Activities repository, ContactManagement contacts, EngagementRules rules, Notifications notifications,
			ApplicationEventPublisher events, JdbcClient jdbc, Today time,
			@Value("${intime.mail.critical-words:escalation,urgent,cancel,unhappy}") List<String> criticalWords) {
		this.repository = repository;
		this.contacts = contacts;
		this.rules = rules;
		this.notifications = notifications;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
		this.criticalWords = criticalWords.stream()
			.map(w -> w.trim().toLowerCase(Locale.ROOT))
			.filter(w -> !w.isEmpty())
			.toList();
	}

	/**
	 * A message as mail providers post inbound email (attachments' content in base64).
	 */
	public record InboundMessage(String from, List<String> to, String subject, String text, String html,
			String messageId, String inReplyTo, List<Attachment> attachments) {

		public record Attachment(String filename, String contentType, String content) {
		}

	}

	/**
	 * What became of a message.
	 *
	 * @param activityId null when no account matched (the message is not kept)
	 * @param criticalWord the first critical word found, or null
	 */
	public record Filed(Long activityId, Long accountId, String accountName, Long contactId, String criticalWord) {
	}

	/**
	 * @throws InvalidInputException naming {@code from} or {@code attachments[i].content}
	 */
	@Transactional
	public Filed receive(InboundMessage message) {
		List<FieldError> errors = new ArrayList<>();
		if (message.from() == null || !message.from().contains("@")) {
			errors.add(new FieldError("from", "is required: the sender's email address"));
		}
		List<InboundEmailReceived.Attachment> files = new ArrayList<>();
		List<InboundMessage.Attachment> attachments = message.attachments() == null ? List.of() : message.attachments();
		for (int i = 0; i < attachments.size(); i++) {
			InboundMessage.Attachment a = attachments.get(i);
			try {
				files.add(new InboundEmailReceived.Attachment(a.filename(), a.contentType(),
						Base64.getMimeDecoder().decode(a.content() == null ? "" : a.content())));
			}
			catch (IllegalArgumentException e) {
				errors.add(new FieldError("attachments[" + i + "].content", "is not base64"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String from = address(message.from());
		if (message.messageId() != null && !message.messageId().isBlank()) {
			// the same message again (a provider's retried webhook, a mailbox polled
			// twice):
			// filed once
			Optional<Filed> known = jdbc
				.sql("""
						select a.id, a.account_id, acc.name, a.contact_ids[1] from activity a join account acc on acc.id = a.account_id
						 where a.message_id = :id and a.direction = 'INBOUND' limit 1""")
				.param("id", message.messageId().trim())
				.query((rs, n) -> new Filed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class),
						null))
				.optional();
			if (known.isPresent()) {
				return known.get();
			}
		}
		Optional<AddressMatch> match = contacts.matchAddress(from);
		Long threadAccount = null;
		if (match.isEmpty() && message.inReplyTo() != null) {
			threadAccount = jdbc.sql("select account_id from activity where message_id = :id limit 1")
				.param("id", message.inReplyTo().trim())
				.query(Long.class)
				.optional()
				.orElse(null);
		}
		if (match.isEmpty() && threadAccount == null) {
			return new Filed(null, null, null, null, null);
		}
		long accountId = match.map(AddressMatch::accountId).orElse(threadAccount);
		Long contactId = match.map(AddressMatch::contactId).orElse(null);
		String subject = message.subject() == null || message.subject().isBlank() ? "(no subject)"
				: message.subject().trim();
		if (subject.length() > 300) {
			subject = subject.substring(0, 300);
		}
		String text = message.text() != null && !message.text().isBlank() ? message.text().trim()
				: message.html() == null ? ""
						: message.html().replaceAll("(?s)<[^>]*>", " ").replaceAll("[ \\t]+", " ").trim();
		Instant now = time.now();
		Activity activity = repository.saveAndFlush(new Activity(accountId,
				new ActivityForm(ActivityType.EMAIL, ActivityDirection.INBOUND, subject, text.isEmpty() ? null : text,
						now, null, null, null, List.of(), contactId == null ? List.of() : List.of(contactId),
						List.of()),
				false, "inbound-email", now));
		activity.mail(message.messageId() == null ? null : message.messageId().trim(),
				message.inReplyTo() == null ? null : message.inReplyTo().trim(), from, "PENDING");
		String critical = criticalWord(subject + "\n" + text);
		events.publishEvent(new ActivityLogged(accountId, activity.id(), ActivityType.EMAIL, ActivityDirection.INBOUND,
				subject, now, activity.contactIds(), List.of(), false, Actor.SYSTEM, now));
		events.publishEvent(new InboundEmailReceived(activity.id(), accountId, contactId, from, subject, text, files,
				critical != null, now));
		String accountName = match.map(AddressMatch::accountName).orElse(null);
		if (critical != null) {
			notifications.send(Notice.about(EngagementNotificationKinds.CRITICAL_EMAIL, accountId,
					ActivityManagement.ENTITY, activity.id(), "received",
					(accountName == null ? "A client" : accountName) + ": email says “" + critical + "”",
					"From " + from + ": " + subject + "\n\n"
							+ (text.length() > 600 ? text.substring(0, 600) + " …" : text),
					"/activities/pending", Actor.SYSTEM));
		}
		return new Filed(activity.id(), accountId, accountName, contactId, critical);
	}

	/** An email waiting for the account manager's review. */
	public record Pending(long activityId, long version, long accountId, String accountName, String from,
			String subject, String text, Instant receivedAt, boolean critical) {
	}

	/**
	 * The emails pending review on the accounts whose engagement the user sees, newest
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<Pending> pending(List<Long> accountIds, CurrentUser user) {
		List<Long> visible = rules.viewable(accountIds, user);
		if (visible.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, version, account_id, from_address, subject, coalesce(notes, ''), occurred_at from activity
				 where review_status = 'PENDING' and account_id = any(:accounts)
				 order by occurred_at desc, id desc limit 200""")
			.param("accounts", new SqlArrayValue("bigint", visible.toArray()))
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3), null, rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
					criticalWord(rs.getString(5) + "\n" + rs.getString(6)) != null))
			.list();
	}

	/**
	 * Confirms the email with the account manager's sentiment and outcome (or dismisses
	 * it, {@code keep} false); checks the version it was read at.
	 * @throws InvalidInputException ({@code sentiment}) when confirming without one, or
	 * ({@code review}) when it was reviewed already
	 */
	@Transactional
	public void review(long activityId, boolean keep, Sentiment sentiment, String outcome, long version,
			CurrentUser user) {
		Activity activity = repository.findById(activityId)
			.orElseThrow(() -> new io.intime.shared.NotFoundException("Email", activityId));
		AccountDetails account = rules.account(activity.accountId(), user);
		EngagementRules.require(user.seesEverything()
				|| user.hasRole(Role.ACCOUNT_MANAGER) && account.ownerId() != null && account.ownerId() == user.id(),
				"Only the account's manager reviews its emails");
		if (!"PENDING".equals(activity.reviewStatus())) {
			throw new InvalidInputException(List.of(new FieldError("review", "was reviewed already")));
		}
		if (keep && sentiment == null) {
			throw new InvalidInputException(List.of(new FieldError("sentiment", "is required to confirm the email")));
		}
		if (activity.version() != version) {
			throw new io.intime.shared.StaleVersionException("Email “" + activity.subject() + "”", activityId, version,
					activity.version());
		}
		// the version is checked again in the write (JPA's @Version: where id = ? and
		// version = ?)
		activity.review(keep ? "CONFIRMED" : "DISMISSED", sentiment, outcome);
		activity.updated(user.username(), time.now());
		repository.saveAndFlush(activity);
	}

	/** The first critical word the text says (whole words, any case), or null. */
	String criticalWord(String text) {
		String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
		for (String word : criticalWords) {
			if (Pattern.compile("\\b" + Pattern.quote(word) + "\\w*\\b").matcher(lower).find()) {
				return word;
			}
		}
		return null;
	}

	private static String address(String from) {
		String value = from.trim();
		int open = value.indexOf('<');
		int close = value.indexOf('>');
		return (open >= 0 && close > open ? value.substring(open + 1, close) : value).trim().toLowerCase(Locale.ROOT);
	}

}
