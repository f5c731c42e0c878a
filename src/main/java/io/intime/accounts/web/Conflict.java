package io.intime.accounts.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Someone else saved the record while the person was editing it: what they saved next to
 * what the person entered, field by field where the two differ.
 */
public record Conflict(String message, List<Row> rows) {

    public record Row(String field, String label, String theirs, String yours) {
    }

    /**
     * @param display turns a field's value into text (e.g. an owner id into the owner's name)
     */
    static Conflict between(String message, Map<String, Object> theirs, Map<String, Object> yours,
            BiFunction<String, Object, String> display, AccountsFormat format) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Object> entry : theirs.entrySet()) {
            String field = entry.getKey();
            String their = display.apply(field, entry.getValue());
            String your = display.apply(field, yours.get(field));
            if (!Objects.equals(their, your)) {
                rows.add(new Row(field, format.field(field), their, your));
            }
        }
        return new Conflict(message, rows);
    }

    /** The plain text of a value: empty for nothing, Yes/No, labels for constants. */
    static String text(Object value, AccountsFormat format) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof Enum<?> e) {
            return format.label(e);
        }
        if (value instanceof java.time.LocalDate date) {
            return format.date(date);
        }
        return value.toString();
    }
}
