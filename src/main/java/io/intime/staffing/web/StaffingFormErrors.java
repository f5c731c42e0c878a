package io.intime.staffing.web;

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
 * The messages a staffing form shows beside its fields: type errors from binding the request
 * ("abc" for a number) and the facades' {@link io.intime.shared.InvalidInputException}
 * messages, keyed by the field's name ({@code billRate.currency}). Read by the shared
 * fragments {@code accounts/parts :: error(field)} and {@code summary(fields)}.
 */
public final class StaffingFormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    static StaffingFormErrors none() {
        return new StaffingFormErrors();
    }

    static StaffingFormErrors of(BindingResult binding) {
        StaffingFormErrors errors = new StaffingFormErrors();
        for (org.springframework.validation.FieldError error : binding.getFieldErrors()) {
            errors.byField.putIfAbsent(error.getField(),
                    typeMessage(binding.getFieldType(error.getField()), error.getRejectedValue()));
        }
        return errors;
    }

    static StaffingFormErrors of(Collection<FieldError> errors) {
        StaffingFormErrors result = new StaffingFormErrors();
        errors.forEach(error -> result.byField.putIfAbsent(error.field(), error.message()));
        return result;
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

    /** A duplicate's link; staffing forms have none. */
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
                .filter(entry -> !shown.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static String typeMessage(Class<?> type, Object rejected) {
        String value = rejected instanceof String[] array ? String.join(",", array) : String.valueOf(rejected);
        String quoted = "'" + value + "'";
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return quoted + " is not a whole number";
        }
        if (type == BigDecimal.class) {
            return quoted + " is not an amount (e.g. 85 or 85.50)";
        }
        if (type == LocalDate.class) {
            return quoted + " is not a date (YYYY-MM-DD)";
        }
        if (type != null && type.isEnum()) {
            return quoted + " is not one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return quoted + " is not valid";
    }
}
