package io.intime.billing.web;

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
 * The messages a billing page shows beside its fields, keyed by the field's request name: type
 * errors from binding ("abc" for an amount) and the facade's messages, whose nested names
 * ({@code amount.amount}, {@code amount.currency}) the page's flat fields carry as
 * {@code amount} and {@code currency}. Read by the shared {@code accounts/parts} fragments.
 */
public final class FormErrors {

    private static final Map<String, String> PAGE_FIELDS = Map.of("amount.amount", "amount", "amount.currency", "currency",
            "amount", "amount");

    private final Map<String, String> byField = new LinkedHashMap<>();
    private String link;
    private String linkLabel;

    static FormErrors none() {
        return new FormErrors();
    }

    static FormErrors of(BindingResult binding) {
        FormErrors errors = new FormErrors();
        for (org.springframework.validation.FieldError error : binding.getFieldErrors()) {
            errors.byField.putIfAbsent(error.getField(), typeMessage(binding.getFieldType(error.getField()), error.getRejectedValue()));
        }
        return errors;
    }

    FormErrors addAll(Collection<FieldError> errors) {
        errors.forEach(error -> byField.putIfAbsent(PAGE_FIELDS.getOrDefault(error.field(), error.field()), error.message()));
        return this;
    }

    FormErrors withLink(String href, String label) {
        this.link = href;
        this.linkLabel = label;
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

    public String link() {
        return link;
    }

    public String linkLabel() {
        return linkLabel;
    }

    /** Messages for fields the form does not show, so that no message is lost. */
    public Map<String, String> outside(String... shownFields) {
        List<String> shown = Arrays.asList(shownFields);
        return byField.entrySet().stream().filter(entry -> !shown.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static String typeMessage(Class<?> type, Object rejected) {
        String quoted = "'" + (rejected instanceof String[] array ? String.join(",", array) : rejected) + "'";
        if (type == BigDecimal.class) {
            return quoted + " is not an amount (e.g. 85420 or 85420.50)";
        }
        if (type == LocalDate.class) {
            return quoted + " is not a date (YYYY-MM-DD)";
        }
        if (type == long.class || type == Long.class) {
            return quoted + " is not a whole number";
        }
        if (type != null && type.isEnum()) {
            return quoted + " is not one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return quoted + " is not valid";
    }
}
