package io.intime.qbr;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.engagement.MeetingView;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a QBR's meeting agreed (spec 02 step 9, spec 05 template 1 step 4): action items,
 * each with an owner on either side (a user of the firm or a contact of the client) and a
 * due date, and decisions. An action item without an owner is refused. Readers of the QBR
 * read its items; its editors add, change, complete and remove them. Once the QBR is
 * finalized the items stand as agreed: they can only be marked done (or open again).
 */
@Service
public class QbrItems {

	static final String ENTITY = "qbr_item";

	private static final int MAX_TEXT = 1000;

	/** An action item or a decision. */
	public enum Kind {

		ACTION("Action item"), DECISION("Decision");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** Whose an action item is: the firm's or the client's. */
	public enum Side {

		INTERNAL, CLIENT

	}

	/**
	 * An item of a QBR.
	 *
	 * @param ownerSide null for a decision
	 * @param ownerName the owner's name as it was when they were chosen
	 * @param dueDate null when none was agreed
	 * @param taskId the task made for an internal owner when the QBR was finalized, or
	 * null
	 * @param remindedAt when a client owner was reminded by email, or null
	 */
	public record Item(long id, long qbrId, Kind kind, String text, Side ownerSide, Long ownerUserId,
			Long ownerContactId, String ownerName, LocalDate dueDate, boolean done, Long taskId, Instant remindedAt,
			Instant doneAt, int position, long version) {

		public boolean action() {
			return kind == Kind.ACTION;
		}

		public boolean clientOwned() {
			return ownerSide == Side.CLIENT;
		}

		public boolean internalOwned() {
			return ownerSide == Side.INTERNAL;
		}

		/** Open and its due date has passed. */
		public boolean overdue(LocalDate today) {
			return action() && !done && dueDate != null && dueDate.isBefore(today);
		}

		/**
		 * The owner as the page selects it: {@code user:12} or {@code contact:34}, or
		 * null.
		 */
		public String ownerKey() {
			return ownerUserId != null ? "user:" + ownerUserId
					: ownerContactId != null ? "contact:" + ownerContactId : null;
		}

	}

	/**
	 * An item as people write it.
	 *
	 * @param kind ACTION when null
	 * @param ownerUserId the firm's user who does it (an internal owner), or null
	 * @param ownerContactId the client's contact who does it (a client owner), or null;
	 * an action item has exactly one of the two, a decision neither
	 * @param dueDate when it is due, or null when none was agreed
	 */
	public record ItemForm(Kind kind, String text, Long ownerUserId, Long ownerContactId, LocalDate dueDate) {

		public Kind kindOrAction() {
			return kind == null ? Kind.ACTION : kind;
		}

	}

	/**
	 * Someone who may own an action item.
	 *
	 * @param key {@code user:12} or {@code contact:34}
	 * @param role the user's title or role, the contact's title; may be null
	 * @param attendee whether they are invited to the QBR's meeting
	 */
	public record Owner(String key, Side side, long id, String name, String role, boolean attendee) {
	}

	/**
	 * An open action item a client's contact owns, from a finalized QBR: what the account
	 * page lists.
	 */
	public record ClientItem(long id, long qbrId, String quarter, String text, String ownerName, LocalDate dueDate,
			boolean overdue) {
	}

	private final JdbcClient jdbc;

	private final Qbrs qbrs;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final AccountManagement accounts;

	private final AuditTrail audit;

	private final Today time;

	QbrItems(JdbcClient jdbc, Qbrs qbrs, ContactManagement contacts, UserDirectory users, AccountManagement accounts,
			AuditTrail audit, Today time) {
		this.jdbc = jdbc;
		this.qbrs = qbrs;
		this.contacts = contacts;
		this.users = users;
		this.accounts = accounts;
		this.audit = audit;
		this.time = time;
	}

	/**
	 * The QBR's items, action items and decisions in the order they were written.
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not read the QBR
	 */
	@Transactional(readOnly = true)
	public List<Item> of(long qbrId, CurrentUser user) {
		qbrs.get(qbrId, user);
		return load(qbrId);
	}

	/**
	 * One item of the QBR.
	 * @throws NotFoundException when the QBR has no such item
	 */
	@Transactional(readOnly = true)
	public Item get(long qbrId, long itemId, CurrentUser user) {
		qbrs.get(qbrId, user);
		return item(qbrId, itemId);
	}

