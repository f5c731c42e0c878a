package io.intime.engagement;

import java.time.LocalDate;

/**
 * An account's engagement as of a day, as the health score and its alerts read it.
 *
 * @param touchpoints executive touchpoints (calls and meetings with an EXECUTIVE contact
 * or the executive sponsor) in the window ending that day
 * @param lastTouchpoint the day of the latest executive touchpoint by then (any time), or
 * null
 * @param contactsEngaged distinct contacts who took part in any activity in the window
 * @param unresponsiveContactId the contact with the most outbound emails since they last
 * answered (reached us, or took part in a call or meeting that took place; in the
 * window), or null when every contact answered
 * @param unansweredEmails how many emails that contact has not answered, 0 when none
 * @param meetings calls and meetings with the client's contacts that took place in the
 * meeting window
 */
public record ExecutiveFacts(long accountId, int touchpoints, LocalDate lastTouchpoint, int contactsEngaged,
		Long unresponsiveContactId, int unansweredEmails, int meetings) {

	/** Without the meeting count (readers that do not use it). */
	public ExecutiveFacts(long accountId, int touchpoints, LocalDate lastTouchpoint, int contactsEngaged,
			Long unresponsiveContactId, int unansweredEmails) {
		this(accountId, touchpoints, lastTouchpoint, contactsEngaged, unresponsiveContactId, unansweredEmails, 0);
	}
}
