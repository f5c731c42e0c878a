package io.intime.health.model;

import java.math.BigDecimal;
import java.util.List;

import io.intime.health.model.HealthModel.Band;
import io.intime.health.model.HealthModel.Component;

/**
 * The default model: spec 03 Appendix C exactly (DESIGN decision 1). Where the rubric
 * speaks loosely, the bounds say how it is read: a month of hiring is the hires of the
 * last 90 days divided by three (">5/month" = 16 or more in 90 days); days to pay are the
 * average over the invoices of the last 365 days, in whole days; NPS is the average
 * response of the last 180 days; "active executive sponsor relationship" is three or more
 * executive touchpoints in 90 days, "occasional" one or two, "manager-level only" none
 * but two or more contacts engaged, otherwise a single point of contact; the "last
 * quarter" is 90 days; "unresolved issues" are open escalations.
 */
public final class DefaultHealthModel {

	/**
	 * "> $100K" is strictly above $100,000 (DESIGN decision 4); bands are inclusive and
	 * amounts are in cents, so the band starts at the next cent.
	 */
	private static final BigDecimal OVER_100K = new BigDecimal("100000.01");

	private DefaultHealthModel() {
	}

	public static HealthModel create() {
		return new HealthModel(
				0, "Standard rubric", List.of(
						new Component("hiring", "Hiring Velocity", Measure.HIRING_VELOCITY, 25, 90,
								List.of(band(25, ">10 active reqs, hiring >5/month", 11, null, 16, null),
										band(20, "5–10 active reqs, hiring 3–5/month", 5, null, 9, null),
										band(15, "2–4 active reqs, hiring 1–2/month", 2, null, 3, null),
										band(10, "1 req, hiring sporadically", 1, null, null, null),
										band(0, "No active hiring", null, null, null, null))),
						new Component("payment", "Payment Promptness", Measure.PAYMENT_PROMPTNESS, 20, 365,
								List.of(band(20, "Pay <15 days", null, 14, null, null),
										band(15, "Pay 15–30 days", null, 30, null, null),
										band(10, "Pay 30–45 days", null, 45, null, null),
										band(5, "Pay 45–60 days", null, 60, null, null),
										band(0, ">60 days or collections involvement", null, null, null, null))),
						new Component("nps", "NPS/Satisfaction", Measure.NPS, 20, 180,
								List.of(band(20, "NPS 9–10 (promoter)", 9, null, null, null),
										band(15, "NPS 7–8 (passive)", 7, null, null, null),
										band(10, "NPS 5–6 (neutral)", 5, null, null, null),
										band(5, "NPS 3–4 (detractor)", 3, null, null, null),
										band(0, "NPS 0–2 (severe detractor)", null, null, null, null))),
						new Component("executive", "Executive Engagement", Measure.EXECUTIVE_ENGAGEMENT, 15, 90,
								List.of(band(15, "Active executive sponsor relationship", 3, null, null, null),
										band(10, "Occasional executive touchpoints", 1, null, null, null),
										band(5, "Manager-level only", null, null, 2, null),
										band(0, "Single point of contact risk", null, null, null, null))),
						new Component("expansion", "Expansion Pipeline", Measure.EXPANSION_PIPELINE, 10, 0,
								List.of(over(10, "Active expansion opportunity >$100K", OVER_100K),
										band(5, "Potential expansion identified", null, null, 1, null),
										band(0, "No expansion potential", null, null, null, null))),
						new Component("issues", "Issue Frequency", Measure.ISSUE_FREQUENCY, 10, 90,
								List.of(band(10, "Zero escalations in last quarter", null, 0, null, 0),
										band(5, "1–2 escalations, resolved quickly", null, 2, null, 0),
										band(0, "3+ escalations or unresolved issues", null, null, null, null)))),
				80, 50, null, null, "Standard staffing health rubric");
	}

	private static Band band(int points, String label, Integer min, Integer max, Integer min2, Integer max2) {
		return new Band(points, label, dec(min), dec(max), dec(min2), dec(max2));
	}

	private static Band over(int points, String label, BigDecimal min) {
		return new Band(points, label, min, null, null, null);
	}

	private static BigDecimal dec(Integer value) {
		return value == null ? null : BigDecimal.valueOf(value);
	}

}
