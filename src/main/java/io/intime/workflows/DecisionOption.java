package io.intime.workflows;

/**
 * An option of a Decision step and where it leads.
 *
 * @param key e.g. {@code accept}
 * @param next the key of the step it goes to, or {@link StepDef#END} to finish the run
 */
public record DecisionOption(String key, String label, String next) {
}
