package io.intime.executive;

import java.time.LocalDate;
import java.util.List;

import io.intime.shared.Money;

/**
 * An account on the executive's list of "actions needed" (spec 01 step 1), with every
 * reason the facts give.
 *
 * @param urgent urgent (red) rather than needing attention (yellow)
 * @param reasons the reasons, most pressing first, each a sentence drawn from the facts
 * @param lastExecutiveTouch the day of the latest executive call or meeting, or null when
 * there has been none
 * @param daysSinceTouch days since then, or null
 */
public record ExecutiveAction(long accountId, String accountName, Money arr, boolean urgent, List<String> reasons,
		LocalDate lastExecutiveTouch, Integer daysSinceTouch) {
}
