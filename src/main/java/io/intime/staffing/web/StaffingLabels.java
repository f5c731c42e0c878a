package io.intime.staffing.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How the staffing pages name fields and constants (the same style as the account pages). */
final class StaffingLabels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("title", "Title"), Map.entry("department", "Department"), Map.entry("status", "Status"),
            Map.entry("priority", "Priority"), Map.entry("openedOn", "Opened on"), Map.entry("filledOn", "Filled on"),
            Map.entry("cancelledOn", "Cancelled on"), Map.entry("billRate", "Bill rate"),
            Map.entry("billRate.amount", "Bill rate"), Map.entry("billRate.currency", "Bill rate currency"),
            Map.entry("recruiterId", "Recruiter"), Map.entry("submissions", "Submissions"), Map.entry("jobId", "Job"),
            Map.entry("candidateName", "Candidate"), Map.entry("type", "Type"), Map.entry("startDate", "Start date"),
            Map.entry("endDate", "End date"), Map.entry("falloffDate", "Falloff date"));

    private StaffingLabels() {
    }

    /** CONTRACT_TO_HIRE → "Contract to hire". */
    static String label(Object constant) {
        if (constant == null) {
            return "—";
        }
        String text = constant.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }
}
