package io.intime.escalations;

/**
 * How an escalation was resolved ("Resolved – External Circumstances" in spec 02);
 * required to resolve or close one.
 */
public enum ResolutionCategory {

	FIXED("Fixed"), EXPECTATIONS_RESET("Client expectations reset"), REPLACEMENT("Replacement provided"),
	SERVICE_CREDIT("Service credit given"), EXTERNAL_CIRCUMSTANCES("External circumstances"),
	NO_ACTION_NEEDED("No action needed"), DUPLICATE("Duplicate");

	private final String label;

	ResolutionCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
