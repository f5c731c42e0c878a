package io.intime.staffing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Someone else saved the record while the person was editing it: what they saved next to
 * what the person entered, field by field where the two differ (the shape the shared
 * fragment {@code accounts/parts :: conflict} reads).
 */
public record StaffingConflict(String message, List<Row> rows) {

    public record Row(String field, String label, String theirs, String yours) {
    }

    static final String MESSAGE = "Their values are saved now; yours are still in the form below."
            + " Save again to replace theirs with yours.";

    /** @param display turns a field's value into text (e.g. a recruiter id into the recruiter's name) */
    static StaffingConflict between(Map<String, Object> theirs, Map<String, Object> yours,
            BiFunction<String, Object, String> display, Map<String, String> labels) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Object> entry : theirs.entrySet()) {
            String field = entry.getKey();
            String their = display.apply(field, entry.getValue());
            String your = display.apply(field, yours.get(field));
            if (!Objects.equals(their, your)) {
                rows.add(new Row(field, labels.getOrDefault(field, field), their, your));
            }
        }
        return new StaffingConflict(MESSAGE, rows);
    }

    /** The plain text of a value: empty for nothing, labels for constants, dates as pages show them. */
    static String text(Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return "";
        }
        if (value instanceof Enum<?> e) {
            return StaffingLabels.label(e);
        }
        if (value instanceof LocalDate date) {
            return StaffingLabels.date(date);
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
