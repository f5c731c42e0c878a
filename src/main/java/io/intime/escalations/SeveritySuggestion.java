package io.intime.escalations;

import java.util.List;

/**
 * The severity the escalation matrix suggests for a text, and why: the person raising the
 * escalation confirms or changes it.
 *
 * @param matched the words of the text that decided it (empty: nothing matched, P3)
 */
public record SeveritySuggestion(Severity severity, String reason, List<String> matched) {
}
