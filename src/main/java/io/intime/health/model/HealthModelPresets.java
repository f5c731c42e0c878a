package io.intime.health.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.intime.health.model.HealthModel.Band;
import io.intime.health.model.HealthModel.Component;

/**
 * The health models an admin can switch to in one step. {@code standard} is spec 03
 * Appendix C ({@link DefaultHealthModel}, the default). {@code spec01} is spec 01's own
 * breakdown: five components of 20 points over the measures they need — engagement (calls
 * and meetings with the client in 90 days), satisfaction (average NPS response over 180
 * days), usage (open jobs and hires in 90 days), financial health (days to pay over 365
 * days) and outcomes (time-to-fill over 90 days against the 30-day commitment and the
 * 21-day enhanced SLA).
 */
public enum HealthModelPresets {

	STANDARD("Standard rubric (spec 03 Appendix C)"), SPEC01("Spec 01: five components of 20 points");

	private final String label;

	HealthModelPresets(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The preset named in a URL ({@code standard}, {@code spec01}), or null. */
	public static HealthModelPresets named(String name) {
		for (HealthModelPresets preset : values()) {
			if (preset.name().toLowerCase(Locale.ROOT).equals(name)) {
				return preset;
			}
		}
		return null;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The preset as a draft to save (version 0). */
	public HealthModel model() {
		return switch (this) {
			case STANDARD -> DefaultHealthModel.create();
			case SPEC01 -> spec01();
		};
	}

	private static HealthModel spec01() {
		return new HealthModel(0, "Spec 01 five-component breakdown", List.of(
				new Component("engagement", "Engagement", Measure.MEETING_FREQUENCY, 20, 90,
						List.of(band(20, "6+ calls and meetings with the client in 90 days", 6, null),
								band(15, "3–5 calls and meetings (monthly)", 3, null),
								band(8, "1–2 calls or meetings", 1, null),
								band(0, "No call or meeting with the client", null, null))),
				new Component("satisfaction", "Satisfaction", Measure.NPS, 20, 180,
						List.of(band(20, "NPS 9–10 (promoter)", 9, null), band(15, "NPS 7–8 (passive)", 7, null),
								band(10, "NPS 5–6 (neutral)", 5, null), band(5, "NPS 3–4 (detractor)", 3, null),
								band(0, "NPS 0–2 (severe detractor)", null, null))),
				new Component("usage", "Product Usage", Measure.HIRING_VELOCITY, 20, 90,
						List.of(new Band(20, ">10 active jobs, hiring >5/month", dec(11), null, dec(16), null),
								new Band(15, "5–10 active jobs, hiring 3–5/month", dec(5), null, dec(9), null),
								new Band(10, "2–4 active jobs, hiring 1–2/month", dec(2), null, dec(3), null),
								new Band(5, "1 active job", dec(1), null, null, null),
								new Band(0, "No active hiring", null, null, null, null))),
				new Component("financial", "Financial Health", Measure.PAYMENT_PROMPTNESS, 20, 365,
						List.of(band(20, "Pays in under 15 days", null, 14), band(15, "Pays in 15–30 days", null, 30),
								band(10, "Pays in 31–45 days", null, 45), band(5, "Pays in 46–60 days", null, 60),
								band(0, "Over 60 days or collections", null, null))),
				new Component("outcomes", "Outcomes/Success", Measure.TIME_TO_FILL, 20, 90,
						List.of(band(20, "Fills in 21 days or less (enhanced SLA)", null, 21),
								band(15, "Fills within the 30-day SLA", null, 30),
								band(8, "Fills in 31–45 days", null, 45),
								band(0, "Takes over 45 days to fill", null, null)))),
				80, 50, null, null, "Spec 01's breakdown: engagement, satisfaction, usage, financial, outcomes");
	}

	private static Band band(int points, String label, Integer min, Integer max) {
		return new Band(points, label, dec(min), dec(max), null, null);
	}

	private static BigDecimal dec(Integer value) {
		return value == null ? null : BigDecimal.valueOf(value);
	}

}
