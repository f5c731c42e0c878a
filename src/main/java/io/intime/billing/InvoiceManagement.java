package io.intime.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSummary;
import io.intime.shared.Editable;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.CurrencyRates;
import io.intime.shared.DuplicateException;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.shared.web.MoneyInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices of client accounts: list and search, read, create, change, mark paid, dispute,
 * write off and delete, by the rules of {@link BillingRules} (finance keeps invoices;
 * account managers, executives and sales directors read them and flag disputes). Every
 * change is checked, written to the audit trail and published as an {@link InvoiceEvent}
 * (a fact of the account, {@link AccountFactChanged}) in the same transaction, with the
 * user as its actor.
 */
@Service
public class InvoiceManagement {

	static final String ENTITY = "invoice";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private final Invoices invoices;

	private final AccountManagement accounts;

	private final BillingFacts facts;

	private final CurrencyRates rates;

	private final Validator validator;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	InvoiceManagement(Invoices invoices, AccountManagement accounts, BillingFacts facts, CurrencyRates rates,
			Validator validator, AuditTrail audit, ApplicationEventPublisher events, JdbcClient jdbc, Today time) {
		this.invoices = invoices;
		this.accounts = accounts;
		this.facts = facts;
		this.rates = rates;
		this.validator = validator;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
	}

	/** The day "today" means for overdue invoices and paid dates. */
	LocalDate today() {
		return time.organizationToday();
	}

	/**
	 * What the user may do with the invoices of this account; pages use it to offer only
	 * what will succeed.
	 */
	public InvoiceAccess access(AccountDetails account, CurrentUser user) {
		return BillingRules.access(user, account);
	}

	/**
	 * Invoices the user may see, newest issued first: of one account ({@code accountId},
	 * null for all the user may see) and in one status (null for all; OVERDUE also
	 * matches an OPEN invoice past its due date, OPEN only those not yet due).
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see invoices (of that account)
	 * @throws NotFoundException when {@code accountId} names no account
	 */
	@Transactional(readOnly = true)
	public PageResult<InvoiceView> search(Long accountId, InvoiceStatus status, PageRequest page, CurrentUser user) {
		return search(accountId, null, status, page, user);
	}

