package io.intime.health;

import java.util.Set;

/**
 * Details of other modules' records inside the health module's sentences (component
 * explanations, alert reasons): an overdue invoice's number, an opportunity's value, an
 * escalation's title. Stored sentences carry them as tokens,
 * {@code {cite:BILLING:shown|hidden}}, and each is rendered when the sentence is read: as
 * {@code shown} for a reader whom the cited module's rules let see that module's records
 * of the account, else as {@code hidden} (a general wording, or nothing). So a sentence
 * never says more than the cited module's own pages would say to the same reader.
 */
public final class Citations {

	private static final String OPEN = "{cite:";

	/** The module whose record a detail comes from, as the health module reads them. */
	public enum Source {

		STAFFING, BILLING, ENGAGEMENT, ESCALATIONS, REVENUE

	}

	/**
	 * Every detail shown: for the scorer's own checks and for readers who may see every
	 * module.
	 */
	public static final Set<Source> ALL = Set.of(Source.values());

	private Citations() {
	}

	/**
	 * The token that renders as {@code shown} for readers of {@code source}, else as
	 * {@code hidden}.
	 */
	public static String cite(Source source, String shown, String hidden) {
		return OPEN + source.name() + ":" + escape(shown) + "|" + escape(hidden) + "}";
	}

	/**
	 * The text with each citation rendered for a reader who may see the records of the
	 * {@code visible} modules; other tokens (such as day counts) are left as they are.
	 */
	public static String render(String text, Set<Source> visible) {
		int start = text.indexOf(OPEN);
		if (start < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int at = 0;
		while (start >= 0) {
			out.append(text, at, start);
			int colon = text.indexOf(':', start + OPEN.length());
			Source source = colon < 0 ? null : source(text.substring(start + OPEN.length(), colon));
			if (source == null) {
				// Not a citation after all: the rest is plain text.
				at = start;
				break;
			}
			StringBuilder shown = new StringBuilder();
			StringBuilder hidden = new StringBuilder();
			StringBuilder current = shown;
			int i = colon + 1;
			for (; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\\' && i + 1 < text.length()) {
					current.append(text.charAt(++i));
				}
				else if (c == '|' && current == shown) {
					current = hidden;
				}
				else if (c == '}') {
					break;
				}
				else {
					current.append(c);
				}
			}
			out.append(visible.contains(source) ? shown : hidden);
			at = i + 1;
			start = text.indexOf(OPEN, at);
		}
		out.append(text, Math.min(at, text.length()), text.length());
		return out.toString();
	}

	private static Source source(String name) {
		for (Source source : Source.values()) {
			if (source.name().equals(name)) {
				return source;
			}
		}
		return null;
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("|", "\\|").replace("}", "\\}");
	}

}
