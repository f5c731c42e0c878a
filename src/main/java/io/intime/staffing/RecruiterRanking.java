package io.intime.staffing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks recruiters for a dedicated assignment to an account (spec 01 step 4) by an
 * explicit score out of 100, each part with the reason it gives:
 * <ul>
 * <li>success rate, 30: the share of the last six months' placements that did not fall
 * off (none made: 0);</li>
 * <li>speed, 20: average days to fill against the team's average, 10 at the average, 20
 * when a quarter faster or more, 0 when a quarter slower or more (none filled: 0);</li>
 * <li>volume, 10: placements in six months, full at {@value #FULL_VOLUME};</li>
 * <li>industry, 15: one of their industries matches the client's;</li>
 * <li>client satisfaction, 10: the average NPS score (0–10) at the accounts they placed
 * at, 5 when unknown;</li>
 * <li>capacity, 15: full with half their capacity free, none when full.</li>
 * </ul>
 * Available recruiters (active, with room for another job) come first, then by score,
 * then by name.
 */
public final class RecruiterRanking {

	static final int FULL_VOLUME = 40;

	private RecruiterRanking() {
	}

	/**
	 * A recruiter's place in the ranking.
	 *
	 * @param score 0–100
	 * @param reasons why, strongest first ("100% success rate (no falloffs)")
	 * @param available active with room for another job
	 */
	public record Ranked(RecruiterView recruiter, int score, List<String> reasons, boolean available,
			BigDecimal satisfaction, boolean industryMatch) {
	}

	/**
	 * @param industry the client's industry (null: no match possible)
	 * @param satisfaction average NPS score (0–10) per recruiter id, where known
	 */
	public static List<Ranked> rank(List<RecruiterView> recruiters, String industry,
			Map<Long, BigDecimal> satisfaction) {
		BigDecimal teamAverage = teamAverage(recruiters);
		BigDecimal fastest = recruiters.stream()
			.map(RecruiterView::averageDaysToFill)
			.filter(java.util.Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
		List<Ranked> ranked = new ArrayList<>();
		for (RecruiterView r : recruiters) {
			List<String> reasons = new ArrayList<>();
			double score = 0;
			if (r.successRatePercent() != null) {
				score += 30.0 * r.successRatePercent() / 100;
				reasons.add(r.successRatePercent() == 100 ? "Perfect track record (100% success rate)"
						: r.successRatePercent() + "% success rate (" + r.falloffs180()
								+ (r.falloffs180() == 1 ? " falloff)" : " falloffs)"));
			}
			else {
				reasons.add("No placements in the last six months");
			}
			if (r.averageDaysToFill() != null && teamAverage != null && teamAverage.signum() > 0) {
				double relative = teamAverage.subtract(r.averageDaysToFill())
					.divide(teamAverage, 4, RoundingMode.HALF_UP)
					.doubleValue();
				score += 20 * clamp(0.5 + relative * 2);
				String speed = r.averageDaysToFill().setScale(0, RoundingMode.HALF_UP) + " days to fill vs "
						+ teamAverage.setScale(0, RoundingMode.HALF_UP) + " team average";
				reasons.add(r.averageDaysToFill().compareTo(fastest) == 0
						? "Fastest time-to-fill on team (" + speed + ")" : speed);
			}
			score += 10.0 * Math.min(r.placements180(), FULL_VOLUME) / FULL_VOLUME;
			boolean match = industryMatch(r.industries(), industry);
			if (match) {
				score += 15;
				reasons.add(industryLabel(r.industries(), industry) + " specialist (matches client)");
			}
			BigDecimal sat = satisfaction.get(r.id());
			if (sat != null) {
				score += 10 * clamp(sat.doubleValue() / 10);
				if (sat.compareTo(BigDecimal.valueOf(8)) >= 0) {
					reasons.add("Strong client satisfaction (" + sat.setScale(1, RoundingMode.HALF_UP) + "/10)");
				}
			}
			else {
				score += 5;
			}
			boolean available = r.active() && r.activeJobs() < r.maxActiveJobs();
			double free = r.maxActiveJobs() == 0 ? 0 : 1.0 - (double) r.activeJobs() / r.maxActiveJobs();
			score += 15 * clamp(free / 0.5);
			reasons.add(!r.active() ? "Inactive"
					: available
							? "Workload " + r.utilisationPercent() + "%"
									+ (r.utilisationPercent() <= 75 ? " (room for a dedicated account)"
											: " (may be stretched)")
							: "At capacity (" + r.activeJobs() + " of " + r.maxActiveJobs() + " jobs)");
			ranked.add(new Ranked(r, (int) Math.round(score), List.copyOf(reasons), available, sat, match));
		}
		ranked.sort(Comparator.comparing((Ranked x) -> !x.available())
			.thenComparing(Ranked::score, Comparator.reverseOrder())
			.thenComparing(x -> x.recruiter().name()));
		return ranked;
	}

	/**
	 * The average of the recruiters' average days to fill, null when none filled a job.
	 */
	static BigDecimal teamAverage(List<RecruiterView> recruiters) {
		List<BigDecimal> values = recruiters.stream()
			.map(RecruiterView::averageDaysToFill)
			.filter(java.util.Objects::nonNull)
			.toList();
		if (values.isEmpty()) {
			return null;
		}
		return values.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
	}

	/**
	 * Whether one of the industries names a word of the client's ("Technology" matches
	 * "Technology / SaaS").
	 */
	static boolean industryMatch(List<String> industries, String industry) {
		return industryLabel(industries, industry) != null;
	}

	private static String industryLabel(List<String> industries, String industry) {
		if (industry == null || industries == null) {
			return null;
		}
		String client = industry.toLowerCase(Locale.ROOT);
		for (String i : industries) {
			for (String word : i.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
				if (word.length() >= 3 && client.matches(".*\\b" + java.util.regex.Pattern.quote(word) + ".*")) {
					return i;
				}
			}
		}
		return null;
	}

	private static double clamp(double value) {
		return Math.max(0, Math.min(1, value));
	}

}
