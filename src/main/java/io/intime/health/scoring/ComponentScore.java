package io.intime.health.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.intime.health.Citations;
import io.intime.health.model.HealthModel;
import io.intime.health.model.Measure;

/**
 * One component of a score.
 *
 * @param points the points, null when the input is missing (the component is then not
 * scored)
 * @param x the measured first input, null when missing
 * @param y the measured second input, or null
 * @param band the band reached: its index in the component's bands, {@link #NO_BAND} or
 * {@link #COLLECTIONS} (and {@link #NO_BAND} when missing)
 * @param reached the label of the band reached, or of the rule when missing
 * @param sentence the explanation with the figures ("No active jobs (last hire: Sep 28,
 * Frontend Developer, {days:2026-09-28} days ago)"): day counts are
 * {@code {days:YYYY-MM-DD}} tokens, so that a day passing does not change the score, and
 * {@link #explanation(LocalDate)} renders them for the day it is read
 */
public record ComponentScore(String key, String label, Measure measure, Integer points, int maximum, BigDecimal x,
		BigDecimal y, int band, String reached, String sentence) {

	/** No band of the rubric holds. */
	public static final int NO_BAND = -1;

	/**
	 * Payment: an invoice was written off, which no band of the rubric measures and
	 * scores 0.
	 */
	public static final int COLLECTIONS = -2;
	static final String COLLECTIONS_LABEL = "Collections involvement (an invoice written off)";
	static final String NOT_MEASURED = "Not measured";

	private static final Pattern DAYS = Pattern.compile("\\{days:(\\d{4}-\\d{2}-\\d{2})}");

	/**
	 * A component as stored: what the model version says about it, plus the stored
	 * figures.
	 */
	static ComponentScore stored(HealthModel.Component c, Integer points, BigDecimal x, BigDecimal y, int band,
			String sentence) {
		String reached = points == null ? NOT_MEASURED : band >= 0 && band < c.bands().size()
				? c.bands().get(band).label() : band == COLLECTIONS ? COLLECTIONS_LABEL : "None of the bands";
		return new ComponentScore(c.key(), c.label(), c.measure(), points, c.maximum(), x, y, band, reached, sentence);
	}

	/**
	 * The token that {@link #explanation(LocalDate)} renders as the days from {@code day}
	 * to the day read.
	 */
	static String daysSince(LocalDate day) {
		return "{days:" + day + "}";
	}

	/**
	 * The explanation as read on a day, with every cited detail: its day counts counted
	 * to that day.
	 */
	public String explanation(LocalDate on) {
		return explanation(on, Citations.ALL);
	}

	/**
	 * The explanation as read on a day by a reader who may see the records of the
	 * {@code visible} modules: its day counts counted to that day, the details it cites
	 * of other modules' records shown or generalised ({@link Citations}).
	 */
	public String explanation(LocalDate on, Set<Citations.Source> visible) {
		if (sentence.indexOf('{') < 0) {
			return sentence;
		}
		String cited = Citations.render(sentence, visible);
		Matcher m = DAYS.matcher(cited);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Long.toString(ChronoUnit.DAYS.between(LocalDate.parse(m.group(1)), on)));
		}
		m.appendTail(out);
		return out.toString();
	}

	public boolean missing() {
		return points == null;
	}

	/** Points as a share of the maximum, 0–100 (0 when missing). */
	public int percent() {
		return points == null ? 0 : Math.round(100f * points / maximum);
	}
}
