package io.intime.engagement;

/** Spec 03's survey cadence: transactional quarterly, relationship annually. */
public enum SurveyType {

	TRANSACTIONAL("Transactional"), RELATIONSHIP("Relationship");

	private final String label;

	SurveyType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
