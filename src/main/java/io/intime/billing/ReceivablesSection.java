package io.intime.billing;

/**
 * Where an unpaid invoice stands in finance's receivables view, as of a day: overdue by
 * aging bucket (days past its due date; an invoice finance marked OVERDUE on its due day
 * is 0 days overdue), disputed (whatever its due date: collecting it waits on the
 * dispute), due within the next 7 days, or due later.
 */
public enum ReceivablesSection {

	DAYS_0_30("0–30 days overdue"), DAYS_31_60("31–60 days overdue"), DAYS_61_90("61–90 days overdue"),
	DAYS_OVER_90("Over 90 days overdue"), DISPUTED("Disputed"), DUE_THIS_WEEK("Due this week"), NOT_DUE("Due later");

	private final String label;

	ReceivablesSection(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether the section is one of the four aging buckets of overdue invoices. */
	public boolean overdue() {
		return ordinal() <= DAYS_OVER_90.ordinal();
	}

	/** The aging bucket of an invoice {@code daysOverdue} days past its due date. */
	public static ReceivablesSection aging(long daysOverdue) {
		if (daysOverdue <= 30) {
			return DAYS_0_30;
		}
		if (daysOverdue <= 60) {
			return DAYS_31_60;
		}
		return daysOverdue <= 90 ? DAYS_61_90 : DAYS_OVER_90;
	}

}
