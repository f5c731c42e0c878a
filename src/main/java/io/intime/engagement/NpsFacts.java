package io.intime.engagement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account's NPS responses as of a day, as the health score and its alerts read them.
 *
 * @param responses responses in the window ending that day
 * @param averageScore their average 0–10 score (one decimal), null when there are none
 * @param latestScore the latest response's score by that day (in the window), or null
 * @param latestDate its date, or null
 * @param latestComment its comment, or null
 * @param accountNps the account's net promoter score (−100…100: % promoters minus %
 * detractors) over the 90 days ending that day, null without responses then
 * @param accountNpsPrevious the same over the 90 days before those, null without
 * responses then
 */
public record NpsFacts(long accountId, int responses, BigDecimal averageScore, Integer latestScore,
		LocalDate latestDate, String latestComment, Integer accountNps, Integer accountNpsPrevious) {
}
