package io.intime.billing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.billing.InvoiceForm;
import io.intime.billing.InvoiceStatus;
import io.intime.shared.web.MoneyInput;

import org.springframework.format.annotation.DateTimeFormat;

/** What the invoice form posts, with the amount's two parts as flat fields. */
public class InvoiceFormData {

	private String number;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate issueDate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate dueDate;

	private BigDecimal amount;

	private String currency;

	private InvoiceStatus status;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate paidOn;

	private String disputeReason;

	private long version;

	static InvoiceFormData of(InvoiceForm form, long version) {
		InvoiceFormData data = new InvoiceFormData();
		data.number = form.number();
		data.issueDate = form.issueDate();
		data.dueDate = form.dueDate();
		data.amount = form.amount() == null ? null : form.amount().amount();
		data.currency = form.amount() == null ? null : form.amount().currency();
		data.status = form.status();
		data.paidOn = form.paidOn();
		data.disputeReason = form.disputeReason();
		data.version = version;
		return data;
	}

	InvoiceForm toForm() {
		return new InvoiceForm(number == null ? "" : number, issueDate, dueDate, new MoneyInput(amount, currency),
				status, paidOn, disputeReason);
	}

	Map<String, Object> comparable() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("number", number);
		values.put("issueDate", issueDate);
		values.put("dueDate", dueDate);
		values.put("amount", amount);
		values.put("currency", currency);
		values.put("status", status);
		values.put("paidOn", paidOn);
		values.put("disputeReason", disputeReason);
		return values;
	}

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public LocalDate getIssueDate() {
		return issueDate;
	}

	public void setIssueDate(LocalDate issueDate) {
		this.issueDate = issueDate;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public InvoiceStatus getStatus() {
		return status;
	}

	public void setStatus(InvoiceStatus status) {
		this.status = status;
	}

	public LocalDate getPaidOn() {
		return paidOn;
	}

	public void setPaidOn(LocalDate paidOn) {
		this.paidOn = paidOn;
	}

	public String getDisputeReason() {
		return disputeReason;
	}

	public void setDisputeReason(String disputeReason) {
		this.disputeReason = disputeReason;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
