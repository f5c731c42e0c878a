package io.intime.engagement.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.intime.shared.FieldError;

import org.springframework.validation.BindingResult;

/**
 * The messages a form page shows beside its fields, keyed by the field's request name: type
 * errors from binding ("abc" for a number) and the facade's messages. Shaped like the accounts
 * pages' errors so that the shared fragments ({@code accounts/parts :: error}, {@code summary})
 * show them.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    static FormErrors none() {
        return new FormErrors();
    }

    static FormErrors of(BindingResult binding) {
        FormErrors errors = new FormErrors();
        for (org.springframework.validation.FieldError error : binding.getFieldErrors()) {
            Class<?> type = binding.getFieldType(error.getField());
            errors.byField.putIfAbsent(error.getField(), typeMessage(type, error.getRejectedValue()));
        }
        return errors;
    }

    FormErrors addAll(Collection<FieldError> errors) {
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public int count() {
        return byField.size();
    }

    public Map<String, String> all() {
        return byField;
    }

    /** A duplicate's link: never for these records. */
    public String link() {
        return null;
    }

    public String linkLabel() {
        return null;
    }

    /** Messages for fields the form does not show (so that no message is lost). */
    public Map<String, String> outside(String... shownFields) {
        List<String> shown = Arrays.asList(shownFields);
        return byField.entrySet().stream()
                .filter(entry -> shown.stream().noneMatch(f -> entry.getKey().equals(f) || entry.getKey().startsWith(f + "[")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static String typeMessage(Class<?> type, Object rejected) {
        String value = rejected instanceof String[] array ? String.join(",", array) : String.valueOf(rejected);
        String quoted = "'" + value + "'";
        if (type == null) {
            return quoted + " is not valid";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return quoted + " is not a whole number";
        }
        if (type == BigDecimal.class) {
            return quoted + " is not a number";
        }
        if (type == LocalDate.class) {
            return quoted + " is not a date (YYYY-MM-DD)";
        }
        if (type.isEnum()) {
            return quoted + " is not one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return quoted + " is not valid";
    }
}
