package io.intime.escalations;

import java.time.Duration;

/**
 * Spec 03 Appendix B, the default escalation policy (DESIGN decision 2): what each level
 * means and how soon it must be answered and resolved.
 */
public enum Severity {

	P0("Critical", "Client production halt, legal threat", Duration.ofHours(1), Duration.ofHours(4)),
	P1("High", "Major quality issue, executive complaint", Duration.ofHours(4), Duration.ofHours(24)),
	P2("Medium", "Process delay, minor dissatisfaction", Duration.ofHours(24), Duration.ofDays(7)),
	P3("Low", "Feature request, general inquiry", Duration.ofHours(48), Duration.ofDays(14));

	private final String label;

	private final String description;

	private final Duration response;

	private final Duration resolution;

	Severity(String label, String description, Duration response, Duration resolution) {
		this.label = label;
		this.description = description;
		this.response = response;
		this.resolution = resolution;
	}

	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	/** Respond within this (spec 03 Appendix B). */
	public Duration responseSla() {
		return response;
	}

	/** "respond < 24 h · resolve < 7 d". */
	public String slaText() {
		return "respond < " + EscalationView.text(response) + " · resolve < " + EscalationView.text(resolution);
	}

	/** Resolve within this (spec 03 Appendix B). */
	public Duration resolutionSla() {
		return resolution;
	}

}