	/**
	 * Who may own the QBR's action items: of the firm, the meeting's attendees, the
	 * account's manager and team and the user (those who may see the account); of the
	 * client, the meeting's attendees first, then the account's other active contacts.
	 * @param meeting the QBR's meeting, or null
	 */
	@Transactional(readOnly = true)
	public List<Owner> owners(QbrView qbr, MeetingView meeting, CurrentUser user) {
		Set<Long> invitedUsers = new LinkedHashSet<>();
		Set<Long> invitedContacts = new LinkedHashSet<>();
		if (meeting != null && meeting.accountId() == qbr.accountId()) {
			for (MeetingView.Attendee a : meeting.attendees()) {
				if (a.userId() != null) {
					invitedUsers.add(a.userId());
				}
				else if (a.contactId() != null) {
					invitedContacts.add(a.contactId());
				}
			}
		}
		Set<Long> userIds = new LinkedHashSet<>(invitedUsers);
		if (qbr.ownerId() != null) {
			userIds.add(qbr.ownerId());
		}
		accounts.team(qbr.accountId()).forEach(member -> userIds.add(member.userId()));
		userIds.add(user.id());
		Set<Long> allowed = accounts.mayView(userIds, qbr.accountId(), false);
		Map<Long, UserSummary> people = users.findAll(userIds);
		List<Owner> owners = new ArrayList<>();
		for (Long id : userIds) {
			UserSummary u = people.get(id);
			if (u != null && u.enabled() && allowed.contains(id)) {
				owners.add(new Owner("user:" + id, Side.INTERNAL, id, u.fullName(),
						u.title() != null ? u.title() : u.role().label(), invitedUsers.contains(id)));
			}
		}
		List<ContactView> people2 = contacts.forAccount(qbr.accountId(), user);
		List<Owner> clientOwners = new ArrayList<>();
		for (ContactView c : people2) {
			boolean invited = invitedContacts.contains(c.id());
			if (invited || c.active()) {
				clientOwners.add(new Owner("contact:" + c.id(), Side.CLIENT, c.id(), c.name(), c.title(), invited));
			}
		}
		clientOwners.sort(java.util.Comparator.comparing((Owner o) -> !o.attendee()).thenComparing(Owner::name));
		owners.addAll(clientOwners);
		return owners;
	}

	/**
	 * Adds an item at the end.
	 * @throws InvalidInputException naming {@code text}, {@code owner} (an action item
	 * without one: "choose who does it") or {@code dueDate}; or {@code status} when the
	 * QBR is finalized or cancelled
	 */
	@Transactional
	public Item add(long qbrId, ItemForm form, CurrentUser user) {
		QbrView qbr = qbrs.get(qbrId, user);
		qbrs.requireEditor(qbr, user);
		requireOpen(qbr);
		Resolved owner = validate(qbr, form, null, user);
		Instant now = time.now();
		long id = jdbc.sql("""
				insert into qbr_item (qbr_id, kind, text, owner_side, owner_user_id, owner_contact_id, owner_name,
				                      due_date, position, created_at, updated_at)
				values (:qbr, :kind, :text, :side, :userId, :contactId, :name, :due,
				        (select coalesce(max(position), 0) + 1 from qbr_item where qbr_id = :qbr), :now, :now)
				returning id""")
			.param("qbr", qbrId)
			.param("kind", form.kindOrAction().name())
			.param("text", form.text().trim())
			.param("side", owner.side == null ? null : owner.side.name())
			.param("userId", owner.userId)
			.param("contactId", owner.contactId)
			.param("name", owner.name)
			.param("due", form.dueDate())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		Item created = item(qbrId, id);
		audit.recordCreated(ENTITY, id, state(created), user);
		return created;
	}

	/**
	 * Changes an item's text, owner and due date (its kind stays).
	 * @throws StaleVersionException when it changed since {@code version}
	 * @throws InvalidInputException as {@link #add}
	 */
	@Transactional
	public Item update(long qbrId, long itemId, ItemForm form, long version, CurrentUser user) {
		QbrView qbr = qbrs.get(qbrId, user);
		qbrs.requireEditor(qbr, user);
		requireOpen(qbr);
		Item before = item(qbrId, itemId);
		ItemForm same = new ItemForm(before.kind(), form.text(), form.ownerUserId(), form.ownerContactId(),
				form.dueDate());
		Resolved owner = validate(qbr, same, before, user);
		int updated = jdbc.sql("""
				update qbr_item set text = :text, owner_side = :side, owner_user_id = :userId,
				       owner_contact_id = :contactId, owner_name = :name, due_date = :due, version = version + 1,
				       updated_at = :now
				 where id = :id and qbr_id = :qbr and version = :version""")
			.param("text", form.text().trim())
			.param("side", owner.side == null ? null : owner.side.name())
			.param("userId", owner.userId)
			.param("contactId", owner.contactId)
			.param("name", owner.name)
			.param("due", form.dueDate())
			.param("now", Timestamp.from(time.now()))
			.param("id", itemId)
			.param("qbr", qbrId)
			.param("version", version)
			.update();
		return written(updated, before, version, user);
	}

