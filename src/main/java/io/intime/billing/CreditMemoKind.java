package io.intime.billing;

/**
 * What a credit memo does to its invoice: a CREDIT (a goodwill or SLA credit) and an
 * ADJUSTMENT (the invoice was wrong: a pricing error, a duplicate charge) lower what the
 * client still owes on it; a REFUND returns money the client already paid, so it needs a
 * paid invoice.
 */
public enum CreditMemoKind {

	CREDIT("Credit"), REFUND("Refund"), ADJUSTMENT("Adjustment");

	private final String label;

	CreditMemoKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether the memo lowers what is owed on the invoice (rather than paying back). */
	public boolean lowersBalance() {
		return this != REFUND;
	}

}
