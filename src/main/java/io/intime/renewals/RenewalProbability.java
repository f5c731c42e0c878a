package io.intime.renewals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A renewal's probability with its explanation: the model that gave it, each factor's
 * value and contribution in percentage points, and a person's override kept beside the
 * model's value.
 */
public record RenewalProbability(int percent, int modelPercent, String model, List<Contribution> contributions,
		Integer override, String overrideReason) {

	/** One factor: its value as people read it and what it adds or takes, in points. */
	public record Contribution(RenewalFactor factor, String value, int points) {

		public String label() {
			return factor.label();
		}

	}

	/** The forecast bucket: high confidence (80+), medium risk (50–79), high risk. */
	public String bucket() {
		return percent >= 80 ? "HIGH_CONFIDENCE" : percent >= 50 ? "MEDIUM_RISK" : "HIGH_RISK";
	}

	/**
	 * The factors that take most, worst first (at most {@code n}, only negative ones).
	 */
	public List<Contribution> risks(int n) {
		return contributions.stream()
			.filter(c -> c.points() < 0)
			.sorted(Comparator.comparingInt(Contribution::points))
			.limit(n)
			.toList();
	}

	static RenewalProbability of(double[] raw, RenewalModel model, Integer override, String reason) {
		int modelPercent = (int) Math.round(100 * model.probability(raw));
		double[] points = model.contributions(raw);
		List<Contribution> contributions = new ArrayList<>();
		for (int i = 0; i < raw.length; i++) {
			contributions.add(new Contribution(RenewalFactor.ALL[i], RenewalFactor.ALL[i].describe(raw[i]),
					(int) Math.round(points[i])));
		}
		return new RenewalProbability(override != null ? override : modelPercent, modelPercent, model.name(),
				contributions, override, reason);
	}

}
