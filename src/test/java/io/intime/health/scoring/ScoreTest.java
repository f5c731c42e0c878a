package io.intime.health.scoring;

import static io.intime.health.scoring.FactsBuilder.TODAY;
import static io.intime.health.scoring.FactsBuilder.facts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import io.intime.health.model.DefaultHealthModel;
import io.intime.health.model.HealthModel;
import io.intime.health.model.Measure;
import org.junit.jupiter.api.Test;

/** A score's fingerprints and points as stored, and a component as stored and as read. */
class ScoreTest {

	private final HealthModel model = DefaultHealthModel.create();

	@Test
	void pointsAsStoredWithNullWhereMissing() {
		Score score = HealthScorer.score(model, facts().daysToPay(22).escalations(2, 0).build());
		assertThat(score.points()).containsExactly(0, 15, null, null, 0, 5);
	}

	@Test
	void theDetailFingerprintFollowsTheInputsNotThePoints() {
		// Both in hiring's top band: the same points, other inputs.
		Score a = HealthScorer.score(model, facts().hiring(11, 16).build());
		Score b = HealthScorer.score(model, facts().hiring(20, 30).build());
		assertThat(a.components().get(0).points()).isEqualTo(b.components().get(0).points());
		assertThat(a.detailFingerprint()).isNotEqualTo(b.detailFingerprint());
		assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
		assertThat(a.detailFingerprint()).isNotZero();
		// Missing inputs (no payment, NPS or executive facts) hash too, and equal facts
		// hash equally.
		Score again = HealthScorer.score(model, facts().hiring(11, 16).build());
		assertThat(again.detailFingerprint()).isEqualTo(a.detailFingerprint());
		assertThat(again.fingerprint()).isEqualTo(a.fingerprint());
	}

	@Test
	void aNewModelVersionWithTheSameRulesChangesTheFingerprintButNotTheDetails() {
		AccountFacts facts = facts().hiring(5, 9).daysToPay(22).build();
		Score v0 = HealthScorer.score(model, facts);
		Score v1 = HealthScorer.score(model.saved(1, null, null, null), facts);
		assertThat(v1.detailFingerprint()).isEqualTo(v0.detailFingerprint());
		assertThat(v1.fingerprint()).isNotEqualTo(v0.fingerprint());
	}

	@Test
	void componentAsStored() {
		HealthModel.Component payment = model.components().get(1);
		assertThat(ComponentScore.stored(payment, 20, BigDecimal.TEN, null, 0, "s").reached())
			.isEqualTo("Pay <15 days");
		assertThat(ComponentScore.stored(payment, 0, BigDecimal.TEN, null, 4, "s").reached())
			.isEqualTo(">60 days or collections involvement");
		assertThat(ComponentScore.stored(payment, 0, BigDecimal.TEN, null, 5, "s").reached())
			.isEqualTo("None of the bands");
		assertThat(ComponentScore.stored(payment, 0, BigDecimal.TEN, null, ComponentScore.NO_BAND, "s").reached())
			.isEqualTo("None of the bands");
		assertThat(ComponentScore.stored(payment, 0, null, null, ComponentScore.COLLECTIONS, "s").reached())
			.isEqualTo("Collections involvement (an invoice written off)");
		ComponentScore missing = ComponentScore.stored(payment, null, null, null, 0, "s");
		assertThat(missing.reached()).isEqualTo("Not measured");
		assertThat(missing.missing()).isTrue();
		ComponentScore stored = ComponentScore.stored(payment, 15, BigDecimal.TEN, BigDecimal.ONE, 1, "sentence");
		assertThat(stored.key()).isEqualTo("payment");
		assertThat(stored.label()).isEqualTo("Payment Promptness");
		assertThat(stored.measure()).isEqualTo(Measure.PAYMENT_PROMPTNESS);
		assertThat(stored.maximum()).isEqualTo(20);
		assertThat(stored.x()).isEqualTo(BigDecimal.TEN);
		assertThat(stored.y()).isEqualTo(BigDecimal.ONE);
		assertThat(stored.band()).isEqualTo(1);
		assertThat(stored.sentence()).isEqualTo("sentence");
	}

	@Test
	void percentOfTheMaximum() {
		assertThat(component(15, 20).percent()).isEqualTo(75);
		assertThat(component(1, 3).percent()).isEqualTo(33);
		assertThat(component(2, 3).percent()).isEqualTo(67);
		assertThat(component(0, 20).percent()).isZero();
		assertThat(component(null, 20).percent()).isZero();
	}

	@Test
	void dayTokensAreRenderedWhereverTheyStand() {
		ComponentScore c = new ComponentScore("k", "K", Measure.NPS, 5, 20, null, null, 0, "r",
				"{days:2026-11-20} days since, then {days:2026-11-26}");
		assertThat(c.explanation(TODAY)).isEqualTo("7 days since, then 1");
		assertThat(component(5, 20).explanation(TODAY)).isEqualTo("plain");
	}

	@Test
	void noFactsAtAll() {
		AccountFacts none = AccountFacts.none(42, TODAY);
		assertThat(none.accountId()).isEqualTo(42);
		assertThat(none.asOf()).isEqualTo(TODAY);
		assertThat(none.hiring()).isNull();
		assertThat(none.payment()).isNull();
		assertThat(HealthScorer.score(model, none).measuredMaximum()).isEqualTo(45);
	}

	private static ComponentScore component(Integer points, int maximum) {
		return new ComponentScore("k", "K", Measure.NPS, points, maximum, null, null, 0, "r", "plain");
	}

}
