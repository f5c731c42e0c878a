package io.intime.billing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Someone else saved the invoice while the person was editing it: what they saved beside what
 * the person entered, field by field where the two differ (read by {@code accounts/parts :: conflict}).
 */
public record Conflict(String message, List<Row> rows) {

    public record Row(String field, String label, String theirs, String yours) {
    }

    static Conflict between(String message, Map<String, Object> theirs, Map<String, Object> yours,
            Function<String, String> label) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Object> entry : theirs.entrySet()) {
            String their = text(entry.getValue());
            String your = text(yours.get(entry.getKey()));
            if (!Objects.equals(their, your)) {
                rows.add(new Row(entry.getKey(), label.apply(entry.getKey()), their, your));
            }
        }
        return new Conflict(message, rows);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString().trim();
    }
}
