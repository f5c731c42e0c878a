package io.intime.health.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.intime.accounts.HealthBand;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModel.Band;
import io.intime.health.model.HealthModel.Component;

/**
 * "What would move it": for each measured component below its maximum, the concrete
 * change that reaches its next band, and — when that is not enough — the change that
 * would lift the total into a better colour; each with the points it adds and where the
 * total would land.
 */
public final class HealthMoves {

	private HealthMoves() {
	}

	/**
	 * @param change what would have to become true ("2+ open jobs and 3+ hires in 90
	 * days")
	 * @param gain points the total gains
	 */
	public record Move(String componentKey, String component, String change, int gain, int newTotal, HealthBand newBand,
			boolean bandChanges) {
	}

	public static List<Move> of(HealthModel model, Score score) {
		List<Move> moves = new ArrayList<>();
		for (int i = 0; i < model.components().size(); i++) {
			Component component = model.components().get(i);
			ComponentScore now = score.components().get(i);
			if (now.missing() || now.points() >= component.maximum()) {
				continue;
			}
			List<Band> better = component.bands()
				.stream()
				.filter(b -> b.points() > now.points())
				.sorted(Comparator.comparingInt(Band::points))
				.toList();
			Move next = null;
			for (Band band : better) {
				int total = totalWith(score, i, Math.min(band.points(), component.maximum()));
				Move move = new Move(component.key(), component.label(), change(component, band), total - score.total(),
						total, model.bandOf(total), model.bandOf(total) != score.band());
				if (next == null) {
					next = move;
					moves.add(move);
					if (move.bandChanges()) {
						break;
					}
				}
				else if (move.bandChanges()) {
					moves.add(move);
					break;
				}
			}
		}
		moves.sort(Comparator.comparingInt(Move::gain).reversed());
		return moves;
	}

	private static int totalWith(Score score, int index, int points) {
		int sum = 0;
		int measured = 0;
		for (int i = 0; i < score.components().size(); i++) {
			ComponentScore c = score.components().get(i);
			if (c.missing()) {
				continue;
			}
			sum += i == index ? points : c.points();
			measured += c.maximum();
		}
		return HealthScorer.total(sum, measured);
	}

	/** The band's bounds as the change that would meet them. */
	static String change(Component c, Band b) {
		String window = c.windowDays() + " days";
		return switch (c.measure()) {
			case HIRING_VELOCITY -> {
				String jobs = b.min() == null ? "" : atLeast(b.min(), "open job", "open jobs");
				String hires = b.min2() == null ? "" : atLeast(b.min2(), "hire", "hires") + " in " + window + " ("
						+ HealthScorer.perMonth(b.min2().intValue(), c.windowDays()) + " a month)";
				yield join(jobs, hires, "with");
			}
			case PAYMENT_PROMPTNESS ->
				b.max() == null ? b.label() : "paying in " + whole(b.max()) + " days or less on average";
			case NPS -> b.min() == null ? b.label() : "an average NPS response of "
					+ b.min().stripTrailingZeros().toPlainString() + " or more over " + window;
			case EXECUTIVE_ENGAGEMENT -> b.min() != null
					? atLeast(b.min(), "executive call or meeting", "executive calls or meetings") + " in " + window
					: b.min2() != null ? atLeast(b.min2(), "contact", "contacts") + " engaged in " + window : b.label();
			case EXPANSION_PIPELINE -> b.min() != null && b.min().signum() > 0
					? b.min().stripTrailingZeros().scale() > 0
							// a bound just above a round amount is "over" it (DESIGN
							// decision 4)
							? "an open expansion opportunity over "
									+ HealthScorer.usd(b.min().setScale(0, java.math.RoundingMode.DOWN))
							: "an open expansion opportunity of " + HealthScorer.usd(b.min()) + " or more"
					: b.min2() != null ? "an open expansion opportunity of any size" : b.label();
			case ISSUE_FREQUENCY -> {
				String raised = b.max() == null ? "" : b.max().signum() == 0 ? "no escalation for " + window
						: "at most " + whole(b.max()) + " escalations in " + window;
				String open = b.max2() == null ? "" : b.max2().signum() == 0 ? "none open or resolved late"
						: "at most " + whole(b.max2()) + " open or resolved late";
				yield join(raised, open, "and");
			}
			case MEETING_FREQUENCY -> b.min() == null ? b.label()
					: atLeast(b.min(), "call or meeting with the client", "calls and meetings with the client") + " in "
							+ window;
			case TIME_TO_FILL ->
				b.max() == null ? b.label() : "filling jobs in " + whole(b.max()) + " days or less on average";
		};
	}

	private static String atLeast(BigDecimal n, String singular, String plural) {
		int value = n.setScale(0, java.math.RoundingMode.CEILING).intValue();
		return (value == 1 ? "1 " + singular : value + "+ " + plural);
	}

	private static String whole(BigDecimal n) {
		return n.stripTrailingZeros().toPlainString();
	}

	private static String join(String a, String b, String word) {
		return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + word + " " + b;
	}

}
