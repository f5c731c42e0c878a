package io.intime.health.scoring;

import static io.intime.health.scoring.FactsBuilder.facts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.intime.accounts.HealthBand;
import io.intime.health.model.DefaultHealthModel;
import io.intime.health.model.HealthModel;
import org.junit.jupiter.api.Test;

class HealthMovesTest {

	private final HealthModel model = DefaultHealthModel.create();

	@Test
	void namesTheChangeThatRaisesEachComponentAndWhereTheBandLands() {
		AccountFacts dataSystems = facts().lastHire(FactsBuilder.TODAY.minusDays(60), "Frontend Developer")
			.daysToPay(22)
			.nps(3)
			.executive(1, 2)
			.escalations(2, 0)
			.build();
		List<HealthMoves.Move> moves = HealthMoves.of(model, HealthScorer.score(model, dataSystems));

		assertThat(moves).anySatisfy(m -> {
			assertThat(m.change()).isEqualTo("2+ open jobs with 3+ hires in 90 days (1 a month)");
			assertThat(m.gain()).isEqualTo(15);
			assertThat(m.newTotal()).isEqualTo(50);
			assertThat(m.newBand()).isEqualTo(HealthBand.YELLOW);
			assertThat(m.bandChanges()).isTrue();
		});
		assertThat(moves).anySatisfy(m -> {
			assertThat(m.change()).isEqualTo("an average NPS response of 5 or more over 180 days");
			assertThat(m.gain()).isEqualTo(5);
			assertThat(m.newTotal()).isEqualTo(40);
			assertThat(m.newBand()).isEqualTo(HealthBand.RED);
		});
		assertThat(moves)
			.anySatisfy(m -> assertThat(m.change()).isEqualTo("an open expansion opportunity of any size"));
		assertThat(moves).anySatisfy(
				m -> assertThat(m.change()).isEqualTo("no escalation for 90 days and none open or resolved late"));
		// Largest gains first.
		assertThat(moves).isSortedAccordingTo((a, b) -> Integer.compare(b.gain(), a.gain()));
	}

	@Test
	void nothingToMoveAtTheTop() {
		AccountFacts best = facts().hiring(12, 20)
			.daysToPay(10)
			.nps(9.5)
			.executive(4, 5)
			.pipeline(500000, 1)
			.escalations(0, 0)
			.build();
		Score score = HealthScorer.score(model, best);
		assertThat(score.total()).isEqualTo(100);
		assertThat(HealthMoves.of(model, score)).isEmpty();
	}

}