	/**
	 * Marks an action item done, or open again; also once the QBR is finalized (a client
	 * owner's item is done when they say so).
	 * @throws StaleVersionException when it changed since {@code version}
	 * @throws InvalidInputException naming {@code done} for a decision
	 */
	@Transactional
	public Item markDone(long qbrId, long itemId, boolean done, long version, CurrentUser user) {
		QbrView qbr = qbrs.get(qbrId, user);
		qbrs.requireEditor(qbr, user);
		Item before = item(qbrId, itemId);
		if (!before.action()) {
			throw new InvalidInputException("done", "a decision is not done; it is taken");
		}
		Instant now = time.now();
		int updated = jdbc.sql("""
				update qbr_item set status = :status, done_at = :doneAt, version = version + 1, updated_at = :now
				 where id = :id and qbr_id = :qbr and version = :version""")
			.param("status", done ? "DONE" : "OPEN")
			.param("doneAt", done ? Timestamp.from(now) : null)
			.param("now", Timestamp.from(now))
			.param("id", itemId)
			.param("qbr", qbrId)
			.param("version", version)
			.update();
		return written(updated, before, version, user);
	}

	/**
	 * The item after a versioned write: the write counted no row when someone changed it
	 * since {@code version}; else the change is audited.
	 */
	private Item written(int updated, Item before, long version, CurrentUser user) {
		if (updated == 0) {
			throw stale(before, version);
		}
		Item after = item(before.qbrId(), before.id());
		audit.recordChanges(ENTITY, before.id(), FieldChange.between(state(before), state(after)), user);
		return after;
	}

	/**
	 * Removes an item.
	 * @throws InvalidInputException naming {@code status} when the QBR is finalized
	 */
	@Transactional
	public void delete(long qbrId, long itemId, CurrentUser user) {
		QbrView qbr = qbrs.get(qbrId, user);
		qbrs.requireEditor(qbr, user);
		requireOpen(qbr);
		Item item = item(qbrId, itemId);
		jdbc.sql("delete from qbr_item where id = :id and qbr_id = :qbr")
			.param("id", itemId)
			.param("qbr", qbrId)
			.update();
		audit.recordDeleted(ENTITY, itemId, item.kind().label() + " “" + item.text() + "”", user);
	}

	/**
	 * The open action items clients' contacts own from the account's finalized QBRs, by
	 * due date (those without one last); none for a user who does not read the account's
	 * QBRs.
	 */
	@Transactional(readOnly = true)
	public List<ClientItem> openClientItems(long accountId, CurrentUser user) {
		if (!qbrs.mayRead(accountId, user)) {
			return List.of();
		}
		LocalDate today = time.today(user.timeZone());
		return jdbc.sql("""
				select i.id, i.qbr_id, q.quarter, i.text, i.owner_name, i.due_date
				  from qbr_item i join qbr q on q.id = i.qbr_id
				 where q.account_id = :account and q.status = 'COMPLETED' and i.kind = 'ACTION'
				   and i.owner_side = 'CLIENT' and i.status = 'OPEN'
				 order by i.due_date nulls last, i.id""").param("account", accountId).query((rs, n) -> {
			LocalDate due = rs.getObject("due_date", LocalDate.class);
			return new ClientItem(rs.getLong("id"), rs.getLong("qbr_id"),
					QbrQuarter.parse(rs.getString("quarter"), "quarter").label(), rs.getString("text"),
					rs.getString("owner_name"), due, due != null && due.isBefore(today));
		}).list();
	}

	// ------------------------------------------------------------------ internals

	/** The QBR's items without a permission check, for the module's own services. */
	List<Item> load(long qbrId) {
		return jdbc.sql(COLUMNS + " where qbr_id = :qbr order by position, id")
			.param("qbr", qbrId)
			.query(QbrItems::row)
			.list();
	}

