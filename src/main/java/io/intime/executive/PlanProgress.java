package io.intime.executive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A recovery plan with each goal measured against the live facts.
 *
 * @param progressPercent the average of the goals' progress
 * @param version for the plan's changes (closing it)
 */
public record PlanProgress(long id, long accountId, String title, String status, LocalDate startsOn, LocalDate endsOn,
		long ownerId, String ownerName, List<Goal> goals, int progressPercent, long version) {

	public long goalsMet() {
		return goals.stream().filter(Goal::met).count();
	}

	/**
	 * One goal: where the measure stood when the plan was made, where it should be by
	 * {@code dueOn}, and where it is now (null: no data yet, e.g. no NPS response since).
	 *
	 * @param progressPercent how far from baseline to target it has come, 0–100
	 */
	public record Goal(RecoveryMeasure measure, BigDecimal baseline, BigDecimal target, LocalDate dueOn,
			BigDecimal current, boolean met, int progressPercent, String note) {

		public String label() {
			return measure.label();
		}
	}
}
