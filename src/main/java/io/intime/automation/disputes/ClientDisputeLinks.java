package io.intime.automation.disputes;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceView;
import io.intime.identity.BaseUrl;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.notifications.ClientEmail;
import io.intime.notifications.ClientMail;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Today;
import io.intime.workflows.ClientLinks;
import io.intime.workflows.ClientLinks.Refusal;
import io.intime.workflows.ClientParticipation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets a client raise a billing dispute themselves (spec 05's Billing Dispute Resolution
 * starts with "Client raises billing dispute"): those who may flag disputes on an account
 * send one of its contacts a link; through it the contact picks one of the account's open
 * invoices and says what they dispute. The invoice is then disputed as by the contact,
 * and the billing dispute rule starts the workflow with that contact in its client role.
 * <p>
 * Like the workflow links: random, only the token's SHA-256 kept, expiring (30 days),
 * withdrawable; opening it (GET) changes nothing; what is raised is kept with the
 * contact's address and browser.
 */
@Service
public class ClientDisputeLinks {

	static final Duration VALID = Duration.ofDays(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Reads the account and its invoices for the link's page: the link, checked first, is
	 * what entitles its contact to them.
	 */
	private static final CurrentUser READER = new CurrentUser(0, "client-link", "Client link", Role.ADMIN,
			ZoneOffset.UTC);

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final InvoiceManagement invoices;

	private final ClientMail mail;

	private final ClientParticipation participation;

	private final BaseUrl baseUrl;

	private final Today time;

	ClientDisputeLinks(JdbcClient jdbc, AccountManagement accounts, ContactManagement contacts,
			InvoiceManagement invoices, ClientMail mail, ClientParticipation participation, BaseUrl baseUrl,
			Today time) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.contacts = contacts;
		this.invoices = invoices;
		this.mail = mail;
		this.participation = participation;
		this.baseUrl = baseUrl;
		this.time = time;
	}

	/** The contact a link is for, with the account's open invoices they may dispute. */
	public record Opened(long linkId, long accountId, String accountName, long contactId, String contactName,
			List<InvoiceView> openInvoices, String organization) {
	}

	/** The firm's name, as the client pages show it. */
	public String organization() {
		return participation.organizationName();
	}

	/** Whether the user may send the account's contacts a dispute link. */
	public boolean maySend(AccountDetails account, CurrentUser user) {
		return invoices.access(account, user).dispute();
	}

	/** The contacts of the account with an email, who can receive a link. */
	public List<ContactView> recipients(long accountId, CurrentUser user) {
		return contacts.forAccount(accountId, user)
			.stream()
			.filter(c -> c.active() && c.email() != null && !c.email().isBlank())
			.toList();
	}

