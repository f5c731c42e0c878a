package io.intime.billing;

/**
 * Where an invoice stands. An OPEN invoice past its due date is overdue whether or not
 * finance has set OVERDUE; pages and the API show it as overdue either way.
 */
public enum InvoiceStatus {

	OPEN, PAID, OVERDUE, DISPUTED, WRITTEN_OFF;

	/** Whether money is still expected: open, overdue or disputed. */
	public boolean unpaid() {
		return this == OPEN || this == OVERDUE || this == DISPUTED;
	}

}
