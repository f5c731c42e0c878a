package io.intime.reporting;

import java.math.BigDecimal;

/** The six rows of spec 03's monthly scorecard with their weights and targets. */
public enum ScorecardMetric {

	NRR("NRR (trailing 12 months)", 30, "110", "%"), NPS("NPS (quarterly)", 20, "50", ""),
	EXPANSION("Expansion revenue", 20, "15", "% of ARR"), GREEN("Client health (% green)", 15, "70", "%"),
	ESCALATIONS("Escalations resolved within SLA", 10, "95", "%"), QBR("QBR completion", 5, "100", "%");

	private final String label;

	private final int weight;

	private final BigDecimal target;

	private final String unit;

	ScorecardMetric(String label, int weight, String target, String unit) {
		this.label = label;
		this.weight = weight;
		this.target = new BigDecimal(target);
		this.unit = unit;
	}

	public String label() {
		return label;
	}

	public int weight() {
		return weight;
	}

	public BigDecimal target() {
		return target;
	}

	public String unit() {
		return unit;
	}

}
