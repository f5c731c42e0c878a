package io.intime.billing;

import java.math.BigDecimal;

/**
 * How an account pays, as of a day, as the health score reads it.
 *
 * @param invoicesMeasured invoices issued in the window that are paid or past their due
 * date
 * @param averageDaysToPay average days from issue to payment over those invoices (an
 * unpaid one past its due date counts with its age so far); null when none is measured
 * @param writtenOff whether an invoice of the window was written off (collections
 * involvement)
 * @param maxDaysOverdue days the most overdue unpaid invoice is past its due date, 0 when
 * none
 * @param mostOverdueNumber that invoice's number, or null
 * @param mostOverdueId that invoice's id, or null
 */
public record PaymentFacts(long accountId, int invoicesMeasured, BigDecimal averageDaysToPay, boolean writtenOff,
		int maxDaysOverdue, String mostOverdueNumber, Long mostOverdueId) {
}
