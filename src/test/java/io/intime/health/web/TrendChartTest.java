package io.intime.health.web;

import java.time.LocalDate;
import java.util.List;

import io.intime.health.web.TrendChart.Point;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrendChartTest {

	private static final LocalDate TO = LocalDate.of(2026, 11, 23);

	private static final LocalDate FROM = TO.minusMonths(12);

	@Test
	void drawsTheScoresLeftToRightWithHundredAtTheTop() {
		TrendChart chart = TrendChart.of(List.of(new Point(TO, 35, 1), new Point(FROM, 100, 1)), FROM, TO, 80, 50);
		assertThat(chart.empty()).isFalse();
		assertThat(chart.dots()).hasSize(2);
		assertThat(chart.dots().get(0).x()).isEqualTo(TrendChart.LEFT);
		assertThat(chart.dots().get(0).y()).isEqualTo(TrendChart.TOP);
		assertThat(chart.dots().get(1).x()).isEqualTo(TrendChart.WIDTH - TrendChart.RIGHT);
		assertThat(chart.dots().get(1).label()).isEqualTo("Nov 23, 2026: 35/100 (model v1)");
		// Each score holds until the next one: a step along, then down.
		double right = TrendChart.WIDTH - TrendChart.RIGHT;
		assertThat(chart.line()).isEqualTo("M34.0,10.0 H" + right + " V" + chart.dots().get(1).y() + " H" + right);
	}

	@Test
	void theLastScoreHoldsUntilToday() {
		TrendChart chart = TrendChart.of(List.of(new Point(TO.minusMonths(6), 60, 1)), FROM, TO, 80, 50);
		assertThat(chart.line()).startsWith("M").endsWith(" H" + (double) (TrendChart.WIDTH - TrendChart.RIGHT));
	}

	@Test
	void marksWhereTheModelVersionChanged() {
		TrendChart chart = TrendChart.of(
				List.of(new Point(TO.minusDays(20), 70, 1), new Point(TO.minusDays(10), 60, 2), new Point(TO, 58, 2)),
				FROM, TO, 80, 50);
		assertThat(chart.modelChanges()).singleElement().satisfies(marker -> {
			assertThat(marker.label()).isEqualTo("Model v2");
			assertThat(marker.x()).isEqualTo(chart.dots().get(1).x());
		});
	}

	@Test
	void leavesOutPointsOutsideTheWindowAndSaysWhenNothingIsLeft() {
		assertThat(TrendChart.of(List.of(new Point(FROM.minusDays(1), 50, 1)), FROM, TO, 80, 50).empty()).isTrue();
	}

	@Test
	void theBandZonesFollowTheModelsThresholds() {
		TrendChart chart = TrendChart.of(List.of(), FROM, TO, 75, 40);
		assertThat(chart.zones()).extracting(TrendChart.Zone::css).containsExactly("GREEN", "YELLOW", "RED");
		assertThat(chart.zones().get(0).y() + chart.zones().get(0).height()).isEqualTo(TrendChart.y(75));
		assertThat(chart.zones().get(2).y()).isEqualTo(TrendChart.y(40));
		assertThat(chart.months()).hasSize(12);
	}

}
