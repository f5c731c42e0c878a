package io.intime.qbr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.accounts.Tier;

/**
 * How often an account gets a QBR and by when each one is due: spec 03's touch frequency
 * per tier, and its "QBR Completion Rate" (QBRs completed / QBRs due) with the quality
 * criteria.
 * <p>
 * <b>Cadence.</b> A QBR reviews one calendar quarter. Strategic accounts (flagged by an
 * executive, or in the Strategic tier) get an executive QBR every quarter and Growth
 * accounts a business review every quarter; Standard accounts a performance review every
 * second quarter: a Standard account is due for the quarter when its last QBR (planned,
 * scheduled or held; a cancelled one does not count) reviewed a quarter two or more
 * quarters before, or it never had one. So a Standard account reviewed for Q1 is due
 * again for Q3, and one whose Q2 review is still open is not due for Q3 (the open one is
 * what it owes).
 * <p>
 * <b>Due date.</b> A quarter's QBR is held during the quarter or after it, and is due by
 * the last day of the following quarter (the Q4 2026 QBR by March 31, 2027). The spec's
 * QBRs are held late in the quarter they review (MegaBank's Q4 review on November 30,
 * DataSystems' on December 15) and some clients want the quarter's final numbers first,
 * so the window spans both; it is planned on the first day of the quarter it reviews.
 * After its due date an open QBR is overdue.
 * <p>
 * <b>Completion.</b> The QBRs due in a period are those (one per account and quarter)
 * whose due date falls in it and has passed, or that were held already: a QBR not yet
 * held whose due date lies ahead is not counted as missed. A cancelled QBR still counts
 * as due (the cadence wanted it), and as completed only when the quarter was reviewed
 * after all. Completed ones are held by the end of the period. The quality criteria are
 * counted over the completed ones: the deck was ready 3 days before the meeting (before
 * its completion when it has no meeting), an executive of the firm attended, action items
 * were documented, and the follow-up went out within a week of completion.
 */
public final class QbrCadence {

	/** "Metrics deck prepared 3 days in advance". */
	public static final Duration DECK_AHEAD = Duration.ofDays(3);

	/** "Follow-up completed within 1 week". */
	public static final Duration FOLLOW_UP_WITHIN = Duration.ofDays(7);

	private QbrCadence() {
	}

	/** How often a tier gets its QBR, with spec 03's name for it. */
	public enum Frequency {

		/**
		 * Strategic: "Quarterly: Executive QBR"; Growth: "Quarterly: Business review".
		 */
		QUARTERLY(1, "Quarterly"),
		/** Standard: "Semi-annual: Performance review". */
		SEMI_ANNUAL(2, "Semi-annual");

		private final int quarters;

		private final String label;

		Frequency(int quarters, String label) {
			this.quarters = quarters;
			this.label = label;
		}

		/** Quarters from one QBR to the next. */
		public int quarters() {
			return quarters;
		}

		public String label() {
			return label;
		}

	}

	/** The account's frequency: quarterly for strategic and Growth, else semi-annual. */
	public static Frequency frequency(Tier tier, boolean strategic) {
		return strategic || tier == Tier.STRATEGIC || tier == Tier.GROWTH ? Frequency.QUARTERLY : Frequency.SEMI_ANNUAL;
	}

	/** Spec 03's name of the review, e.g. "Quarterly: Executive QBR". */
	public static String describe(Tier tier, boolean strategic) {
		if (strategic || tier == Tier.STRATEGIC) {
			return "Quarterly: Executive QBR";
		}
		return tier == Tier.GROWTH ? "Quarterly: Business review" : "Semi-annual: Performance review";
	}

	/** The day the QBR reviewing {@code quarter} is due: the last of the next quarter. */
	public static LocalDate dueDate(QbrQuarter quarter) {
		return quarter.next().last();
	}

	/**
	 * Whether the account is due a QBR reviewing {@code quarter}.
	 * @param lastReviewed the latest quarter a live (not cancelled) QBR of the account
	 * reviews, or null when it has none
	 */
	public static boolean due(Tier tier, boolean strategic, QbrQuarter quarter, QbrQuarter lastReviewed) {
		if (lastReviewed == null) {
			return true;
		}
		if (lastReviewed.compareTo(quarter) >= 0) {
			return false;
		}
		return lastReviewed.plus(frequency(tier, strategic).quarters()).compareTo(quarter) <= 0;
	}

	/** The quarter the next QBR after one reviewing {@code reviewed} reviews. */
	public static QbrQuarter next(Tier tier, boolean strategic, QbrQuarter reviewed) {
		return reviewed.plus(frequency(tier, strategic).quarters());
	}

	/**
	 * What completion counts of one QBR.
	 *
	 * @param heldAt when its meeting started, or null without one
	 * @param actionItems whether action items were documented
	 */
	public record Fact(long accountId, QbrQuarter quarter, LocalDate dueDate, QbrStatus status, Long ownerId,
			Instant heldAt, Instant deckReadyAt, Boolean executiveAttended, Instant followUpSentAt, Instant completedAt,
			boolean actionItems) {

		LocalDate completedOn() {
			return completedAt == null ? null : LocalDate.ofInstant(completedAt, ZoneOffset.UTC);
		}

		boolean deckReady() {
			Instant held = heldAt != null ? heldAt : completedAt;
			return deckReadyAt != null && held != null && !deckReadyAt.isAfter(held.minus(DECK_AHEAD));
		}

		boolean followedUp() {
			return followUpSentAt != null && completedAt != null
					&& !followUpSentAt.isAfter(completedAt.plus(FOLLOW_UP_WITHIN));
		}

	}

	/**
	 * The completion rate of the QBRs due from {@code from} to {@code to} (inclusive), as
	 * of {@code today} (see the class comment).
	 */
	public static QbrCompletionRate tally(Collection<Fact> facts, LocalDate from, LocalDate to, LocalDate today) {
		LocalDate asOf = to.isBefore(today) ? to : today;
		// one per account and quarter: a cancelled QBR planned again is the same review
		Map<String, Fact> reviews = new LinkedHashMap<>();
		for (Fact f : facts) {
			if (f.dueDate().isBefore(from) || f.dueDate().isAfter(to)) {
				continue;
			}
			String key = f.accountId() + "/" + f.quarter().code();
			Fact seen = reviews.get(key);
			if (seen == null || completedBy(f, asOf) && !completedBy(seen, asOf)) {
				reviews.put(key, f);
			}
		}
		int due = 0;
		int completed = 0;
		int deck = 0;
		int executive = 0;
		int actions = 0;
		int followUp = 0;
		for (Fact f : reviews.values()) {
			boolean done = completedBy(f, asOf);
			if (!done && !f.dueDate().isBefore(today)) {
				continue;
			}
			due++;
			if (done) {
				completed++;
				deck += f.deckReady() ? 1 : 0;
				executive += Boolean.TRUE.equals(f.executiveAttended()) ? 1 : 0;
				actions += f.actionItems() ? 1 : 0;
				followUp += f.followedUp() ? 1 : 0;
			}
		}
		return new QbrCompletionRate(due, completed, deck, executive, actions, followUp);
	}

	private static boolean completedBy(Fact f, LocalDate asOf) {
		return f.status() == QbrStatus.COMPLETED && f.completedOn() != null && !f.completedOn().isAfter(asOf);
	}

}
