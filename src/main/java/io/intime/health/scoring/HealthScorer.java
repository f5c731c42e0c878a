package io.intime.health.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.intime.billing.PaymentFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.IssueFacts;
import io.intime.health.Citations.Source;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModel.Band;
import io.intime.health.model.HealthModel.Component;
import io.intime.health.model.Measure;
import io.intime.revenue.PipelineFacts;
import io.intime.staffing.HiringFacts;

import static io.intime.health.Citations.cite;

/**
 * Scores an account's facts with a model: a pure function, so that the same facts always
 * give the same score and every number can be explained. A component gets the points of
 * the first band whose bounds hold; a component whose input is missing is not scored and
 * says which rule would apply; the total scales the measured points to 100.
 */
public final class HealthScorer {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
	static final DateTimeFormatter FULL_DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

	private HealthScorer() {
	}

	public static Score score(HealthModel model, AccountFacts facts) {
		List<ComponentScore> components = new ArrayList<>(model.components().size());
		for (Component component : model.components()) {
			components.add(score(component, facts));
		}
		int points = 0;
		int measured = 0;
		for (ComponentScore c : components) {
			if (!c.missing()) {
				points += c.points();
				measured += c.maximum();
			}
		}
		int total = total(points, measured);
		return new Score(facts.accountId(), facts.asOf(), model.version(), total, model.bandOf(total), measured,
				List.copyOf(components));
	}

	/** Measured points scaled to 100; 0 when nothing is measured. */
	static int total(int points, int measuredMaximum) {
		if (measuredMaximum <= 0) {
			return 0;
		}
		int total = measuredMaximum == 100 ? points : (int) Math.round(100.0 * points / measuredMaximum);
		return Math.max(0, Math.min(100, total));
	}

	/**
	 * The inputs of a measure from the facts: {x, y}, or null when the input is missing.
	 */
	static BigDecimal[] inputs(Measure measure, AccountFacts f) {
		switch (measure) {
			case HIRING_VELOCITY -> {
				HiringFacts h = f.hiring();
				return new BigDecimal[] { num(h == null ? 0 : h.openJobs()), num(h == null ? 0 : h.hires()) };
			}
			case PAYMENT_PROMPTNESS -> {
				PaymentFacts p = f.payment();
				if (p == null || (p.averageDaysToPay() == null && !p.writtenOff())) {
					return null;
				}
				BigDecimal days = p.averageDaysToPay() == null ? null
						: p.averageDaysToPay().setScale(0, RoundingMode.HALF_UP);
				return new BigDecimal[] { days, null };
			}
			case NPS -> {
				NpsFacts n = f.nps();
				if (n == null || n.responses() == 0 || n.averageScore() == null) {
					return null;
				}
				return new BigDecimal[] { n.averageScore(), null };
			}
			case EXECUTIVE_ENGAGEMENT -> {
				ExecutiveFacts e = f.executive();
				if (e == null) {
					return null;
				}
				return new BigDecimal[] { num(e.touchpoints()), num(e.contactsEngaged()) };
			}
			case EXPANSION_PIPELINE -> {
				PipelineFacts p = f.pipeline();
				BigDecimal largest = p == null || p.largestOpenUsd() == null ? BigDecimal.ZERO : p.largestOpenUsd();
				return new BigDecimal[] { largest, num(p == null ? 0 : p.open()) };
			}
			case ISSUE_FREQUENCY -> {
				IssueFacts i = f.issues();
				return new BigDecimal[] { num(i == null ? 0 : i.inWindow()),
						num(i == null ? 0 : i.notResolvedQuickly()) };
			}
			case MEETING_FREQUENCY -> {
				ExecutiveFacts e = f.executive();
				return e == null ? null : new BigDecimal[] { num(e.meetings()), null };
			}
			case TIME_TO_FILL -> {
				HiringFacts h = f.hiring();
				if (h == null || h.averageDaysToFill() == null) {
					return null;
				}
				return new BigDecimal[] { h.averageDaysToFill().setScale(0, RoundingMode.HALF_UP), null };
			}
			default -> throw new IllegalArgumentException(measure.name());
		}
	}

