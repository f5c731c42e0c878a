package io.intime.shared.web;

import java.util.Map;

/**
 * How a module's pages name its records' fields ({@code employeeCount} → "Employees"): a
 * bean each module contributes, read by {@link PageFormat#field(String)} for error
 * summaries and conflict tables. A field no module names is written from its name
 * ({@code openedOn} → "Opened on").
 */
public record FieldLabels(Map<String, String> labels) {
}