	static void requireOpen(QbrView qbr) {
		if (qbr.status() == QbrStatus.COMPLETED) {
			throw new InvalidInputException("status",
					"the QBR is finalized: its items stand as agreed; mark them done as they are done");
		}
		if (qbr.status() == QbrStatus.CANCELLED) {
			throw new InvalidInputException("status", "the QBR is cancelled");
		}
	}

	private record Resolved(Side side, Long userId, Long contactId, String name) {
	}

	private Resolved validate(QbrView qbr, ItemForm form, Item before, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		if (form.text() == null || form.text().isBlank()) {
			errors.add(new FieldError("text", "is required: what was agreed"));
		}
		else if (form.text().trim().length() > MAX_TEXT) {
			errors.add(new FieldError("text", "is longer than " + MAX_TEXT + " characters"));
		}
		Resolved owner = new Resolved(null, null, null, null);
		if (form.kindOrAction() == Kind.DECISION) {
			if (form.ownerUserId() != null || form.ownerContactId() != null) {
				errors.add(new FieldError("owner", "a decision has no owner; make it an action item"));
			}
			if (form.dueDate() != null) {
				errors.add(new FieldError("dueDate", "a decision has no due date; make it an action item"));
			}
		}
		else {
			if (form.ownerUserId() == null && form.ownerContactId() == null) {
				errors.add(new FieldError("owner", "choose who does it"));
			}
			else if (form.ownerUserId() != null && form.ownerContactId() != null) {
				errors.add(new FieldError("owner", "choose one person: of the firm or of the client"));
			}
			else if (form.ownerUserId() != null) {
				UserSummary u = users.find(form.ownerUserId()).filter(UserSummary::enabled).orElse(null);
				if (u == null) {
					errors.add(new FieldError("owner", "is not an active user"));
				}
				else if (accounts.mayView(Set.of(u.id()), qbr.accountId(), false).isEmpty()) {
					errors.add(new FieldError("owner", u.fullName() + " may not see " + qbr.accountName()
							+ "; choose someone who works on the account"));
				}
				else {
					owner = new Resolved(Side.INTERNAL, u.id(), null, u.fullName());
				}
			}
			else {
				ContactView c = contacts.forAccount(qbr.accountId(), user)
					.stream()
					.filter(contact -> contact.id() == form.ownerContactId())
					.findFirst()
					.orElse(null);
				if (c == null) {
					errors.add(new FieldError("owner", "is not a contact of " + qbr.accountName()));
				}
				else {
					owner = new Resolved(Side.CLIENT, null, c.id(), c.name());
				}
			}
			boolean unchanged = before != null && java.util.Objects.equals(before.dueDate(), form.dueDate());
			if (form.dueDate() != null && !unchanged && form.dueDate().isBefore(time.today(user.timeZone()))) {
				errors.add(new FieldError("dueDate", "lies in the past"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return owner;
	}

	private Item item(long qbrId, long itemId) {
		return jdbc.sql(COLUMNS + " where id = :id and qbr_id = :qbr")
			.param("id", itemId)
			.param("qbr", qbrId)
			.query(QbrItems::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("QBR item", itemId));
	}

	private static StaleVersionException stale(Item before, long version) {
		return new StaleVersionException(before.kind().label() + " “" + before.text() + "”", before.id(), version,
				before.version());
	}

	private static Map<String, Object> state(Item item) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("kind", item.kind().name());
		state.put("text", item.text());
		state.put("owner", item.ownerName());
		state.put("ownerSide", item.ownerSide() == null ? null : item.ownerSide().name());
		state.put("dueDate", item.dueDate());
		state.put("status", item.done() ? "DONE" : "OPEN");
		return state;
	}

	private static final String COLUMNS = """
			select id, qbr_id, kind, text, owner_side, owner_user_id, owner_contact_id, owner_name, due_date, status,
			       task_id, reminded_at, done_at, position, version
			  from qbr_item
			""";

	private static Item row(ResultSet rs, int n) throws SQLException {
		String side = rs.getString("owner_side");
		return new Item(rs.getLong("id"), rs.getLong("qbr_id"), Kind.valueOf(rs.getString("kind")),
				rs.getString("text"), side == null ? null : Side.valueOf(side),
				rs.getObject("owner_user_id", Long.class), rs.getObject("owner_contact_id", Long.class),
				rs.getString("owner_name"), rs.getObject("due_date", LocalDate.class),
				"DONE".equals(rs.getString("status")), rs.getObject("task_id", Long.class),
				instant(rs.getTimestamp("reminded_at")), instant(rs.getTimestamp("done_at")), rs.getInt("position"),
				rs.getLong("version"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
