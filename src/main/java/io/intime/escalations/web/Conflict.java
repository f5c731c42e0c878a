package io.intime.escalations.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Someone else saved the record while the person was editing it: what they saved next to what
 * the person entered, field by field where the two differ (shown by {@code accounts/parts :: conflict}).
 */
public record Conflict(String message, List<Row> rows) {

    public record Row(String field, String label, String theirs, String yours) {
    }

    /** {@code theirs} and {@code yours} map each field's label to its value as text. */
    static Conflict between(String message, Map<String, String> theirs, Map<String, String> yours) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> entry : theirs.entrySet()) {
            String their = entry.getValue() == null ? "" : entry.getValue();
            String your = yours.get(entry.getKey()) == null ? "" : yours.get(entry.getKey());
            if (!Objects.equals(their, your)) {
                rows.add(new Row(entry.getKey(), entry.getKey(), their, your));
            }
        }
        return new Conflict(message, rows);
    }
}
