package io.intime.health.scoring;

import static io.intime.health.scoring.FactsBuilder.facts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.intime.health.model.DefaultHealthModel;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModel.Band;
import io.intime.health.model.HealthModel.Component;
import io.intime.health.model.Measure;
import org.junit.jupiter.api.Test;

/** Each band of the default model as the change that would reach it, word for word. */
class HealthMovesChangesTest {

	private final HealthModel model = DefaultHealthModel.create();

	private String change(String key, int band) {
		Component c = model.components().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
		return HealthMoves.change(c, c.bands().get(band));
	}

	@Test
	void hiring() {
		assertThat(change("hiring", 0)).isEqualTo("11+ open jobs with 16+ hires in 90 days (5.3 a month)");
		assertThat(change("hiring", 3)).isEqualTo("1 open job");
		assertThat(change("hiring", 4)).isEmpty();
		Component c = model.components().get(0);
		assertThat(HealthMoves.change(c, new Band(10, "hires only", null, null, BigDecimal.ONE, null)))
			.isEqualTo("1 hire in 90 days (0.3 a month)");
		assertThat(HealthMoves.change(c, new Band(10, "fractional", new BigDecimal("2.5"), null, null, null)))
			.isEqualTo("3+ open jobs");
	}

	@Test
	void payment() {
		assertThat(change("payment", 0)).isEqualTo("paying in 14 days or less on average");
		assertThat(change("payment", 3)).isEqualTo("paying in 60 days or less on average");
		assertThat(change("payment", 4)).isEqualTo(">60 days or collections involvement");
	}

	@Test
	void nps() {
		assertThat(change("nps", 0)).isEqualTo("an average NPS response of 9 or more over 180 days");
		assertThat(change("nps", 4)).isEqualTo("NPS 0–2 (severe detractor)");
	}

	@Test
	void executive() {
		assertThat(change("executive", 0)).isEqualTo("3+ executive calls or meetings in 90 days");
		assertThat(change("executive", 1)).isEqualTo("1 executive call or meeting in 90 days");
		assertThat(change("executive", 2)).isEqualTo("2+ contacts engaged in 90 days");
		assertThat(change("executive", 3)).isEqualTo("Single point of contact risk");
	}

	@Test
	void expansion() {
		assertThat(change("expansion", 0)).isEqualTo("an open expansion opportunity over $100K");
		assertThat(change("expansion", 1)).isEqualTo("an open expansion opportunity of any size");
		assertThat(change("expansion", 2)).isEqualTo("No expansion potential");
		Component c = model.components().get(4);
		assertThat(HealthMoves.change(c, new Band(5, "zero floor", BigDecimal.ZERO, null, null, null)))
			.isEqualTo("zero floor");
		assertThat(
				HealthMoves.change(c, new Band(5, "zero floor, one open", BigDecimal.ZERO, null, BigDecimal.ONE, null)))
			.isEqualTo("an open expansion opportunity of any size");
	}

	@Test
	void issues() {
		assertThat(change("issues", 0)).isEqualTo("no escalation for 90 days and none open or resolved late");
		assertThat(change("issues", 1)).isEqualTo("at most 2 escalations in 90 days and none open or resolved late");
		assertThat(change("issues", 2)).isEmpty();
		Component c = model.components().get(5);
		assertThat(HealthMoves.change(c, new Band(5, "open", null, null, null, BigDecimal.ONE)))
			.isEqualTo("at most 1 open or resolved late");
	}

	@Test
	void aComponentAtItsMaximumOffersNoMoveEvenWhenABandPromisesMore() {
		HealthModel generous = new HealthModel(2, "odd", List.of(new Component("hiring", "Hiring",
				Measure.HIRING_VELOCITY, 10, 90, List.of(new Band(25, "all", null, null, null, null)))), 80, 50, null,
				null, null);
		Score score = HealthScorer.score(generous, facts().build());
		assertThat(score.total()).isEqualTo(100);
		assertThat(HealthMoves.of(generous, score)).isEmpty();
	}

	@Test
	void aMissingComponentOffersNoMove() {
		Score score = HealthScorer.score(model, facts().hiring(12, 20).pipeline(500000, 1).escalations(0, 0).build());
		assertThat(HealthMoves.of(model, score)).isEmpty();
	}

	@Test
	void theNextBandAndTheFirstThatChangesTheColour() {
		// Hiring at 0 of 25 in a red total: the next band (1 req) and the first band that
		// turns the total yellow.
		Score score = HealthScorer.score(model, facts().daysToPay(22).nps(3).executive(1, 2).escalations(2, 0).build());
		assertThat(score.total()).isEqualTo(35);
		List<HealthMoves.Move> hiring = HealthMoves.of(model, score)
			.stream()
			.filter(m -> m.componentKey().equals("hiring"))
			.toList();
		assertThat(hiring).extracting(HealthMoves.Move::change)
			.containsExactlyInAnyOrder("1 open job", "2+ open jobs with 3+ hires in 90 days (1 a month)");
		assertThat(hiring).extracting(HealthMoves.Move::gain).containsExactlyInAnyOrder(10, 15);
		assertThat(hiring).extracting(HealthMoves.Move::bandChanges).containsExactlyInAnyOrder(false, true);
		assertThat(hiring).extracting(HealthMoves.Move::component).containsOnly("Hiring Velocity");
	}

}
