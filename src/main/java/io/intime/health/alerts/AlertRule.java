package io.intime.health.alerts;

/**
 * The conditions that raise an alert (issue 3, section 3); thresholds are in
 * {@link AlertThresholds}.
 */
public enum AlertRule {

	BAND_DROP("Health band dropped"), NPS_DROP("NPS dropped"),
	EXECUTIVE_TOUCHPOINT_OVERDUE("Executive touchpoint overdue"), NO_HIRING("No hiring"),
	INVOICE_OVERDUE("Invoice overdue"), ESCALATION_SURGE("Escalations piling up");

	private final String label;

	AlertRule(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
