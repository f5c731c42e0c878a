package io.intime.automation;

/**
 * What a rule waits for. The calendar's conditions (a contract's end coming near, a score
 * below a threshold, a new quarter) are found by the daily scan; the others are noticed
 * when they happen (a contact deactivated, an invoice disputed, a contract signed). A
 * health score is also looked at again as soon as its band changes.
 */
public enum ConditionKind {

	/**
	 * An ACTIVE contract ends within {@code days} days (one occasion per contract and end
	 * date).
	 */
	CONTRACT_ENDING("A contract ends soon", true),
	/** The account's health score is below {@code threshold} (one occasion per drop). */
	HEALTH_BELOW("Health drops below a threshold", true),
	/**
	 * A key contact (executive, economic buyer, champion, or of high influence) is
	 * deactivated (one occasion per contact).
	 */
	KEY_CONTACT_LEFT("A key contact leaves", false),
	/**
	 * Each quarter, for the accounts of the given tiers (one occasion per account and
	 * quarter).
	 */
	QUARTERLY("Each quarter", true),
	/** Finance (or the client) disputes an invoice (one occasion per invoice and day). */
	BILLING_DISPUTE("An invoice is disputed", false),
	/** A prospect's first contract becomes ACTIVE (once per account). */
	FIRST_CONTRACT_SIGNED("A prospect signs its first contract", false);

	private final String label;

	private final boolean scanned;

	ConditionKind(String label, boolean scanned) {
		this.label = label;
		this.scanned = scanned;
	}

	public String label() {
		return label;
	}

	/** Whether the daily scan looks for it (else it is noticed by its event only). */
	public boolean scanned() {
		return scanned;
	}

	/** Whether the condition takes a number of days. */
	public boolean takesDays() {
		return this == CONTRACT_ENDING;
	}

	/** Whether the condition takes a health score threshold. */
	public boolean takesThreshold() {
		return this == HEALTH_BELOW;
	}

	/** Whether the condition takes tiers. */
	public boolean takesTiers() {
		return this == QUARTERLY;
	}

}
