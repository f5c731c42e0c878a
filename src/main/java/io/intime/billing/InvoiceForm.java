package io.intime.billing;

import java.time.LocalDate;

import io.intime.shared.web.MinimumAmount;
import io.intime.shared.web.MoneyInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The fields of an invoice that finance enters. Days to pay and days overdue are never
 * entered: they follow from the dates. {@code paidOn} is required exactly when the status
 * is PAID; {@code disputeReason} when it is DISPUTED. A null {@code amount.currency} is
 * the account's billing currency; a null status is OPEN.
 */
public record InvoiceForm(
		@NotBlank @Size(max = 40) @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9-/._]*$",
				message = "may contain letters, digits and - / . _ only (e.g. INV-2026-0123)") String number,
		@NotNull LocalDate issueDate, @NotNull LocalDate dueDate,
		@NotNull @Valid @MinimumAmount(value = "0.01", inclusive = false,
				message = "must be more than 0") MoneyInput amount,
		InvoiceStatus status, LocalDate paidOn, @Size(max = 1000) String disputeReason) {

	/** A new invoice issued today, due in 30 days, in the account's currency. */
	public static InvoiceForm blank(String currency, LocalDate today) {
		return new InvoiceForm("", today, today.plusDays(30), new MoneyInput(null, currency), InvoiceStatus.OPEN, null,
				null);
	}
}
