package io.intime.escalations;

import java.time.Duration;

/**
 * Spec 03 Appendix B, the escalation matrix: what each level means, how involved the
 * account manager is, and the default SLA (DESIGN decision 2; the organization's own
 * targets are its {@link SlaPolicy}).
 */
public enum Severity {

	P0("Critical", "Client production halt, legal threat", Duration.ofHours(1), Duration.ofHours(4),
			"Immediate ownership"),
	P1("High", "Major quality issue, executive complaint", Duration.ofHours(4), Duration.ofHours(24),
			"Direct management"),
	P2("Medium", "Process delay, minor dissatisfaction", Duration.ofHours(24), Duration.ofDays(7),
			"Coordinate resolution"),
	P3("Low", "Feature request, general inquiry", Duration.ofHours(48), Duration.ofDays(14), "Monitor, delegate");

	private final String label;

	private final String description;

	private final Duration response;

	private final Duration resolution;

	private final String amInvolvement;

	Severity(String label, String description, Duration response, Duration resolution, String amInvolvement) {
		this.amInvolvement = amInvolvement;
		this.label = label;
		this.description = description;
		this.response = response;
		this.resolution = resolution;
	}

	/**
	 * The matrix's "AM Involvement": P0 and P1 are owned by the account's manager from
	 * the start, P2 and P3 wait for someone to take ownership.
	 */
	public String amInvolvement() {
		return amInvolvement;
	}

	/** Whether the account's manager owns it from the start (P0 and P1). */
	public boolean ownedByManager() {
		return this == P0 || this == P1;
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

	/** Resolve within this (spec 03 Appendix B). */
	public Duration resolutionSla() {
		return resolution;
	}

}
