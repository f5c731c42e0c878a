package io.intime.workflows;

/**
 * A template a module ships (spec 05's four, spec 04's onboarding), declared as a bean:
 * created as version 1 on the first start; once there, it is the admins' to change.
 *
 * @param key stable, e.g. {@code annual-renewal}
 * @param trigger what starts it, in words
 */
public record BuiltInTemplate(String key, String name, String description, String trigger,
		TemplateDefinition definition) {
}
