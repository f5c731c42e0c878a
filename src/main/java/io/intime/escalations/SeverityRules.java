package io.intime.escalations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggests a severity from an escalation's text by the escalation matrix (spec 03
 * Appendix B): the words that describe each level's cases, most severe first; the first
 * level with a match wins. Spec 02 step 14's "URGENT … never showed up … the team is
 * blocked" is P1. Explicit rules, so the form can say which words decided.
 */
final class SeverityRules {

	private static final Map<Severity, List<String>> WORDS = new LinkedHashMap<>();

	static {
		// P0: client production halt, legal threat
		WORDS.put(Severity.P0,
				List.of("production halt", "production down", "production is down", "shut down", "shutdown", "lawsuit",
						"legal action", "attorney", "lawyer", "sue", "breach of contract", "terminate the contract",
						"terminate our contract", "safety incident", "data breach"));
		// P1: major quality issue, executive complaint
		WORDS.put(Severity.P1,
				List.of("urgent", "critical", "asap", "immediately", "no-show", "no show", "never showed",
						"didn't show", "did not show", "blocked", "ceo", "cfo", "coo", "vp", "executive", "cancel",
						"unacceptable", "major"));
		// P2: process delay, minor dissatisfaction
		WORDS.put(Severity.P2, List.of("delay", "delayed", "late", "slow", "behind", "missed", "frustrated", "unhappy",
				"disappointed", "concern", "complaint", "quality", "only submitted", "expected"));
		// P3: feature request, general inquiry
		WORDS.put(Severity.P3, List.of("request", "question", "inquiry", "wondering", "could you", "would it be"));
	}

	private SeverityRules() {
	}

	static SeveritySuggestion suggest(String text) {
		String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
		for (Map.Entry<Severity, List<String>> level : WORDS.entrySet()) {
			List<String> matched = new ArrayList<>();
			for (String word : level.getValue()) {
				Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(lower);
				if (m.find()) {
					matched.add(word);
				}
			}
			if (!matched.isEmpty()) {
				Severity s = level.getKey();
				return new SeveritySuggestion(s, s + " – " + s.label() + " (" + s.description() + "): the text says \""
						+ String.join("\", \"", matched) + "\"", matched);
			}
		}
		return new SeveritySuggestion(Severity.P3,
				"P3 – Low: nothing in the text matches a more severe case of the escalation matrix", List.of());
	}

}
