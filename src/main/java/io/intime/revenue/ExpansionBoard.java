package io.intime.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.intime.shared.Money;

/**
 * The expansion pipeline board (spec 02 step 11) as a reader may see it: the four open
 * stages, then what was won and lost since {@code closedSince}, each column with its
 * count and value in US dollars at the constant rates; and the pipeline coverage of each
 * account manager in scope against their quarterly expansion goal (spec 03: 3×).
 *
 * @param scope what the board shows, e.g. "Your accounts", "Your team (3 account
 * managers)", "All accounts"
 * @param team whether a sales director sees their team (false: everything)
 * @param canSetGoals whether the reader may set the quarterly goals
 * @param canMove whether the reader may move cards (per card, see {@link Card#movable()})
 */
public record ExpansionBoard(String scope, boolean team, boolean canSetGoals, String quarter, LocalDate today,
		LocalDate closedSince, List<Column> columns, int openCount, Money openUsd, List<Coverage> coverage) {

	/** The target coverage (spec 03: 3× the quarterly expansion goal). */
	public static final BigDecimal TARGET = BigDecimal.valueOf(3);

	/** One stage of the board. */
	public record Column(OpportunityStage stage, int count, Money totalUsd, List<Card> cards) {
	}

	/** One opportunity on the board; {@code movable} when the reader may move it. */
	public record Card(OpportunityView opportunity, boolean movable, boolean overdue) {
	}

	/**
	 * An account manager's pipeline coverage this quarter: the open pipeline at QUALIFIED
	 * or later ÷ the goal. {@code defaultGoal} when nobody set one (15% of the
	 * portfolio's ARR a year, a quarter of it); {@code goalVersion} for the write's
	 * version check (null when unset); {@code band} green at 3× or more, yellow from 2×,
	 * red below.
	 */
	public record Coverage(long ownerId, String ownerName, Money qualifiedUsd, Money goalUsd, boolean defaultGoal,
			Long goalVersion, BigDecimal ratio, String band) {

		/** "2.4× of 3× target". */
		public String sentence() {
			return ratio == null ? "no goal" : ratio.stripTrailingZeros().toPlainString() + "× of 3× target";
		}
	}

}