	static ComponentScore score(Component component, AccountFacts facts) {
		BigDecimal[] in = inputs(component.measure(), facts);
		if (in == null) {
			return new ComponentScore(component.key(), component.label(), component.measure(), null,
					component.maximum(), null, null, ComponentScore.NO_BAND, ComponentScore.NOT_MEASURED,
					missing(component));
		}
		Band band;
		if (component.measure() == Measure.PAYMENT_PROMPTNESS && facts.payment().writtenOff()) {
			band = null; // collections involvement: no band of the rubric applies but its
							// last, 0
		}
		else {
			band = component.bandFor(in[0], in[1]);
		}
		int points = band == null ? 0 : Math.min(band.points(), component.maximum());
		int index = band != null ? indexOf(component, band)
				: component.measure() == Measure.PAYMENT_PROMPTNESS && facts.payment().writtenOff()
						? ComponentScore.COLLECTIONS : ComponentScore.NO_BAND;
		return ComponentScore.stored(component, points, in[0], in[1], index, explain(component, facts));
	}

	private static int indexOf(Component component, Band band) {
		for (int i = 0; i < component.bands().size(); i++) {
			if (component.bands().get(i) == band) {
				return i;
			}
		}
		throw new IllegalStateException("band not of component " + component.key());
	}

	/** What the rule is when the input is missing: stated, never guessed. */
	private static String missing(Component c) {
		String rule = c.bands().isEmpty() ? ""
				: " Rule: " + c.bands().get(0).points() + " = " + c.bands().get(0).label()
						+ (c.bands().size() > 1 ? ", … " + c.bands().get(c.bands().size() - 1).points() + " = "
								+ c.bands().get(c.bands().size() - 1).label() : "")
						+ ".";
		String what = switch (c.measure()) {
			case PAYMENT_PROMPTNESS -> "No invoice paid or past due in the last " + c.windowDays() + " days";
			case NPS -> "No NPS response in the last " + c.windowDays() + " days";
			case EXECUTIVE_ENGAGEMENT, MEETING_FREQUENCY -> "No call, email, meeting or note on record";
			case TIME_TO_FILL -> "No job filled in the last " + c.windowDays() + " days";
			default -> "Not measured";
		};
		return what + " — not scored; the total is scaled over the components measured." + rule;
	}

