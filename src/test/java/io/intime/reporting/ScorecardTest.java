package io.intime.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScorecardTest {

	/**
	 * Spec 03's weights over an account manager's month: NRR 105% of 110 (95.5%), NPS 45
	 * of 50 (90%), expansion 12% of 15 (80%), 60% green of 70 (85.7%), 90% of escalations
	 * within SLA of 95 (94.7%); QBRs not tracked, so the score is weighted over the other
	 * 95 points: 89.4%, meets expectations.
	 */
	@Test
	void weightsTheMeasuredMetricsAndLeavesTheMissingOut() {
		Scorecard card = Scorecard.of(1, "Jordan Reyes", YearMonth.of(2026, 11),
				List.of(Scorecard.measured(ScorecardMetric.NRR, new BigDecimal("105"), null, null),
						Scorecard.measured(ScorecardMetric.NPS, new BigDecimal("45"), null, null),
						Scorecard.measured(ScorecardMetric.EXPANSION, new BigDecimal("12"), null, null),
						Scorecard.measured(ScorecardMetric.GREEN, new BigDecimal("60"), null, null),
						Scorecard.measured(ScorecardMetric.ESCALATIONS, new BigDecimal("90"), null, null),
						Scorecard.missing(ScorecardMetric.QBR, "not tracked", null)));
		assertThat(card.components().get(0).attainment()).isEqualByComparingTo("95.5");
		assertThat(card.measuredWeight()).isEqualTo(95);
		assertThat(card.score()).isEqualByComparingTo("89.4");
		assertThat(card.rating()).isEqualTo(Scorecard.Rating.MEETS);
	}

	@Test
	void attainmentStopsAtTheTargetAndAtZero() {
		assertThat(Scorecard.measured(ScorecardMetric.NRR, new BigDecimal("130"), null, null).attainment())
			.isEqualByComparingTo("100");
		assertThat(Scorecard.measured(ScorecardMetric.NPS, new BigDecimal("-20"), null, null).attainment())
			.isEqualByComparingTo("0");
	}

	@Test
	void ratingsFollowSpec03sBands() {
		assertThat(Scorecard.Rating.of(new BigDecimal("90"))).isEqualTo(Scorecard.Rating.EXCEEDS);
		assertThat(Scorecard.Rating.of(new BigDecimal("89.9"))).isEqualTo(Scorecard.Rating.MEETS);
		assertThat(Scorecard.Rating.of(new BigDecimal("75"))).isEqualTo(Scorecard.Rating.MEETS);
		assertThat(Scorecard.Rating.of(new BigDecimal("74.9"))).isEqualTo(Scorecard.Rating.NEEDS_IMPROVEMENT);
		assertThat(Scorecard.Rating.of(new BigDecimal("60"))).isEqualTo(Scorecard.Rating.NEEDS_IMPROVEMENT);
		assertThat(Scorecard.Rating.of(new BigDecimal("59.9"))).isEqualTo(Scorecard.Rating.UNACCEPTABLE);
		assertThat(Scorecard
			.of(1, "x", YearMonth.of(2026, 1), List.of(Scorecard.missing(ScorecardMetric.QBR, "not tracked", null)))
			.rating()).isEqualTo(Scorecard.Rating.NOT_RATED);
	}

}
