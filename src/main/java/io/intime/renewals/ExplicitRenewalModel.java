package io.intime.renewals;

/**
 * The model every organization starts with: a logistic function of the factors with
 * weights set by hand, so that an account in good health, seen by an executive this
 * month, with no severe escalation and paying on time renews with about 90% probability,
 * and one in poor health with open escalations and no executive contact with well under
 * 50%.
 */
public final class ExplicitRenewalModel implements RenewalModel {

	/** The intercept: the log-odds of renewal of a neutral account (about 83%). */
	static final double INTERCEPT = 1.6;

	/** Weights per factor input, in {@link RenewalFactor} order. */
	static final double[] WEIGHTS = { 0.5, 0.25, -0.35, -0.4, -0.25, 0.15, 0.3 };

	public static final ExplicitRenewalModel INSTANCE = new ExplicitRenewalModel();

	private ExplicitRenewalModel() {
	}

	@Override
	public double probability(double[] raw) {
		double z = INTERCEPT;
		for (int i = 0; i < raw.length; i++) {
			z += WEIGHTS[i] * RenewalFactor.ALL[i].input(raw[i]);
		}
		return RenewalModel.sigmoid(z);
	}

	@Override
	public String name() {
		return "Explicit model";
	}

}
