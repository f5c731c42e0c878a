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
 * @param averageDaysToFill average days from opened to filled over the jobs filled in the
 * time-to-fill window ending that day, null when none was filled
 */
public record HiringFacts(long accountId, int openJobs, int hires, LocalDate lastHireDate, String lastHireTitle,
		int falloffs60, java.math.BigDecimal averageDaysToFill) {

	/** Without the time-to-fill (readers that do not use it). */
	public HiringFacts(long accountId, int openJobs, int hires, LocalDate lastHireDate, String lastHireTitle,
			int falloffs60) {
		this(accountId, openJobs, hires, lastHireDate, lastHireTitle, falloffs60, null);
	}
}
