package io.intime.automation.onboarding;

import java.util.List;

/**
 * The monthly account health report as its PDF shows it: every figure already worded, so
 * that the page only lays them out.
 *
 * @param score null when the account has no score (then {@code band} says why)
 * @param bandClass {@code green}, {@code yellow}, {@code red} or {@code none}, for colour
 * @param sections engagement, usage and billing, each a list of figures
 */
public record HealthReportView(String accountName, String accountLine, String month, String generated, String manager,
		Integer score, String band, String bandClass, String scoreNote, List<ComponentRow> components,
		List<String> moves, List<Section> sections, List<ContractRow> contracts, String escalationSummary,
		List<EscalationRow> escalations) {

	/**
	 * One component of the score.
	 *
	 * @param points "20 / 25", or "No data"
	 * @param percent 0–100 of its maximum, for the bar
	 */
	public record ComponentRow(String label, String points, int percent, boolean missing, String explanation) {
	}

	/** A group of figures, e.g. "Engagement". */
	public record Section(String title, List<Metric> metrics) {
	}

	/**
	 * A figure with what it counts.
	 *
	 * @param note the detail under the figure, or empty
	 */
	public record Metric(String label, String value, String note) {
	}

	public record ContractRow(String number, String status, String period, String annualValue, String endsIn) {
	}

	public record EscalationRow(String key, String severity, String status, String title, String raised) {
	}

}
