package io.intime.qbr;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Spec 03's QBR completion rate (QBRs completed / QBRs due, see {@link QbrCadence}) with
 * its quality criteria counted over the completed QBRs.
 *
 * @param due the QBRs due in the period
 * @param completed those held and finalized
 * @param deckReady completed ones whose deck was ready 3 days before the meeting
 * @param executiveAttended completed ones an executive of the firm attended
 * @param actionItems completed ones with action items documented
 * @param followUp completed ones whose follow-up went out within a week
 */
public record QbrCompletionRate(int due, int completed, int deckReady, int executiveAttended, int actionItems,
		int followUp) {

	/** Spec 03: "Acceptable: 90%+". */
	public static final int ACCEPTABLE_PERCENT = 90;

	public static QbrCompletionRate none() {
		return new QbrCompletionRate(0, 0, 0, 0, 0, 0);
	}

	/** Completed ÷ due in percent with one decimal, or null when none was due. */
	public BigDecimal percent() {
		return due == 0 ? null
				: BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(due), 1, RoundingMode.HALF_UP);
	}

	/** The percent rounded to a whole number for display, or null. */
	public Integer wholePercent() {
		return due == 0 ? null : (int) Math.round(completed * 100.0 / due);
	}

	/** Whether it meets spec 03's target (100%). */
	public boolean onTarget() {
		return due > 0 && completed == due;
	}

	/** Whether it is at least acceptable (90%+). */
	public boolean acceptable() {
		return due > 0 && completed * 100L >= ACCEPTABLE_PERCENT * (long) due;
	}

	/** The missed ones: due and not completed. */
	public int missed() {
		return due - completed;
	}

	public QbrCompletionRate plus(QbrCompletionRate other) {
		return new QbrCompletionRate(due + other.due, completed + other.completed, deckReady + other.deckReady,
				executiveAttended + other.executiveAttended, actionItems + other.actionItems,
				followUp + other.followUp);
	}

}
