package io.intime.billing;

import java.time.LocalDate;

import io.intime.shared.Money;
import io.intime.shared.Stamp;

/**
 * An invoice as pages and the API show it, with what follows from its dates as of
 * {@code today}: {@code overdue} (unpaid and past its due date, whatever the stored
 * status), {@code daysOverdue} (today − due date, null unless overdue) and
 * {@code daysToPay} (paid − issued, null unless paid).
 */
public record InvoiceView(long id, long accountId, String accountName, String number, LocalDate issueDate,
		LocalDate dueDate, Money amount, InvoiceStatus status, LocalDate paidOn, String disputeReason,
		LocalDate disputedOn, LocalDate writtenOffOn, boolean overdue, Integer daysOverdue, Integer daysToPay,
		Stamp stamp) {

	/** The status as a person reads it: OVERDUE for an open invoice past its due date. */
	public InvoiceStatus shownStatus() {
		return overdue && status == InvoiceStatus.OPEN ? InvoiceStatus.OVERDUE : status;
	}

	/**
	 * Days from {@code today} to the due date (0 when due today, negative when past it).
	 */
	public long daysUntilDue(LocalDate today) {
		return java.time.temporal.ChronoUnit.DAYS.between(today, dueDate);
	}
}
