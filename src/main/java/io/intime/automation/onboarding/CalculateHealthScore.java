package io.intime.automation.onboarding;

import java.util.List;

import io.intime.accounts.HealthBand;
import io.intime.health.HealthReport;
import io.intime.health.HealthScores;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 3: the account's health score computed now from its facts (escalations, hiring,
 * payments, NPS, executive engagement, pipeline) by the health module's model, with each
 * component's points.
 */
@Component
class CalculateHealthScore implements WorkflowAction {

	static final String KEY = "onboarding.health-score";

	private final HealthScores health;

	CalculateHealthScore(HealthScores health) {
		this.health = health;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Compute the account's health score";
	}

	/** Spec 01's words for the bands: Healthy, At Risk, Critical. */
	static String words(HealthBand band) {
		return switch (band) {
			case GREEN -> "Healthy";
			case YELLOW -> "At Risk";
			case RED -> "Critical";
		};
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		HealthReport report = health.recompute(context.accountId(), context.actingAs());
		if (report == null) {
			return ActionResult.of("No health score: the account has no facts to score yet");
		}
		List<String> parts = report.components()
			.stream()
			.map(c -> c.label() + " " + (c.missing() ? "no data" : c.points() + "/" + c.maximum()))
			.toList();
		String line = "Health score " + report.score() + " (" + words(report.band()) + "): " + String.join(", ", parts)
				+ (report.measuredMaximum() < 100
						? "; " + report.measuredMaximum() + " of 100 points measured, scaled to 100" : "");
		return ActionResult.of(line)
			.with("score", report.score())
			.with("band", report.band().name())
			.with("measuredMaximum", report.measuredMaximum());
	}

}
