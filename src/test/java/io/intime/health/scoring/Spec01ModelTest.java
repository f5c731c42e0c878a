package io.intime.health.scoring;

import java.math.BigDecimal;

import io.intime.engagement.ExecutiveFacts;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModel.Component;
import io.intime.health.model.HealthModelPresets;
import io.intime.health.model.HealthModels;
import io.intime.staffing.HiringFacts;
import org.junit.jupiter.api.Test;

import static io.intime.health.scoring.FactsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec 01's five-component model (a preset over the catalogue of measures): its new
 * measures — calls and meetings with the client, time-to-fill — read, explained, missing
 * and moved, word for word; the preset is a valid model of 100 points.
 */
class Spec01ModelTest {

	private final HealthModel model = HealthModelPresets.SPEC01.model();

	private static AccountFacts facts(ExecutiveFacts executive, HiringFacts hiring) {
		return new AccountFacts(1, TODAY, hiring, null, null, executive, null, null);
	}

	private ComponentScore component(AccountFacts facts, String key) {
		return HealthScorer.score(model, facts)
			.components()
			.stream()
			.filter(c -> c.key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	private String change(String key, int band) {
		Component c = model.components().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
		return HealthMoves.change(c, c.bands().get(band));
	}

	@Test
	void thePresetIsAValidModelOfFiveComponentsOf20() {
		HealthModels.validate(model);
		assertThat(model.components()).extracting(Component::label)
			.containsExactly("Engagement", "Satisfaction", "Product Usage", "Financial Health", "Outcomes/Success");
		assertThat(model.components()).allMatch(c -> c.maximum() == 20);
		HealthModels.validate(HealthModelPresets.STANDARD.model());
		assertThat(HealthModelPresets.named("spec01")).isEqualTo(HealthModelPresets.SPEC01);
		assertThat(HealthModelPresets.named("standard")).isEqualTo(HealthModelPresets.STANDARD);
		assertThat(HealthModelPresets.named("other")).isNull();
		assertThat(HealthModelPresets.SPEC01.key()).isEqualTo("spec01");
	}

	@Test
	void engagementCountsTheCallsAndMeetingsWithTheClient() {
		ExecutiveFacts six = new ExecutiveFacts(1, 2, TODAY.minusDays(20), 3, null, 0, 6);
		ComponentScore engaged = component(facts(six, null), "engagement");
		assertThat(engaged.points()).isEqualTo(20);
		assertThat(engaged.explanation(TODAY)).isEqualTo(
				"6 calls and meetings with the client in the last 90 days (last executive touch: Nov 7, 20 days ago)");
		ExecutiveFacts one = new ExecutiveFacts(1, 0, null, 1, null, 0, 1);
		assertThat(component(facts(one, null), "engagement").points()).isEqualTo(8);
		assertThat(component(facts(one, null), "engagement").explanation(TODAY))
			.isEqualTo("1 call or meeting with the client in the last 90 days (last executive touch: none on record)");
		ExecutiveFacts three = new ExecutiveFacts(1, 0, null, 1, null, 0, 3);
		assertThat(component(facts(three, null), "engagement").points()).isEqualTo(15);
		ExecutiveFacts none = new ExecutiveFacts(1, 0, null, 0, null, 0, 0);
		assertThat(component(facts(none, null), "engagement").points()).isZero();
		ComponentScore missing = component(facts(null, null), "engagement");
		assertThat(missing.missing()).isTrue();
		assertThat(missing.explanation(TODAY)).startsWith("No call, email, meeting or note on record — not scored");
	}

	@Test
	void outcomesReadTheTimeToFillAgainstTheSla() {
		// whole days, the bound included: 20.6 days is 21, within the enhanced SLA
		HiringFacts fast = new HiringFacts(1, 4, 5, null, null, 0, new BigDecimal("20.6"));
		ComponentScore outcomes = component(facts(null, fast), "outcomes");
		assertThat(outcomes.points()).isEqualTo(20);
		assertThat(outcomes.explanation(TODAY)).isEqualTo("Jobs filled in the last 90 days took 21 days on average");
		assertThat(component(facts(null, new HiringFacts(1, 4, 5, null, null, 0, new BigDecimal("21.5"))), "outcomes")
			.points()).isEqualTo(15);
		assertThat(component(facts(null, new HiringFacts(1, 4, 5, null, null, 0, new BigDecimal("30"))), "outcomes")
			.points()).isEqualTo(15);
		assertThat(component(facts(null, new HiringFacts(1, 4, 5, null, null, 0, new BigDecimal("45"))), "outcomes")
			.points()).isEqualTo(8);
		assertThat(component(facts(null, new HiringFacts(1, 4, 5, null, null, 0, new BigDecimal("46"))), "outcomes")
			.points()).isZero();
		ComponentScore none = component(facts(null, new HiringFacts(1, 4, 5, null, null, 0)), "outcomes");
		assertThat(none.missing()).isTrue();
		assertThat(none.explanation(TODAY)).startsWith("No job filled in the last 90 days — not scored");
		assertThat(component(facts(null, null), "outcomes").missing()).isTrue();
	}

	@Test
	void theMovesSayWhatWouldReachEachBand() {
		assertThat(change("engagement", 0)).isEqualTo("6+ calls and meetings with the client in 90 days");
		assertThat(change("engagement", 2)).isEqualTo("1 call or meeting with the client in 90 days");
		assertThat(change("engagement", 3)).isEqualTo("No call or meeting with the client");
		assertThat(change("outcomes", 0)).isEqualTo("filling jobs in 21 days or less on average");
		assertThat(change("outcomes", 3)).isEqualTo("Takes over 45 days to fill");
	}

	@Test
	void aWholeAccountScoredWithThePreset() {
		AccountFacts abc = new AccountFacts(1, TODAY, new HiringFacts(1, 12, 10, null, null, 3, new BigDecimal("45")),
				new io.intime.billing.PaymentFacts(1, 6, BigDecimal.valueOf(52), false, 0, null, null),
				new io.intime.engagement.NpsFacts(1, 6, new BigDecimal("5.0"), 3, TODAY, null, 15, 75),
				new ExecutiveFacts(1, 1, TODAY.minusDays(45), 2, null, 0, 2), null, null);
		Score score = HealthScorer.score(model, abc);
		// engagement 8, satisfaction 10, usage 15, financial 5, outcomes 8
		assertThat(score.components()).extracting(ComponentScore::points).containsExactly(8, 10, 15, 5, 8);
		assertThat(score.total()).isEqualTo(46);
	}

}
