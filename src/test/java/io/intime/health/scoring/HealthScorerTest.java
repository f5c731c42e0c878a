package io.intime.health.scoring;

import static io.intime.health.scoring.FactsBuilder.facts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.intime.accounts.HealthBand;
import io.intime.health.model.DefaultHealthModel;
import io.intime.health.model.HealthModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default model (spec 03 Appendix C): every band of every component, the total, and
 * its colour.
 */
class HealthScorerTest {

	private final HealthModel model = DefaultHealthModel.create();

	private ComponentScore component(AccountFacts facts, String key) {
		return HealthScorer.score(model, facts)
			.components()
			.stream()
			.filter(c -> c.key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	@ParameterizedTest(name = "{0} open jobs, {1} hires in 90 days → {2}")
	@CsvSource({ "11,16,25", "20,30,25", "11,15,20", "10,16,20", "5,9,20", "5,8,15", "4,9,15", "2,3,15", "2,2,10",
			"1,0,10", "1,20,10", "0,30,0", "0,0,0" })
	void hiringVelocityBands(int open, int hires, int points) {
		assertThat(component(facts().hiring(open, hires).build(), "hiring").points()).isEqualTo(points);
	}

	@ParameterizedTest(name = "{0} days to pay → {1}")
	@CsvSource({ "0,20", "14,20", "14.4,20", "14.5,15", "15,15", "30,15", "31,10", "45,10", "46,5", "60,5", "61,0",
			"120,0" })
	void paymentPromptnessBands(double days, int points) {
		assertThat(component(facts().daysToPay(days).build(), "payment").points()).isEqualTo(points);
	}

	@Test
	void paymentIsZeroWithCollectionsInvolvement() {
		ComponentScore payment = component(facts().writtenOff().build(), "payment");
		assertThat(payment.points()).isZero();
		assertThat(payment.explanation(FactsBuilder.TODAY)).contains("written off");
	}

	@ParameterizedTest(name = "average NPS {0} → {1}")
	@CsvSource({ "10,20", "9,20", "8.9,15", "7,15", "6.9,10", "5,10", "4.9,5", "3,5", "2.9,0", "0,0" })
	void npsBands(double average, int points) {
		assertThat(component(facts().nps(average).build(), "nps").points()).isEqualTo(points);
	}

	@ParameterizedTest(name = "{0} executive touchpoints, {1} contacts engaged → {2}")
	@CsvSource({ "3,1,15", "7,4,15", "2,1,10", "1,1,10", "0,2,5", "0,5,5", "0,1,0", "0,0,0" })
	void executiveEngagementBands(int touchpoints, int contacts, int points) {
		assertThat(component(facts().executive(touchpoints, contacts).build(), "executive").points()).isEqualTo(points);
	}

	@ParameterizedTest(name = "largest open ${0} of {1} open → {2}")
	// DESIGN decision 4: "> $100K" is strictly above, so exactly $100,000 is the lower
	// band
	@CsvSource({ "500000,1,10", "100001,1,10", "100000,2,5", "99999,1,5", "5000,3,5", "0,0,0" })
	void expansionPipelineBands(long largest, int open, int points) {
		assertThat(component(facts().pipeline(largest, open).build(), "expansion").points()).isEqualTo(points);
	}

	@ParameterizedTest(name = "{0} escalations in 90 days, {1} open → {2}")
	@CsvSource({ "0,0,10", "1,0,5", "2,0,5", "3,0,0", "1,1,0", "0,1,0", "5,2,0" })
	void issueFrequencyBands(int inWindow, int open, int points) {
		assertThat(component(facts().escalations(inWindow, open).build(), "issues").points()).isEqualTo(points);
	}

	@ParameterizedTest(name = "{0} escalations in 90 days, {1} resolved outside the SLA → {2}")
	@CsvSource({ "1,0,5", "2,0,5", "1,1,0", "2,1,0" })
	void resolvedQuicklyMeansWithinTheSlaPolicy(int inWindow, int late, int points) {
		// DESIGN decision 4: "1–2 escalations, resolved quickly" reads the policy's
		// resolution time
		assertThat(component(facts().escalations(inWindow, 0, late).build(), "issues").points()).isEqualTo(points);
	}

	@Test
	void scoresDataSystemsRedWhenTwoEscalationsAndNoHiring() {
		AccountFacts dataSystems = facts().lastHire(FactsBuilder.TODAY.minusDays(60), "Frontend Developer")
			.daysToPay(22)
			.nps(3)
			.executive(1, 2)
			.escalations(2, 0)
			.build();
		Score score = HealthScorer.score(model, dataSystems);
		assertThat(score.components()).extracting(ComponentScore::points).containsExactly(0, 15, 5, 10, 0, 5);
		assertThat(score.total()).isEqualTo(35);
		assertThat(score.band()).isEqualTo(HealthBand.RED);
		assertThat(score.components().get(0).explanation(FactsBuilder.TODAY))
			.isEqualTo("No active jobs (last hire: Sep 28, Frontend Developer, 60 days ago)");
		assertThat(score.components().get(5).explanation(FactsBuilder.TODAY))
			.startsWith("2 escalations in the last 90 days, all resolved");
	}

	@Test
	void dayCountsAreCountedToTheDayTheyAreRead() {
		AccountFacts facts = facts().lastHire(FactsBuilder.TODAY.minusDays(60), "Frontend Developer")
			.overdue(40, 45, "INV-2024-0847")
			.executive(0, 1)
			.build();
		Score score = HealthScorer.score(model, facts);
		ComponentScore hiring = score.components().get(0);
		assertThat(hiring.sentence()).contains("{days:2026-09-28} days ago");
		assertThat(hiring.explanation(FactsBuilder.TODAY.plusDays(1)))
			.isEqualTo("No active jobs (last hire: Sep 28, Frontend Developer, 61 days ago)");
		assertThat(score.components().get(1).explanation(FactsBuilder.TODAY))
			.endsWith("INV-2024-0847 is 45 days overdue");
		assertThat(score.components().get(1).explanation(FactsBuilder.TODAY.plusDays(2)))
			.endsWith("INV-2024-0847 is 47 days overdue");
	}

	@Test
	void aDayPassingWithoutAnyChangeLeavesTheFingerprintAlone() {
		FactsBuilder facts = facts().lastHire(FactsBuilder.TODAY.minusDays(60), "Frontend Developer")
			.daysToPay(22)
			.nps(3)
			.executive(1, 2)
			.escalations(2, 0);
		Score today = HealthScorer.score(model, facts.build());
		Score tomorrow = HealthScorer.score(model, facts.buildAsOf(FactsBuilder.TODAY.plusDays(1)));
		assertThat(tomorrow.fingerprint()).isEqualTo(today.fingerprint());
		Score moreNps = HealthScorer.score(model, facts.nps(7).buildAsOf(FactsBuilder.TODAY.plusDays(1)));
		assertThat(moreNps.fingerprint()).isNotEqualTo(today.fingerprint());
	}

	@Test
	void bandsOfTheTotal() {
		assertThat(model.bandOf(100)).isEqualTo(HealthBand.GREEN);
		assertThat(model.bandOf(80)).isEqualTo(HealthBand.GREEN);
		assertThat(model.bandOf(79)).isEqualTo(HealthBand.YELLOW);
		assertThat(model.bandOf(50)).isEqualTo(HealthBand.YELLOW);
		assertThat(model.bandOf(49)).isEqualTo(HealthBand.RED);
		assertThat(model.bandOf(0)).isEqualTo(HealthBand.RED);
	}

	@Test
	void missingInputsAreNotScoredAndTheTotalIsScaled() {
		// No invoice, no NPS response, no activity: 45 of 100 points cannot be measured.
		Score score = HealthScorer.score(model, facts().hiring(12, 20).pipeline(200000, 1).escalations(0, 0).build());
		List<ComponentScore> missing = score.components().stream().filter(ComponentScore::missing).toList();
		assertThat(missing).extracting(ComponentScore::key).containsExactly("payment", "nps", "executive");
		assertThat(missing.get(1).explanation(FactsBuilder.TODAY))
			.startsWith("No NPS response in the last 180 days — not scored")
			.contains("Rule: 20 = NPS 9–10 (promoter)");
		assertThat(score.measuredMaximum()).isEqualTo(45);
		assertThat(score.total()).isEqualTo(100);
	}

	@Test
	void aComponentNeverExceedsItsMaximum() {
		HealthModel generous = new HealthModel(2, "odd",
				List.of(new HealthModel.Component("hiring", "Hiring", io.intime.health.model.Measure.HIRING_VELOCITY,
						10, 90, List.of(new HealthModel.Band(25, "all", null, null, null, null)))),
				80, 50, null, null, null);
		assertThat(HealthScorer.score(generous, facts().build()).components().get(0).points()).isEqualTo(10);
	}

}
