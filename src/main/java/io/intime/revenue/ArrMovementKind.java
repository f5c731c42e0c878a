package io.intime.revenue;

/**
 * The kinds of change of recurring revenue (spec 03's retention formulas read them): a
 * new client, an expansion or contraction of an existing one, a client lost, and a
 * renewal (the ARR carried into a new term, which changes nothing by itself).
 */
public enum ArrMovementKind {

	NEW("New"), EXPANSION("Expansion"), CONTRACTION("Contraction"), CHURN("Churn"), RENEWAL("Renewal");

	private final String label;

	ArrMovementKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Changes ARR (a renewal only carries it over). */
	public boolean changesArr() {
		return this != RENEWAL;
	}

}
