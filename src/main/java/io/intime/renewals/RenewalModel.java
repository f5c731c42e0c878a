package io.intime.renewals;

/**
 * A model of the probability that a contract is renewed, from the raw values of the
 * {@link RenewalFactor}s in their order.
 */
public interface RenewalModel {

	/** The probability (0–1) of renewal. */
	double probability(double[] raw);

	/** What people call this model ("Explicit model", "Fitted on 160 renewals"). */
	String name();

	/**
	 * Each factor's contribution in percentage points: the probability minus the
	 * probability with that factor at its neutral reference.
	 */
	default double[] contributions(double[] raw) {
		double p = probability(raw);
		double[] points = new double[raw.length];
		for (int i = 0; i < raw.length; i++) {
			double[] neutral = raw.clone();
			neutral[i] = RenewalFactor.ALL[i].reference();
			points[i] = 100 * (p - probability(neutral));
		}
		return points;
	}

	static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

}
