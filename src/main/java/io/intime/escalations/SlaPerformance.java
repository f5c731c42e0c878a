package io.intime.escalations;

import java.util.List;

/**
 * Escalations resolved within their SLA, over a period: per account manager (of the
 * escalation's account) and per sales director's team; the scorecard's "Escalation
 * Resolution: resolved within SLA / total escalations" (spec 03).
 */
public record SlaPerformance(int days, Line total, List<Line> managers, List<Line> teams) {

	/**
	 * @param resolved escalations resolved in the period
	 * @param withinSla of them, within their resolution SLA
	 * @param responseMet of them, answered within the response SLA
	 */
	public record Line(Long userId, String name, int resolved, int withinSla, int responseMet) {

		/** Percent within SLA, or null when nothing was resolved. */
		public Integer percent() {
			return resolved == 0 ? null : (int) Math.round(withinSla * 100.0 / resolved);
		}

		public Integer responsePercent() {
			return resolved == 0 ? null : (int) Math.round(responseMet * 100.0 / resolved);
		}

	}

}
