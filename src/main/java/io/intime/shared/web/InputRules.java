package io.intime.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

/**
 * The rules every piece of input meets before it reaches a module, whatever way it comes
 * (a JSON body, a request parameter, a page form, a CSV cell), so that the database never
 * sees what it cannot store:
 * <ul>
 * <li>text holds no NUL character ({@code \u0000}), which PostgreSQL refuses in any
 * text;</li>
 * <li>dates and instants lie within the years 0001–9999 (PostgreSQL stores far more, Java
 * far more again; no business date lies outside these).</li>
 * </ul>
 * Each check answers the message for the field, or null when the value is fine.
 */
public final class InputRules {

	public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	static final String NUL_MESSAGE = "must not contain the NUL character (\\u0000)";

	static final String DATE_MESSAGE = "must lie between the years 0001 and 9999";

	private static final Instant FIRST_INSTANT = EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC);

	private static final Instant AFTER_LAST_INSTANT = LATEST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

	private InputRules() {
	}

	/**
	 * The problem of a text (or of any of several texts, as a multi-valued parameter has
	 * them), or null.
	 */
	public static String textProblem(Object value) {
		if (value instanceof CharSequence text) {
			return hasNul(text) ? NUL_MESSAGE : null;
		}
		if (value instanceof String[] texts) {
			for (String text : texts) {
				if (text != null && hasNul(text)) {
					return NUL_MESSAGE;
				}
			}
		}
		return null;
	}

	/**
	 * The problem of a date or instant outside the years 0001–9999, or null (also for
	 * anything else).
	 */
	public static String dateProblem(Object value) {
		if (!(value instanceof Temporal)) {
			return null;
		}
		Instant instant;
		if (value instanceof LocalDate day) {
			return day.isBefore(EARLIEST) || day.isAfter(LATEST) ? DATE_MESSAGE : null;
		}
		else if (value instanceof LocalDateTime time) {
			instant = time.toInstant(ZoneOffset.UTC);
		}
		else if (value instanceof OffsetDateTime time) {
			instant = time.toInstant();
		}
		else if (value instanceof ZonedDateTime time) {
			instant = time.toInstant();
		}
		else if (value instanceof Instant at) {
			instant = at;
		}
		else {
			return null;
		}
		boolean within = !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT);
		return within ? null : DATE_MESSAGE;
	}

	/** The problem of any value, text or date, or null. */
	public static String problem(Object value) {
		String text = textProblem(value);
		return text != null ? text : dateProblem(value);
	}

	/**
	 * The text with each NUL shown as the replacement character, to echo it back safely.
	 */
	public static String printable(String text) {
		return text == null ? null : text.replace('\u0000', '\uFFFD');
	}

	private static boolean hasNul(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\u0000') {
				return true;
			}
		}
		return false;
	}

}
