package io.intime.staffing.web;

import java.time.LocalDate;
import java.util.Map;

import io.intime.shared.web.PageFormat;

/**
 * How the staffing pages name fields and constants (the same style as the account pages).
 */
final class StaffingLabels {

	static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("title", "Title"),
			Map.entry("department", "Department"), Map.entry("status", "Status"), Map.entry("priority", "Priority"),
			Map.entry("openedOn", "Opened on"), Map.entry("filledOn", "Filled on"),
			Map.entry("cancelledOn", "Cancelled on"), Map.entry("billRate", "Bill rate"),
			Map.entry("billRate.amount", "Bill rate"), Map.entry("billRate.currency", "Bill rate currency"),
			Map.entry("recruiterId", "Recruiter"), Map.entry("submissions", "Submissions"), Map.entry("jobId", "Job"),
			Map.entry("candidateName", "Candidate"), Map.entry("type", "Type"), Map.entry("startDate", "Start date"),
			Map.entry("endDate", "End date"), Map.entry("falloffDate", "Falloff date"));

	private StaffingLabels() {
	}

	/** A staffing field as the pages name it: {@code openedOn} → "Opened on". */
	static String field(String field) {
		return FIELDS.getOrDefault(field, field);
	}

	/** CONTRACT_TO_HIRE → "Contract to hire". */
	static String label(Object constant) {
		return PageFormat.labelOf(constant);
	}

	static String date(LocalDate date) {
		return PageFormat.dateOf(date);
	}

}
