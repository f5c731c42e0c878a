package io.intime.staffing;

import java.time.LocalDate;

/**
 * An account's hiring as of a day, as the health score reads it.
 *
 * @param openJobs jobs open that day (opened by then, not filled or cancelled by then,
 * not on hold)
 * @param hires placements started in the window ending that day and not fallen off by
 * then
 * @param lastHireDate start of the latest placement not fallen off, or null
 * @param lastHireTitle the job title of that placement, or null
 * @param falloffs60 placements that fell off in the 60 days ending that day
 */
public record HiringFacts(long accountId, int openJobs, int hires, LocalDate lastHireDate, String lastHireTitle,
		int falloffs60) {
}
