package io.intime.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.Audited;
import io.intime.shared.Money;
import io.intime.shared.web.MoneyInput;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An invoice to a client account. Days to pay and days overdue are derived, never stored.
 */
@Entity
@Table(name = "invoice")
class Invoice extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private long accountId;

	@Column(name = "invoice_number")
	private String number;

	@Column(name = "issue_date")
	private LocalDate issueDate;

	@Column(name = "due_date")
	private LocalDate dueDate;

	private BigDecimal amount;

	private String currency;

	@Enumerated(EnumType.STRING)
	private InvoiceStatus status;

	@Column(name = "paid_on")
	private LocalDate paidOn;

	@Column(name = "dispute_reason")
	private String disputeReason;

	@Column(name = "disputed_on")
	private LocalDate disputedOn;

	@Column(name = "written_off_on")
	private LocalDate writtenOffOn;

	protected Invoice() {
	}

	/** A new invoice from a checked form whose currency is resolved. */
	Invoice(long accountId, InvoiceForm form, LocalDate today, String actor, Instant at) {
		this.accountId = accountId;
		apply(form, today);
		created(actor, at);
	}

	/**
	 * Takes the form's values; entering DISPUTED or WRITTEN_OFF dates the change
	 * {@code today} (a write-off leaving that status loses its day, a dispute keeps it as
	 * history).
	 */
	void apply(InvoiceForm form, LocalDate today) {
		InvoiceStatus previous = this.status;
		this.number = form.number().trim();
		this.issueDate = form.issueDate();
		this.dueDate = form.dueDate();
		this.amount = form.amount().amount();
		this.currency = form.amount().currency();
		this.status = form.status() == null ? InvoiceStatus.OPEN : form.status();
		this.paidOn = this.status == InvoiceStatus.PAID ? form.paidOn() : null;
		this.disputeReason = form.disputeReason() == null || form.disputeReason().isBlank() ? null
				: form.disputeReason().trim();
		if (this.status == InvoiceStatus.DISPUTED && (previous != InvoiceStatus.DISPUTED || disputedOn == null)) {
			this.disputedOn = today;
		}
		if (this.status == InvoiceStatus.WRITTEN_OFF) {
			if (previous != InvoiceStatus.WRITTEN_OFF || writtenOffOn == null) {
				this.writtenOffOn = today;
			}
		}
		else {
			this.writtenOffOn = null;
		}
	}

	InvoiceForm toForm() {
		return new InvoiceForm(number, issueDate, dueDate, new MoneyInput(amount, currency), status, paidOn,
				disputeReason);
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("accountId", accountId);
		state.put("number", number);
		state.put("issueDate", issueDate);
		state.put("dueDate", dueDate);
		state.put("amount", amount);
		state.put("currency", currency);
		state.put("status", status);
		state.put("paidOn", paidOn);
		state.put("disputeReason", disputeReason);
		state.put("disputedOn", disputedOn);
		state.put("writtenOffOn", writtenOffOn);
		return state;
	}

	InvoiceView toView(String accountName, LocalDate today) {
		boolean overdue = status.unpaid() && dueDate.isBefore(today);
		Integer daysOverdue = overdue ? (int) ChronoUnit.DAYS.between(dueDate, today) : null;
		Integer daysToPay = status == InvoiceStatus.PAID && paidOn != null
				? (int) ChronoUnit.DAYS.between(issueDate, paidOn) : null;
		return new InvoiceView(id, accountId, accountName, number, issueDate, dueDate, new Money(amount, currency),
				status, paidOn, disputeReason, disputedOn, writtenOffOn, overdue, daysOverdue, daysToPay, stamp());
	}

	Long id() {
		return id;
	}

	long accountId() {
		return accountId;
	}

	String number() {
		return number;
	}

	InvoiceStatus status() {
		return status;
	}

	LocalDate issueDate() {
		return issueDate;
	}

}