	static String explain(Component c, AccountFacts f) {
		LocalDate asOf = f.asOf();
		switch (c.measure()) {
			case HIRING_VELOCITY -> {
				HiringFacts h = f.hiring();
				int open = h == null ? 0 : h.openJobs();
				int hires = h == null ? 0 : h.hires();
				String lastHire = h == null || h.lastHireDate() == null ? ""
						: "last hire: " + DAY.format(h.lastHireDate())
								+ (h.lastHireTitle() == null ? "" : cite(Source.STAFFING, ", " + h.lastHireTitle(), ""))
								+ ", " + ComponentScore.daysSince(h.lastHireDate()) + " days ago";
				if (open == 0) {
					return "No active jobs" + (lastHire.isEmpty() ? " and no hire on record" : " (" + lastHire + ")");
				}
				return plural(open, "open job") + ", " + plural(hires, "hire") + " in the last " + c.windowDays()
						+ " days (" + perMonth(hires, c.windowDays()) + " a month)" + (h.falloffs60() > 0
								? "; " + plural(h.falloffs60(), "placement") + " fell off in 60 days" : "");
			}
			case PAYMENT_PROMPTNESS -> {
				PaymentFacts p = f.payment();
				StringBuilder s = new StringBuilder();
				if (p.writtenOff()) {
					s.append("An invoice was written off in the last ")
						.append(c.windowDays())
						.append(" days (collections)");
				}
				if (p.averageDaysToPay() != null) {
					if (!s.isEmpty()) {
						s.append("; ");
					}
					s.append("Pays in ")
						.append(p.averageDaysToPay().setScale(0, RoundingMode.HALF_UP))
						.append(" days on average (")
						.append(plural(p.invoicesMeasured(), "invoice"))
						.append(" in the last ")
						.append(c.windowDays())
						.append(" days)");
				}
				if (p.maxDaysOverdue() > 0 && p.mostOverdueNumber() != null) {
					s.append("; ")
						.append(cite(Source.BILLING, p.mostOverdueNumber(), "an invoice"))
						.append(" is ")
						.append(ComponentScore.daysSince(asOf.minusDays(p.maxDaysOverdue())))
						.append(" days overdue");
				}
				return s.toString();
			}
			case NPS -> {
				NpsFacts n = f.nps();
				return "Average NPS response " + n.averageScore().setScale(1, RoundingMode.HALF_UP) + "/10 over "
						+ c.windowDays() + " days (" + plural(n.responses(), "response")
						+ (n.latestScore() == null ? ""
								: cite(Source.ENGAGEMENT,
										"; latest " + n.latestScore() + "/10 on " + DAY.format(n.latestDate()), ""))
						+ ")";
			}
			case EXECUTIVE_ENGAGEMENT -> {
				ExecutiveFacts e = f.executive();
				String last = e.lastTouchpoint() == null ? "none on record" : DAY.format(e.lastTouchpoint()) + ", "
						+ ComponentScore.daysSince(e.lastTouchpoint()) + " days ago";
				if (e.touchpoints() > 0) {
					return plural(e.touchpoints(), "executive touchpoint") + " in the last " + c.windowDays()
							+ " days (last: " + last + ")";
				}
				return "No executive call or meeting in " + c.windowDays() + " days (last: " + last + "); "
						+ plural(e.contactsEngaged(), "contact") + " engaged"
						+ (e.contactsEngaged() < 2 ? " — single point of contact" : "");
			}
			case EXPANSION_PIPELINE -> {
				PipelineFacts p = f.pipeline();
				if (p == null || p.open() == 0) {
					return "No open expansion opportunity";
				}
				return plural(p.open(), "open expansion opportunity", "open expansion opportunities")
						+ cite(Source.REVENUE, ", largest " + usd(p.largestOpenUsd())
								+ (p.largestTitle() == null ? "" : " (" + p.largestTitle() + ")"), "");
			}
			case ISSUE_FREQUENCY -> {
				IssueFacts i = f.issues();
				int n = i == null ? 0 : i.inWindow();
				int open = i == null ? 0 : i.open();
				if (n == 0 && open == 0) {
					return "No escalations in the last " + c.windowDays() + " days";
				}
				int late = i == null ? 0 : i.late();
				return plural(n, "escalation") + " in the last " + c.windowDays() + " days"
						+ (open == 0 && late == 0 ? ", all resolved within SLA"
								: (open == 0 ? "" : ", " + open + " open")
										+ (late == 0 ? "" : ", " + late + " resolved outside its SLA"))
						+ (i.latestTitle() == null ? ""
								: cite(Source.ESCALATIONS, " (latest: " + i.latestTitle() + ")", ""));
			}
			case MEETING_FREQUENCY -> {
				ExecutiveFacts e = f.executive();
				return plural(e.meetings(), "call or meeting with the client", "calls and meetings with the client")
						+ " in the last " + c.windowDays() + " days (last executive touch: "
						+ (e.lastTouchpoint() == null ? "none on record" : DAY.format(e.lastTouchpoint()) + ", "
								+ ComponentScore.daysSince(e.lastTouchpoint()) + " days ago")
						+ ")";
			}
			case TIME_TO_FILL -> {
				HiringFacts h = f.hiring();
				return "Jobs filled in the last " + c.windowDays() + " days took "
						+ h.averageDaysToFill().setScale(0, RoundingMode.HALF_UP) + " days on average";
			}
			default -> throw new IllegalArgumentException(c.measure().name());
		}
	}

	static String perMonth(int count, int windowDays) {
		BigDecimal months = BigDecimal.valueOf(windowDays).divide(BigDecimal.valueOf(30), 4, RoundingMode.HALF_UP);
		return BigDecimal.valueOf(count).divide(months, 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	static String plural(int n, String singular) {
		return plural(n, singular, singular + "s");
	}

	static String plural(int n, String singular, String pluralForm) {
		return n + " " + (n == 1 ? singular : pluralForm);
	}

	static String usd(BigDecimal amount) {
		if (amount.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
			return "$" + amount.movePointLeft(6).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
					+ "M";
		}
		if (amount.compareTo(BigDecimal.valueOf(1000)) >= 0) {
			return "$" + amount.movePointLeft(3).setScale(0, RoundingMode.HALF_UP).toPlainString() + "K";
		}
		return "$" + amount.setScale(0, RoundingMode.HALF_UP).toPlainString();
	}

	private static BigDecimal num(int value) {
		return BigDecimal.valueOf(value);
	}

}