	/**
	 * Emails the contact a link to raise a dispute on the account's invoices.
	 * @throws InvalidInputException naming {@code contactId}
	 */
	@Transactional
	public ContactView send(long accountId, Long contactId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		if (!maySend(account, user)) {
			throw new AccessDeniedException("You may not flag disputes on the invoices of " + account.name());
		}
		ContactView contact = contactId == null ? null
				: recipients(accountId, user).stream().filter(c -> c.id() == contactId).findFirst().orElse(null);
		if (contact == null) {
			throw new InvalidInputException(
					List.of(new FieldError("contactId", "choose a contact of " + account.name() + " with an email")));
		}
		byte[] raw = new byte[24];
		RANDOM.nextBytes(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		Instant now = time.now();
		Instant expires = now.plus(VALID);
		jdbc.sql(
				"""
						insert into client_dispute_link (account_id, contact_id, token_sha256, expires_at, created_by, created_at)
						values (?, ?, ?, ?, ?, ?)""")
			.params(accountId, contact.id(), ClientLinks.sha256(token), Timestamp.from(expires), user.username(),
					Timestamp.from(now))
			.update();
		String organization = participation.organizationName();
		String text = "Dear " + contact.name() + ",\n\nIf something on one of " + account.name() + "'s invoices from "
				+ organization
				+ " is not right, tell us through this link: choose the invoice and say what you dispute, and our "
				+ "finance team will investigate and come back to you.\n\n" + baseUrl.link("/client-disputes/" + token)
				+ "\n\nThe link is for you only and is valid until " + expires.atZone(ZoneOffset.UTC).toLocalDate()
				+ ".\n\nKind regards,\n" + user.fullName();
		mail.send(new ClientEmail(user.fullName(), "no-reply@intime.local", contact.name(), contact.email(),
				"Raise a billing dispute with " + organization, text, null, null));
		return contact;
	}

	/**
	 * The link's page; changes nothing.
	 * @throws LinkRefused when the token is unknown, expired or withdrawn
	 */
	@Transactional(readOnly = true)
	public Opened open(String token) {
		Link link = resolve(token);
		ContactView contact = contacts.byIds(List.of(link.contactId())).get(link.contactId());
		List<InvoiceView> open = invoices.forAccount(link.accountId(), READER)
			.stream()
			.filter(i -> i.status().unpaid())
			.toList();
		String accountName = open.isEmpty() ? accounts.get(link.accountId(), READER).name() : open.get(0).accountName();
		return new Opened(link.id(), link.accountId(), accountName, link.contactId(),
				contact == null ? "" : contact.name(), open, participation.organizationName());
	}

	/**
	 * The contact disputes an invoice: it is flagged disputed as by them (which starts
	 * the billing dispute through its rule), and what they raised is kept with their
	 * address and browser.
	 * @return the invoice's number
	 * @throws InvalidInputException naming {@code invoiceId} or {@code reason}
	 */
	@Transactional
	public String raise(String token, Long invoiceId, String reason, String ip, String userAgent) {
		Link link = resolve(token);
		List<FieldError> errors = new ArrayList<>();
		if (invoiceId == null) {
			errors.add(new FieldError("invoiceId", "choose the invoice you dispute"));
		}
		String said = reason == null ? "" : reason.strip();
		if (said.isEmpty()) {
			errors.add(new FieldError("reason", "is required: say what is not right"));
		}
		else if (said.length() > 1000) {
			errors.add(new FieldError("reason", "is too long (at most 1,000 characters)"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		ContactView contact = contacts.byIds(List.of(link.contactId())).get(link.contactId());
		String name = contact == null ? "client contact" : contact.name();
		InvoiceView invoice = invoices.disputeByClient(invoiceId, link.accountId(), said, name);
		jdbc.sql("""
				insert into client_dispute (link_id, invoice_id, contact_id, reason, ip, user_agent, at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(link.id(), invoice.id(), link.contactId(), said, truncate(ip, 64), truncate(userAgent, 500),
					Timestamp.from(time.now()))
			.update();
		return invoice.number();
	}

	/** The contact who last raised a dispute on the invoice through a link, if any. */
	public Optional<Long> raisedBy(long invoiceId) {
		return jdbc.sql("select contact_id from client_dispute where invoice_id = ? order by at desc, id desc limit 1")
			.param(invoiceId)
			.query(Long.class)
			.optional();
	}

	/** A link not yet expired or withdrawn, as the sending page lists it. */
	public record OpenLink(String contactName, String sentBy, Instant sentAt, Instant expiresAt) {
	}

	/** The account's links that still open. */
	public List<OpenLink> openLinks(long accountId) {
		return jdbc.sql("""
				select c.name, l.created_by, l.created_at, l.expires_at
				from client_dispute_link l join contact c on c.id = l.contact_id
				where l.account_id = ? and l.revoked_at is null and l.expires_at > ?
				order by l.created_at desc""")
			.params(accountId, Timestamp.from(time.now()))
			.query((rs, n) -> new OpenLink(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** Withdraws the account's live links (e.g. the contact left). */
	@Transactional
	public int revokeAll(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		if (!maySend(account, user)) {
			throw new AccessDeniedException("You may not manage dispute links of " + account.name());
		}
		return jdbc.sql("update client_dispute_link set revoked_at = ? where account_id = ? and revoked_at is null")
			.params(Timestamp.from(time.now()), accountId)
			.update();
	}

	private record Link(long id, long accountId, long contactId, Instant expiresAt, Instant revokedAt) {
	}

	private Link resolve(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
			throw new LinkRefused(Refusal.TAMPERED);
		}
		Link link = jdbc.sql("""
				select id, account_id, contact_id, expires_at, revoked_at from client_dispute_link
				where token_sha256 = ?""")
			.param(ClientLinks.sha256(token))
			.query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.optional()
			.orElseThrow(() -> new LinkRefused(Refusal.UNKNOWN));
		if (link.revokedAt() != null) {
			throw new LinkRefused(Refusal.REVOKED);
		}
		if (!time.now().isBefore(link.expiresAt())) {
			throw new LinkRefused(Refusal.EXPIRED);
		}
		return link;
	}

	/** A link that opens nothing, with why. */
	public static class LinkRefused extends RuntimeException {

		private final Refusal refusal;

		LinkRefused(Refusal refusal) {
			super(refusal.title());
			this.refusal = refusal;
		}

		public Refusal refusal() {
			return refusal;
		}

	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
