package io.intime.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intime.accounts.internal.Account;
import io.intime.accounts.internal.AccountRules;
import io.intime.accounts.internal.Contact;
import io.intime.accounts.internal.ContactDuplicates;
import io.intime.accounts.internal.Contacts;
import io.intime.accounts.internal.FormValidation;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.DuplicateException;
import io.intime.shared.Editable;
import io.intime.shared.FieldError;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts at client accounts. Anyone who may see an account sees its contacts; account
 * managers, executives, sales directors and admins create and edit them; a second contact
 * with the same email at the same account is refused with a link to the first.
 */
@Service
public class ContactManagement {

	static final String ENTITY = "contact";

	private final Contacts contacts;

	private final AccountManagement accountManagement;

	private final AccountRules rules;

	private final FormValidation validation;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	ContactManagement(Contacts contacts, AccountManagement accountManagement, AccountRules rules,
			FormValidation validation, AuditTrail audit, ApplicationEventPublisher events, JdbcClient jdbc,
			Today time) {
		this.contacts = contacts;
		this.accountManagement = accountManagement;
		this.rules = rules;
		this.validation = validation;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * The names and titles of these contacts (id → "Name, Title"), in one statement, for
	 * views that cite a contact of an account the caller has already checked the reader
	 * may see; ids of no contact are left out.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, ContactView> byIds(java.util.Collection<Long> ids) {
		java.util.Map<Long, ContactView> found = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		contacts.findAllById(ids).forEach(c -> found.put(c.id(), c.toView(null)));
		return found;
	}

	/** The contacts of one account: active first, then by name. */
	@Transactional(readOnly = true)
	public List<ContactView> forAccount(long accountId, CurrentUser user) {
		Account account = accountManagement.load(accountId);
		rules.requireView(user, account);
		return contacts.findByAccount(accountId).stream().map(c -> c.toView(account.name())).toList();
	}

	/**
	 * The account an email address belongs to, for mail that arrives (no reader: the
	 * caller files it for the account's owner): the live account of an active contact
	 * with that address; else the live account whose contacts share the address's domain
	 * (the one with most of them), without a contact. Empty for an unknown address or a
	 * public mail domain shared by several accounts equally.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<AddressMatch> matchAddress(String email) {
		if (email == null || !email.contains("@")) {
			return java.util.Optional.empty();
		}
		String address = email.trim().toLowerCase(java.util.Locale.ROOT);
		java.util.Optional<AddressMatch> exact = jdbc.sql("""
				select a.id, a.name, a.owner_id, c.id, c.name from contact c join account a on a.id = c.account_id
				 where lower(c.email) = :address and c.active and a.archived_at is null
				 order by a.id limit 1""")
			.param("address", address)
			.query((rs, n) -> new AddressMatch(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getLong(4),
					rs.getString(5)))
			.optional();
		if (exact.isPresent()) {
			return exact;
		}
		String domain = address.substring(address.indexOf('@') + 1);
		java.util.List<AddressMatch> byDomain = jdbc.sql("""
				select a.id, a.name, a.owner_id, count(*) as n from contact c join account a on a.id = c.account_id
				 where lower(c.email) like :domain and a.archived_at is null
				 group by a.id, a.name, a.owner_id order by n desc, a.id limit 2""")
			.param("domain", "%@" + domain.replace("%", "").replace("_", "\\_"))
			.query((rs, n) -> new AddressMatch(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), null, null))
			.list();
		return byDomain.size() == 1 ? java.util.Optional.of(byDomain.get(0)) : java.util.Optional.empty();
	}

	/**
	 * Contacts across the accounts the user may see, optionally of one account and
	 * matching a name or email.
	 */
	@Transactional(readOnly = true)
	public PageResult<ContactView> search(Long accountId, String q, PageRequest page, CurrentUser user) {
		StringBuilder where = new StringBuilder(" where true");
		var params = new java.util.HashMap<String, Object>();
		if (accountId != null) {
			where.append(" and c.account_id = :account");
			params.put("account", accountId);
		}
		if (q != null && !q.isBlank()) {
			where.append(" and (lower(c.name) like :q or lower(c.email) like :q)");
			params.put("q", "%" + q.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (user.hasRole(Role.RECRUITER)) {
			where.append(" and c.account_id in (select account_id from account_team_member where user_id = :me)");
			params.put("me", user.id());
		}
		List<Long> ids = jdbc
			.sql("select c.id from contact c" + where + " order by lower(c.name), c.id limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		long total = jdbc.sql("select count(*) from contact c" + where).params(params).query(Long.class).single();
		Map<Long, String> names = accountNames(ids);
		List<ContactView> items = contacts.findAllById(ids)
			.stream()
			.sorted(java.util.Comparator.comparing(c -> ids.indexOf(c.id())))
			.map(c -> c.toView(names.get(c.accountId())))
			.toList();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	@Transactional(readOnly = true)
	public ContactView get(long id, CurrentUser user) {
		Contact contact = load(id);
		Account account = accountManagement.load(contact.accountId());
		rules.requireView(user, account);
		return contact.toView(account.name());
	}

	@Transactional(readOnly = true)
	public Editable<ContactForm> editable(long id, CurrentUser user) {
		Contact contact = load(id);
		rules.requireView(user, accountManagement.load(contact.accountId()));
		return new Editable<>(id, contact.toForm(), contact.version());
	}

	/** Adds a contact to an account; publishes contact.created. */
	@Transactional
	public ContactView create(long accountId, ContactForm form, CurrentUser user) {
		Account account = check(accountId, form, user);
		Contact contact = contacts.saveAndFlush(new Contact(accountId, form, user.username(), time.now()));
		audit.recordCreated(ENTITY, contact.id(), contact.auditState(), user);
		events.publishEvent(new ContactCreated(accountId, contact.id(),
				FieldChange.between(Map.of(), contact.auditState()), user.actor(), time.now()));
		return contact.toView(account.name());
	}

	/**
	 * Checks that {@link #create} would accept the contact, without saving or publishing
	 * anything (the CSV import's preview uses it, so that a preview and an import apply
	 * the same rules).
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see the account or add contacts
	 * @throws io.intime.shared.DuplicateException when the account has a contact with the
	 * email
	 * @throws io.intime.shared.InvalidInputException naming each wrong field
	 */
	@Transactional(readOnly = true)
	public void checkCreate(long accountId, ContactForm form, CurrentUser user) {
		check(accountId, form, user);
	}

	private Account check(long accountId, ContactForm form, CurrentUser user) {
		Account account = accountManagement.load(accountId);
		rules.requireView(user, account);
		AccountRules.require(rules.access(user, account).editContacts(), "You may not add contacts");
		validate(form);
		refuseDuplicateEmail(account, form.email(), null);
		return account;
	}

	/** Changes a contact; a stale version is refused. Publishes contact.updated. */
	@Transactional
	public ContactView update(long id, ContactForm form, long expectedVersion, CurrentUser user) {
		Contact contact = load(id);
		Account account = accountManagement.load(contact.accountId());
		rules.requireView(user, account);
		AccountRules.require(rules.access(user, account).editContacts(), "You may not edit contacts");
		if (contact.version() != expectedVersion) {
			throw new StaleVersionException("Contact " + contact.name(), id, expectedVersion, contact.version());
		}
		validate(form);
		refuseDuplicateEmail(account, form.email(), id);
		Map<String, Object> before = contact.auditState();
		contact.apply(form);
		List<FieldChange> changes = FieldChange.between(before, contact.auditState());
		if (!changes.isEmpty()) {
			contact.updated(user.username(), time.now());
			contacts.saveAndFlush(contact);
			audit.recordChanges(ENTITY, id, changes, user);
			events.publishEvent(new ContactUpdated(account.id(), id, changes, user.actor(), time.now()));
		}
		return contact.toView(account.name());
	}

	/** Removes a contact (executives, sales directors, admins). */
	@Transactional
	public void delete(long id, CurrentUser user) {
		Contact contact = load(id);
		Account account = accountManagement.load(contact.accountId());
		AccountRules.require(rules.access(user, account).deleteContacts(),
				"Only executives, sales directors and admins delete contacts");
		contacts.delete(contact);
		audit.recordDeleted(ENTITY, id, contact.name() + " at " + account.name(), user);
	}

	/**
	 * Merges the account's duplicate contacts, each into the oldest contact it is the
	 * same person as ({@link ContactDuplicates} says when two contacts are: the same
	 * email, the same name and phone, or the same name with nothing that disagrees). See
	 * {@link #merge(long, long, String, CurrentUser)} for what a merge does.
	 * @return the merges, oldest duplicate first; empty when there is no duplicate
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not edit the account's contacts
	 */
	@Transactional
	public List<ContactMerge> mergeDuplicates(long accountId, CurrentUser user) {
		Account account = accountManagement.load(accountId);
		rules.requireView(user, account);
		AccountRules.require(rules.access(user, account).editContacts(), "You may not merge contacts");
		List<ContactDuplicates.Candidate> candidates = contacts.findByAccount(accountId)
			.stream()
			.map(c -> new ContactDuplicates.Candidate(c.id(), c.createdAt(), c.name(), c.email(), c.toForm().phone()))
			.toList();
		List<ContactMerge> merges = new java.util.ArrayList<>();
		for (ContactDuplicates.Match match : ContactDuplicates.find(candidates)) {
			merges.add(merge(account, match.keptId(), match.duplicateId(), match.reason(), user));
		}
		return merges;
	}

	/**
	 * Merges a duplicate contact into the contact kept, both of one account. Every record
	 * of every module that refers to the duplicate is made to refer to the kept contact
	 * (activities, NPS responses, meeting attendees, escalations, QBR items,
	 * opportunities, workflow roles, steps, links and signers, tasks, notifications:
	 * every foreign key to a contact, found in the database's catalog, and the references
	 * without one); where the kept contact already has the one row a unique constraint
	 * allows, the duplicate's is left out. The kept contact takes the duplicate's title,
	 * email, phone and time zone where it has none, its stakeholder role where its own is
	 * {@code OTHER}, and is active when either was. Then the duplicate is deleted:
	 * nothing refers to it any more but the audit trail and the append-only log of
	 * external actions, which keep what happened under the id it had then (the audit
	 * entries of both contacts name the merge). Those who edit the account's contacts may
	 * merge them: no person is removed, only a second record of them. Audited on both
	 * contacts; published as {@link ContactMerged}.
	 * @param reason why they are the same person, kept in the audit trail and the event
	 * (null: "merged by hand")
	 * @throws NotFoundException when either contact does not exist
	 * @throws io.intime.shared.InvalidInputException ({@code duplicateId}) when they are
	 * one contact or belong to different accounts
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not edit the account's contacts
	 */
	@Transactional
	public ContactMerge merge(long keptId, long duplicateId, String reason, CurrentUser user) {
		Contact kept = load(keptId);
		Account account = accountManagement.load(kept.accountId());
		rules.requireView(user, account);
		AccountRules.require(rules.access(user, account).editContacts(), "You may not merge contacts");
		return merge(account, keptId, duplicateId, reason == null ? "merged by hand" : reason, user);
	}

	private ContactMerge merge(Account account, long keptId, long duplicateId, String reason, CurrentUser user) {
		if (keptId == duplicateId) {
			throw new io.intime.shared.InvalidInputException("duplicateId", "is the contact kept itself");
		}
		// Locked first: a record written meanwhile that names the duplicate waits, then
		// finds it gone instead of pointing at nothing.
		jdbc.sql("select id from contact where id in (:ids) order by id for update")
			.param("ids", List.of(keptId, duplicateId))
			.query(Long.class)
			.list();
		Contact kept = load(keptId);
		Contact duplicate = load(duplicateId);
		if (kept.accountId() != account.id() || duplicate.accountId() != account.id()) {
			throw new io.intime.shared.InvalidInputException("duplicateId",
					"is a contact of another account than " + account.name());
		}
		ContactForm keep = kept.toForm();
		ContactForm other = duplicate.toForm();
		ContactForm merged = new ContactForm(keep.name(), either(keep.title(), other.title()),
				either(keep.email(), other.email()), either(keep.phone(), other.phone()),
				either(keep.timeZone(), other.timeZone()),
				keep.stakeholderRole() == io.intime.accounts.StakeholderRole.OTHER ? other.stakeholderRole()
						: keep.stakeholderRole(),
				keep.influence(), keep.active() || other.active());
		Map<String, Integer> moved = new java.util.TreeMap<>();
		int[] dropped = { 0 };
		jdbc.sql("select reference, moved, dropped from merge_contact_references(:duplicate, :kept)")
			.param("duplicate", duplicateId)
			.param("kept", keptId)
			.query(rs -> {
				if (rs.getInt(2) > 0) {
					moved.put(rs.getString(1), rs.getInt(2));
				}
				dropped[0] += rs.getInt(3);
			});
		Map<String, Object> duplicateState = duplicate.auditState();
		// deleted before the kept contact takes its email (one email per account)
		contacts.delete(duplicate);
		contacts.flush();
		Map<String, Object> before = kept.auditState();
		kept.apply(merged);
		List<FieldChange> changes = new java.util.ArrayList<>(FieldChange.between(before, kept.auditState()));
		Instant now = time.now();
		kept.updated(user.username(), now);
		contacts.saveAndFlush(kept);
		List<String> filled = changes.stream().map(FieldChange::field).toList();
		changes
			.add(new FieldChange("mergedContact", null, duplicate.name() + " (#" + duplicateId + ", " + reason + ")"));
		audit.recordChanges(ENTITY, keptId, changes, user);
		audit.recordDeleted(ENTITY, duplicateId, duplicateState.get("name") + " at " + account.name() + ": merged into "
				+ kept.name() + " (#" + keptId + "), " + reason, user);
		events.publishEvent(
				new ContactMerged(account.id(), keptId, duplicateId, reason, changes, moved, user.actor(), now));
		return new ContactMerge(account.id(), keptId, kept.name(), duplicateId, duplicate.name(), reason, filled, moved,
				dropped[0]);
	}

	private static String either(String kept, String other) {
		return kept != null && !kept.isBlank() ? kept : other;
	}

	private void validate(ContactForm form) {
		List<FieldError> errors = validation.violations(form);
		FormValidation.checkTimeZone("timeZone", form.timeZone(), errors, false);
		FormValidation.throwIfAny(errors);
	}

	private void refuseDuplicateEmail(Account account, String email, Long exceptId) {
		if (email == null || email.isBlank()) {
			return;
		}
		contacts.findByAccountAndEmail(account.id(), email.trim())
			.filter(existing -> !existing.id().equals(exceptId))
			.ifPresent(existing -> {
				throw new DuplicateException("email",
						existing.name() + " at " + account.name() + " already has the email " + email.trim(),
						existing.name(), "/accounts/" + account.id() + "/contacts/" + existing.id() + "/edit");
			});
	}

	private Map<Long, String> accountNames(List<Long> contactIds) {
		if (contactIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> names = new java.util.HashMap<>();
		jdbc.sql(
				"select distinct a.id, a.name from account a join contact c on c.account_id = a.id where c.id in (:ids)")
			.param("ids", contactIds)
			.query(rs -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

	Contact load(long id) {
		return contacts.findById(id).orElseThrow(() -> new NotFoundException("Contact", id));
	}

}
