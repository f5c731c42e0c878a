package io.intime.billing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;
import io.intime.shared.NotFoundException;
import io.intime.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit memos on invoices: what finance gives back when a billing dispute is resolved (a
 * credit, a refund, an adjustment). A memo is never changed nor deleted: a mistake is
 * answered by another document, as accounting wants. Together the memos of an invoice
 * never exceed its amount; credits and adjustments lower what the client still owes on it
 * ({@link #balance}). Finance issues them (the rules of {@link BillingRules}); whoever
 * sees the invoice sees its memos. Each is audited and published as
 * {@link CreditMemoIssued}.
 */
@Service
public class CreditMemos {

	static final String ENTITY = "credit_memo";

	private final JdbcClient jdbc;

	private final InvoiceManagement invoices;

	private final AccountManagement accounts;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Today time;

	CreditMemos(JdbcClient jdbc, InvoiceManagement invoices, AccountManagement accounts, AuditTrail audit,
			ApplicationEventPublisher events, Today time) {
		this.jdbc = jdbc;
		this.invoices = invoices;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.time = time;
	}

	/**
	 * Issues a credit memo on the invoice (finance). A memo from a {@code source} that
	 * issued one already is returned as it is, so a retried step never credits twice.
	 * @param amount in the invoice's currency
	 * @param source what issues it (e.g. {@code workflow-run:42}), or null for a person
	 * @throws InvalidInputException naming {@code amount} (not above zero, another
	 * currency, more than is left to credit on the invoice), {@code kind} (a refund of an
	 * unpaid invoice, a memo on a written-off one) or {@code reason} (missing, too long)
	 * @throws org.springframework.security.access.AccessDeniedException unless the user
	 * is finance
	 */
	@Transactional
	public CreditMemoView issue(long invoiceId, CreditMemoKind kind, Money amount, String reason, String source,
			CurrentUser user) {
		if (source != null) {
			CreditMemoView existing = one("m.source = :source", Map.of("source", source));
			if (existing != null) {
				return existing;
			}
		}
		Invoice invoice = invoices.load(invoiceId);
		AccountDetails account = accounts.get(invoice.accountId(), user);
		BillingRules.require(invoices.access(account, user).edit(), "Only finance issues credit memos");
		// one memo at a time per invoice, so that two never both take what is left
		jdbc.sql("select id from invoice where id = :id for update").param("id", invoiceId).query(Long.class).single();
		InvoiceView view = invoices.get(invoiceId, user);
		List<FieldError> errors = new ArrayList<>();
		if (kind == null) {
			errors.add(new FieldError("kind", "is required: CREDIT, REFUND or ADJUSTMENT"));
		}
		else if (view.status() == InvoiceStatus.WRITTEN_OFF) {
			errors.add(new FieldError("kind", "Invoice " + view.number() + " is written off: nothing is owed on it"));
		}
		else if (kind == CreditMemoKind.REFUND && view.status() != InvoiceStatus.PAID) {
			errors.add(new FieldError("kind",
					"Invoice " + view.number() + " is not paid: nothing was paid to refund; issue a credit instead"));
		}
		BigDecimal issued = issuedOn(invoiceId);
		BigDecimal left = view.amount().amount().subtract(issued);
		if (amount == null || amount.amount() == null) {
			errors.add(new FieldError("amount", "is required"));
		}
		else if (amount.amount().signum() <= 0) {
			errors.add(new FieldError("amount", "must be more than zero"));
		}
		else if (amount.amount().scale() > 2) {
			errors.add(new FieldError("amount", "has at most two decimals"));
		}
		else if (!view.amount().currency().equals(amount.currency())) {
			errors.add(new FieldError("amount", "must be in the invoice's currency, " + view.amount().currency()));
		}
		else if (amount.amount().compareTo(left) > 0) {
			errors.add(new FieldError("amount",
					"is more than is left to credit on invoice " + view.number() + " ("
							+ MoneyFormat.format(new Money(left, view.amount().currency())) + " of "
							+ MoneyFormat.format(view.amount()) + ")"));
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			errors.add(new FieldError("reason", "is required: say why the client is credited"));
		}
		else if (why.length() > 2000) {
			errors.add(new FieldError("reason", "is at most 2000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant now = time.now();
		int year = now.atZone(ZoneOffset.UTC).getYear();
		int sequence = jdbc.sql("""
				insert into credit_memo_number (year, last_number) values (:year, 1)
				on conflict (year) do update set last_number = credit_memo_number.last_number + 1
				returning last_number""").param("year", year).query(Integer.class).single();
		String number = "CM-%d-%04d".formatted(year, sequence);
		long id = jdbc.sql("""
				insert into credit_memo (memo_number, invoice_id, account_id, kind, amount, currency, reason, source,
				                         created_at, created_by)
				values (:number, :invoice, :account, :kind, :amount, :currency, :reason, :source, :at, :by)
				returning id""")
			.param("number", number)
			.param("invoice", invoiceId)
			.param("account", invoice.accountId())
			.param("kind", kind.name())
			.param("amount", amount.amount())
			.param("currency", amount.currency())
			.param("reason", why)
			.param("source", source)
			.param("at", Timestamp.from(now))
			.param("by", user.username())
			.query(Long.class)
			.single();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("number", number);
		state.put("invoice", view.number());
		state.put("kind", kind.name());
		state.put("amount", amount.amount().toPlainString() + " " + amount.currency());
		state.put("reason", why);
		if (source != null) {
			state.put("source", source);
		}
		audit.recordCreated(ENTITY, id, state, user);
		Money balance = balanceOf(view);
		events.publishEvent(new CreditMemoIssued(invoice.accountId(), id, number, invoiceId, view.number(), kind,
				amount.amount(), amount.currency(), why, balance.amount(), user.actor(), now));
		return one("m.id = :id", Map.of("id", id));
	}

	/** The memos of an invoice, oldest first, to whoever sees the invoice. */
	@Transactional(readOnly = true)
	public List<CreditMemoView> forInvoice(long invoiceId, CurrentUser user) {
		invoices.get(invoiceId, user);
		return list("m.invoice_id = :id", Map.of("id", invoiceId));
	}

	/**
	 * The memos of an account's invoices by invoice id, oldest first, to whoever sees its
	 * invoices.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<CreditMemoView>> forAccount(long accountId, CurrentUser user) {
		invoices.forAccount(accountId, user);
		Map<Long, List<CreditMemoView>> byInvoice = new LinkedHashMap<>();
		for (CreditMemoView memo : list("m.account_id = :id", Map.of("id", accountId))) {
			byInvoice.computeIfAbsent(memo.invoiceId(), k -> new ArrayList<>()).add(memo);
		}
		return byInvoice;
	}

	/**
	 * What the client still owes on the invoice: for an unpaid invoice its amount less
	 * its credits and adjustments, else nothing.
	 */
	@Transactional(readOnly = true)
	public Money balance(long invoiceId, CurrentUser user) {
		return balanceOf(invoices.get(invoiceId, user));
	}

	private Money balanceOf(InvoiceView invoice) {
		if (!invoice.status().unpaid()) {
			return Money.zero(invoice.amount().currency());
		}
		BigDecimal lowered = jdbc
			.sql("select coalesce(sum(amount), 0) from credit_memo where invoice_id = :id and kind <> 'REFUND'")
			.param("id", invoice.id())
			.query(BigDecimal.class)
			.single();
		BigDecimal owed = invoice.amount().amount().subtract(lowered);
		return new Money(owed.signum() < 0 ? BigDecimal.ZERO : owed, invoice.amount().currency());
	}

	private BigDecimal issuedOn(long invoiceId) {
		return jdbc.sql("select coalesce(sum(amount), 0) from credit_memo where invoice_id = :id")
			.param("id", invoiceId)
			.query(BigDecimal.class)
			.single();
	}

	private CreditMemoView one(String where, Map<String, Object> params) {
		List<CreditMemoView> found = list(where, params);
		return found.isEmpty() ? null : found.get(0);
	}

	private List<CreditMemoView> list(String where, Map<String, Object> params) {
		return jdbc.sql("""
				select m.id, m.memo_number, m.invoice_id, i.invoice_number, m.account_id, m.kind, m.amount, m.currency,
				       m.reason, m.source, m.created_at, m.created_by, m.version
				  from credit_memo m join invoice i on i.id = m.invoice_id
				 where""" + " " + where + " order by m.created_at, m.id")
			.params(new HashMap<>(params))
			.query((rs, n) -> new CreditMemoView(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getLong(5), CreditMemoKind.valueOf(rs.getString(6)),
					new Money(rs.getBigDecimal(7), rs.getString(8)), rs.getString(9), rs.getString(10),
					rs.getTimestamp(11).toInstant(), rs.getString(12), rs.getLong(13)))
			.list();
	}

	/**
	 * One memo, to whoever sees its invoice.
	 * @throws NotFoundException when there is none
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see its invoice
	 */
	@Transactional(readOnly = true)
	public CreditMemoView get(long id, CurrentUser user) {
		CreditMemoView memo = one("m.id = :id", Map.of("id", id));
		if (memo == null) {
			throw new NotFoundException("Credit memo", id);
		}
		invoices.get(memo.invoiceId(), user);
		return memo;
	}

}
