package io.intime.escalations;

import java.time.LocalDate;

/**
 * An account's escalations as of a day, as the health score and its alerts read them.
 *
 * @param inWindow escalations raised in the window ending that day
 * @param last30 escalations raised in the 30 days ending that day
 * @param open escalations raised by then and not resolved by then
 * @param latestTitle the latest escalation's key and title, or null
 * @param latestRaised the day it was raised, or null
 * @param late escalations of the window resolved outside their SLA policy's resolution
 * time: not "resolved quickly" (DESIGN decision 4)
 */
public record IssueFacts(long accountId, int inWindow, int last30, int open, String latestTitle, LocalDate latestRaised,
		int late) {

	/** Without late resolutions. */
	public IssueFacts(long accountId, int inWindow, int last30, int open, String latestTitle, LocalDate latestRaised) {
		this(accountId, inWindow, last30, open, latestTitle, latestRaised, 0);
	}

	/** Open, or resolved outside their SLA: the issues not resolved quickly. */
	public int notResolvedQuickly() {
		return open + late;
	}

}