	/**
	 * Invoices the user may see, as
	 * {@link #search(Long, InvoiceStatus, PageRequest, CurrentUser)}, and of the accounts
	 * one person owns ({@code ownerId}, null for any owner): the filters of the
	 * receivables view.
	 */
	@Transactional(readOnly = true)
	public PageResult<InvoiceView> search(Long accountId, Long ownerId, InvoiceStatus status, PageRequest page,
			CurrentUser user) {
		AccountScope scope = scope(accountId, ownerId, user);
		if (scope.isEmpty()) {
			return new PageResult<>(List.of(), 0, page.page(), page.size());
		}
		StringBuilder where = new StringBuilder(" where true").append(scope.clause("i.account_id"));
		Map<String, Object> params = new HashMap<>();
		if (status != null) {
			where.append(switch (status) {
				case OVERDUE -> " and (i.status = 'OVERDUE' or (i.status = 'OPEN' and i.due_date < :today))";
				case OPEN -> " and i.status = 'OPEN' and i.due_date >= :today";
				default -> " and i.status = :status";
			});
			params.put("status", status.name());
			params.put("today", today());
		}
		List<Long> ids = scope
			.bind(jdbc.sql("select i.id from invoice i" + where
					+ " order by i.issue_date desc, i.id desc limit :limit offset :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		long total = scope.bind(jdbc.sql("select count(*) from invoice i" + where))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(views(invoices.findAllById(ids), ids), total, page.page(), page.size());
	}

	/**
	 * The accounts whose invoices the user reads: one account ({@code accountId}) when
	 * given and the user may see its invoices; else every account for those who see all
	 * invoices, the accounts they own for account managers; narrowed to the accounts
	 * {@code ownerId} owns when given.
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see invoices (of that account)
	 */
	AccountScope scope(Long accountId, Long ownerId, CurrentUser user) {
		List<Long> ids = null;
		if (accountId != null) {
			AccountDetails account = accounts.get(accountId, user);
			BillingRules.require(access(account, user).view(), "You may not see the invoices of " + account.name());
			ids = List.of(accountId);
		}
		else if (!BillingRules.seesAllInvoices(user)) {
			BillingRules.require(user.hasRole(Role.ACCOUNT_MANAGER), "You may not see invoices");
			ids = accounts.exportable(user).stream().map(AccountSummary::id).toList();
		}
		if (ownerId != null && (ids == null || !ids.isEmpty())) {
			Set<Long> owned = accounts.stewards(ids)
				.values()
				.stream()
				.filter(stewards -> ownerId.equals(stewards.ownerId()))
				.map(AccountManagement.Stewards::accountId)
				.collect(Collectors.toSet());
			ids = List.copyOf(owned);
		}
		return ids == null ? AccountScope.all() : AccountScope.of(ids);
	}

	/** Every invoice of one account, newest issued first. */
	@Transactional(readOnly = true)
	public List<InvoiceView> forAccount(long accountId, CurrentUser user) {
		AccountDetails account = viewable(accountId, user);
		LocalDate today = today();
		return invoices.findByAccount(accountId).stream().map(i -> i.toView(account.name(), today)).toList();
	}

	/**
	 * An account's unpaid and overdue totals per currency today (what is still owed: less
	 * the credits and adjustments of {@link CreditMemos}), with the payment facts of the
	 * last 365 days that the health score reads.
	 */
	@Transactional(readOnly = true)
	public InvoiceSummary summary(long accountId, CurrentUser user) {
		viewable(accountId, user);
		LocalDate today = today();
		Map<String, BigDecimal> unpaid = new TreeMap<>();
		Map<String, BigDecimal> overdue = new TreeMap<>();
		int[] counts = new int[2];
		jdbc.sql("""
				select i.currency, i.amount - coalesce((select sum(m.amount) from credit_memo m
				                                        where m.invoice_id = i.id and m.kind <> 'REFUND'), 0) as amount,
				       i.due_date, i.status
				from invoice i
				where i.account_id = :account and i.status in ('OPEN','OVERDUE','DISPUTED')""")
			.param("account", accountId)
			.query(rs -> {
				String currency = rs.getString("currency");
				BigDecimal amount = rs.getBigDecimal("amount");
				unpaid.merge(currency, amount, BigDecimal::add);
				counts[0]++;
				if (rs.getDate("due_date").toLocalDate().isBefore(today) || "OVERDUE".equals(rs.getString("status"))) {
					overdue.merge(currency, amount, BigDecimal::add);
					counts[1]++;
				}
			});
		PaymentFacts payment = facts.payment(today, 365, AccountScope.of(List.of(accountId))).get(accountId);
		return new InvoiceSummary(counts[0], money(unpaid), counts[1], money(overdue),
				payment == null ? null : payment.averageDaysToPay(), payment == null ? 0 : payment.invoicesMeasured(),
				payment != null && payment.writtenOff(), payment == null ? 0 : payment.maxDaysOverdue());
	}

	@Transactional(readOnly = true)
	public InvoiceView get(long id, CurrentUser user) {
		Invoice invoice = load(id);
		AccountDetails account = viewable(invoice.accountId(), user);
		return invoice.toView(account.name(), today());
	}

	/** The invoice's form and version, for an edit page or a JSON merge patch. */
	@Transactional(readOnly = true)
	public Editable<InvoiceForm> editable(long id, CurrentUser user) {
		Invoice invoice = load(id);
		viewable(invoice.accountId(), user);
		return new Editable<>(id, invoice.toForm(), invoice.version());
	}

	/**
	 * Creates an invoice (finance); a missing currency is the account's billing currency
	 * and a missing status OPEN. Publishes {@link InvoiceCreated}.
	 * @throws InvalidInputException naming each wrong field
	 * @throws DuplicateException when the number is taken (case-insensitive)
	 */
	@Transactional
	public InvoiceView create(long accountId, InvoiceForm form, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		BillingRules.require(access(account, user).edit(), "Only finance creates invoices");
		LocalDate today = today();
		InvoiceForm checked = validate(form, account, today, null);
		Invoice invoice = invoices.saveAndFlush(new Invoice(accountId, checked, today, user.username(), time.now()));
		audit.recordCreated(ENTITY, invoice.id(), invoice.auditState(), user);
		events.publishEvent(new InvoiceCreated(accountId, stateOf(invoice),
				FieldChange.between(Map.of(), invoice.auditState()), user.actor(), time.now()));
		return invoice.toView(account.name(), today);
	}

	/**
	 * Creates several invoices of one account at once, as an import from the finance
	 * system does: the same checks as {@link #create} for each (a number may not repeat
	 * within the batch either), all or none. Publishes {@link InvoiceCreated} for each.
	 * @throws InvalidInputException naming the wrong field, prefixed with the invoice's
	 * index ({@code [3].dueDate})
	 */
	@Transactional
	public List<InvoiceView> createAll(long accountId, List<InvoiceForm> forms, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		BillingRules.require(access(account, user).edit(), "Only finance creates invoices");
		LocalDate today = today();
		List<InvoiceForm> checked = new ArrayList<>();
		Set<String> numbers = new java.util.HashSet<>();
		for (int i = 0; i < forms.size(); i++) {
			try {
				InvoiceForm form = check(forms.get(i), account, today);
				if (!numbers.add(form.number().toLowerCase(Locale.ROOT))) {
					throw new InvalidInputException("number", "Invoice " + form.number() + " appears twice");
				}
				checked.add(form);
			}
			catch (InvalidInputException e) {
				String prefix = "[" + i + "].";
				throw new InvalidInputException(e.errors()
					.stream()
					.map(error -> new FieldError(prefix + error.field(), error.message()))
					.toList());
			}
		}
		// One statement for the numbers of the whole batch rather than one per invoice.
		if (!numbers.isEmpty()) {
			List<String> taken = jdbc
				.sql("select invoice_number from invoice where lower(invoice_number) in (:numbers)")
				.param("numbers", List.copyOf(numbers))
				.query(String.class)
				.list();
			if (!taken.isEmpty()) {
				Invoice existing = invoices.findByNumber(taken.get(0)).orElseThrow();
				throw new DuplicateException("[" + indexOf(checked, existing.number()) + "].number",
						"Invoice " + existing.number() + " already exists", existing.number(),
						"/accounts/" + existing.accountId() + "/invoices#invoice-" + existing.id());
			}
		}
		List<Invoice> created = invoices.saveAllAndFlush(checked.stream()
			.map(form -> new Invoice(accountId, form, today, user.username(), time.now()))
			.toList());
		List<InvoiceView> views = new ArrayList<>();
		for (Invoice invoice : created) {
			audit.recordCreated(ENTITY, invoice.id(), invoice.auditState(), user);
			events.publishEvent(new InvoiceCreated(accountId, stateOf(invoice),
					FieldChange.between(Map.of(), invoice.auditState()), user.actor(), time.now()));
			views.add(invoice.toView(account.name(), today));
		}
		return views;
	}

	/**
	 * Changes an invoice (finance); a stale version is refused and the other change
	 * survives. Publishes {@link InvoiceUpdated} ({@link InvoicePaid},
	 * {@link InvoiceDisputed} or {@link InvoiceWrittenOff} when the status becomes one of
	 * those).
	 */
	@Transactional
	public InvoiceView update(long id, InvoiceForm form, long expectedVersion, CurrentUser user) {
		Invoice invoice = load(id);
		AccountDetails account = accounts.get(invoice.accountId(), user);
		BillingRules.require(access(account, user).edit(), "Only finance changes invoices");
		checkVersion(invoice, expectedVersion);
		LocalDate today = today();
		return change(invoice, account, validate(form, account, today, id), today, user);
	}

	/**
	 * Records the payment of an unpaid invoice on {@code paidOn} (finance). Publishes
	 * invoice.paid.
	 */
	@Transactional
	public InvoiceView markPaid(long id, LocalDate paidOn, long expectedVersion, CurrentUser user) {
		Invoice invoice = load(id);
		AccountDetails account = accounts.get(invoice.accountId(), user);
		BillingRules.require(access(account, user).edit(), "Only finance records payments");
		checkVersion(invoice, expectedVersion);
		requireUnpaid(invoice, "paid");
		if (paidOn == null) {
			throw new InvalidInputException("paidOn", "is required");
		}
		InvoiceForm current = invoice.toForm();
		LocalDate today = today();
		InvoiceForm form = new InvoiceForm(current.number(), current.issueDate(), current.dueDate(), current.amount(),
				InvoiceStatus.PAID, paidOn, current.disputeReason());
		return change(invoice, account, validate(form, account, today, id), today, user);
	}

	/**
	 * Flags an unpaid invoice as disputed by the client, with what they dispute (the
	 * account's manager, executives, sales directors, finance). Publishes
	 * invoice.disputed.
	 */
	@Transactional
	public InvoiceView dispute(long id, String reason, long expectedVersion, CurrentUser user) {
		Invoice invoice = load(id);
		AccountDetails account = accounts.get(invoice.accountId(), user);
		BillingRules.require(access(account, user).dispute(),
				"You may not flag disputes on the invoices of " + account.name());
		checkVersion(invoice, expectedVersion);
		requireUnpaid(invoice, "disputed");
		InvoiceForm current = invoice.toForm();
		LocalDate today = today();
		InvoiceForm form = new InvoiceForm(current.number(), current.issueDate(), current.dueDate(), current.amount(),
				InvoiceStatus.DISPUTED, null, reason);
		return change(invoice, account, validate(form, account, today, id), today, user);
	}

	/**
	 * Flags an unpaid invoice of the account as disputed by one of the account's client
	 * contacts, who raised it through a link of their own (the caller checked the link).
	 * The audit and the invoice.disputed event name the contact as the actor.
	 * @throws InvalidInputException naming {@code invoiceId} when the invoice is not the
	 * account's, is paid or written off, or is already disputed
	 */
	@Transactional
	public InvoiceView disputeByClient(long id, long accountId, String reason, String contactName) {
		Invoice invoice = invoices.findById(id).orElse(null);
		if (invoice == null || invoice.accountId() != accountId) {
			throw new InvalidInputException("invoiceId", "choose one of your invoices");
		}
		if (!invoice.status().unpaid()) {
			throw new InvalidInputException("invoiceId", "invoice " + invoice.number() + " is not open");
		}
		if (invoice.status() == InvoiceStatus.DISPUTED) {
			throw new InvalidInputException("invoiceId",
					"invoice " + invoice.number() + " is already disputed; our finance team is on it");
		}
		// the client acts through their link, not as a user: an actor of their own name
		CurrentUser client = new CurrentUser(0, "client: " + contactName, contactName, Role.ADMIN, ZoneOffset.UTC);
		AccountDetails account = accounts.get(accountId, client);
		InvoiceForm current = invoice.toForm();
		LocalDate today = today();
		InvoiceForm form = new InvoiceForm(current.number(), current.issueDate(), current.dueDate(), current.amount(),
				InvoiceStatus.DISPUTED, null, reason);
		return change(invoice, account, validate(form, account, today, id), today, client);
	}

	/**
	 * Writes off an unpaid invoice (finance only: account managers cannot approve
	 * write-offs). Publishes invoice.written_off.
	 */
	@Transactional
	public InvoiceView writeOff(long id, long expectedVersion, CurrentUser user) {
		Invoice invoice = load(id);
		AccountDetails account = accounts.get(invoice.accountId(), user);
		BillingRules.require(access(account, user).edit(), "Only finance writes off invoices");
		checkVersion(invoice, expectedVersion);
		requireUnpaid(invoice, "written off");
		InvoiceForm current = invoice.toForm();
		LocalDate today = today();
		InvoiceForm form = new InvoiceForm(current.number(), current.issueDate(), current.dueDate(), current.amount(),
				InvoiceStatus.WRITTEN_OFF, null, current.disputeReason());
		return change(invoice, account, validate(form, account, today, id), today, user);
	}

	/** Deletes an invoice entered by mistake (finance). Publishes invoice.deleted. */
	@Transactional
	public void delete(long id, CurrentUser user) {
		Invoice invoice = load(id);
		AccountDetails account = accounts.get(invoice.accountId(), user);
		BillingRules.require(access(account, user).edit(), "Only finance deletes invoices");
		// a credit memo is an accounting document about this invoice: both stay
		if (jdbc.sql("select exists (select 1 from credit_memo where invoice_id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single()) {
			throw new InvalidInputException("invoice",
					"Invoice " + invoice.number() + " has credit memos; an invoice with credit memos is not deleted");
		}
		invoices.delete(invoice);
		invoices.flush();
		audit.recordDeleted(ENTITY, id, invoice.number() + " of " + account.name(), user);
		events.publishEvent(
				new InvoiceDeleted(invoice.accountId(), stateOf(invoice), List.of(), user.actor(), time.now()));
	}

	private InvoiceView change(Invoice invoice, AccountDetails account, InvoiceForm form, LocalDate today,
			CurrentUser user) {
		InvoiceStatus before = invoice.status();
		Map<String, Object> state = invoice.auditState();
		invoice.apply(form, today);
		List<FieldChange> changes = FieldChange.between(state, invoice.auditState());
		if (changes.isEmpty()) {
			return invoice.toView(account.name(), today);
		}
		invoice.updated(user.username(), time.now());
		invoices.saveAndFlush(invoice);
		audit.recordChanges(ENTITY, invoice.id(), changes, user);
		InvoiceStatus after = invoice.status();
		InvoiceView view = invoice.toView(account.name(), today);
		InvoiceEvent.Snapshot snapshot = stateOf(invoice);
		long accountId = invoice.accountId();
		Instant now = time.now();
		events.publishEvent(
				after == before ? new InvoiceUpdated(accountId, snapshot, changes, user.actor(), now) : switch (after) {
					case PAID -> new InvoicePaid(accountId, snapshot, view.paidOn(), view.daysToPay(), changes,
							user.actor(), now);
					case DISPUTED ->
						new InvoiceDisputed(accountId, snapshot, form.disputeReason(), changes, user.actor(), now);
					case WRITTEN_OFF -> new InvoiceWrittenOff(accountId, snapshot, changes, user.actor(), now);
					default -> new InvoiceUpdated(accountId, snapshot, changes, user.actor(), now);
				});
		return view;
	}

	private static InvoiceEvent.Snapshot stateOf(Invoice invoice) {
		InvoiceForm form = invoice.toForm();
		return new InvoiceEvent.Snapshot(invoice.id(), invoice.number(), form.amount().amount(),
				form.amount().currency(), form.status());
	}

	private static int indexOf(List<InvoiceForm> forms, String number) {
		for (int i = 0; i < forms.size(); i++) {
			if (forms.get(i).number().equalsIgnoreCase(number)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Checks a form against the rules of an invoice, its number not taken by another
	 * invoice, and returns it with its currency resolved (the account's billing currency
	 * when none is given).
	 */
	private InvoiceForm validate(InvoiceForm form, AccountDetails account, LocalDate today, Long exceptId) {
		InvoiceForm checked = check(form, account, today);
		invoices.findByNumber(checked.number())
			.filter(existing -> !existing.id().equals(exceptId))
			.ifPresent(existing -> {
				throw new DuplicateException("number", "Invoice " + existing.number() + " already exists",
						existing.number(), "/accounts/" + existing.accountId() + "/invoices#invoice-" + existing.id());
			});
		return checked;
	}

	/** The checks of {@link #validate} but the number's uniqueness. */
	private InvoiceForm check(InvoiceForm form, AccountDetails account, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		validator.validate(form)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<InvoiceForm> v) -> v.getPropertyPath().toString()))
			.forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
		String currency = form.amount() == null || form.amount().currency() == null
				|| form.amount().currency().isBlank() ? account.billingCurrency()
						: form.amount().currency().trim().toUpperCase(Locale.ROOT);
		if (form.amount() != null && !rates.supports(currency)) {
			errors.add(new FieldError("amount.currency", "'" + currency + "' is not a currency we invoice in ("
					+ String.join(", ", rates.getUsdRates().keySet()) + ")"));
		}
		if (form.issueDate() != null && form.dueDate() != null && form.dueDate().isBefore(form.issueDate())) {
			errors.add(new FieldError("dueDate",
					"must be on or after the issue date (" + DATE.format(form.issueDate()) + ")"));
		}
		InvoiceStatus status = form.status() == null ? InvoiceStatus.OPEN : form.status();
		if (status == InvoiceStatus.PAID) {
			if (form.paidOn() == null) {
				errors.add(new FieldError("paidOn", "is required when the invoice is paid"));
			}
			else if (form.issueDate() != null && form.paidOn().isBefore(form.issueDate())) {
				errors.add(new FieldError("paidOn",
						"must be on or after the issue date (" + DATE.format(form.issueDate()) + ")"));
			}
			else if (form.paidOn().isAfter(today)) {
				errors.add(new FieldError("paidOn", "cannot be in the future"));
			}
		}
		else if (form.paidOn() != null) {
			errors.add(new FieldError("paidOn", "must be empty unless the invoice is paid"));
		}
		if (status == InvoiceStatus.DISPUTED && (form.disputeReason() == null || form.disputeReason().isBlank())) {
			errors.add(new FieldError("disputeReason", "is required: say what the client disputes"));
		}
		if (status == InvoiceStatus.OVERDUE && form.dueDate() != null && !form.dueDate().isBefore(today)) {
			errors.add(new FieldError("status",
					"can be Overdue only after the due date (" + DATE.format(form.dueDate()) + ")"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new InvoiceForm(form.number().trim(), form.issueDate(), form.dueDate(),
				new MoneyInput(form.amount().amount(), currency), status, form.paidOn(), form.disputeReason());
	}

	private void requireUnpaid(Invoice invoice, String what) {
		if (!invoice.status().unpaid()) {
			throw new InvalidInputException("status",
					"Invoice " + invoice.number() + " is "
							+ invoice.status().name().replace('_', ' ').toLowerCase(Locale.ROOT)
							+ "; only an unpaid invoice can be " + what);
		}
	}

	private static void checkVersion(Invoice invoice, long expectedVersion) {
		if (invoice.version() != expectedVersion) {
			throw new StaleVersionException("Invoice " + invoice.number(), invoice.id(), expectedVersion,
					invoice.version());
		}
	}

	private AccountDetails viewable(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		BillingRules.require(access(account, user).view(), "You may not see the invoices of " + account.name());
		return account;
	}

	private List<InvoiceView> views(List<Invoice> found, List<Long> order) {
		Set<Long> accountIds = found.stream().map(Invoice::accountId).collect(Collectors.toSet());
		Map<Long, AccountManagement.Stewards> names = accountIds.isEmpty() ? Map.of() : accounts.stewards(accountIds);
		LocalDate today = today();
		Map<Long, Integer> position = new HashMap<>();
		for (int i = 0; i < order.size(); i++) {
			position.put(order.get(i), i);
		}
		return found.stream()
			.sorted(Comparator.comparing(i -> position.get(i.id())))
			.map(i -> i.toView(names.containsKey(i.accountId()) ? names.get(i.accountId()).name() : null, today))
			.toList();
	}

	private static List<Money> money(Map<String, BigDecimal> byCurrency) {
		return byCurrency.entrySet().stream().map(e -> new Money(e.getValue(), e.getKey())).toList();
	}

	Invoice load(long id) {
		return invoices.findById(id).orElseThrow(() -> new NotFoundException("Invoice", id));
	}

}
