package io.intime.billing;

import java.math.BigDecimal;
import java.util.List;

import io.intime.shared.Money;

/**
 * The totals of an account's invoices today: what is unpaid (open, overdue or disputed)
 * and what of it is past due, per currency; and the payment facts the health score reads.
 *
 * @param averageDaysToPay average days to pay over the invoices of the last 365 days
 * ({@link BillingFacts}), null when none is measured
 * @param invoicesMeasured how many invoices that average is over
 * @param maxDaysOverdue days the most overdue invoice is past due, 0 when none
 */
public record InvoiceSummary(int unpaidCount, List<Money> unpaid, int overdueCount, List<Money> overdue,
		BigDecimal averageDaysToPay, int invoicesMeasured, boolean writtenOff, int maxDaysOverdue) {
}
