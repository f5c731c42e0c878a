package io.intime.health.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import io.intime.billing.PaymentFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.IssueFacts;
import io.intime.health.model.DefaultHealthModel;
import io.intime.health.model.HealthModel;
import io.intime.revenue.PipelineFacts;
import io.intime.staffing.HiringFacts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the default model over arbitrary facts: the total stays in 0–100, and it
 * never falls when one input improves (more open jobs or hires, faster payment, a better
 * NPS, more executive touchpoints or engaged contacts, a larger pipeline, fewer
 * escalations).
 */
class HealthScorePropertiesTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	private final HealthModel model = DefaultHealthModel.create();

	/** The inputs of one account; a null part is "no records". */
	record Inputs(int openJobs, int hires, Integer daysToPay, boolean writtenOff, Integer npsTenths,
			Integer touchpoints, int contacts, int largestOpen, int openOpportunities, int escalations,
			int openEscalations) {

		AccountFacts facts() {
			return new AccountFacts(1, TODAY, new HiringFacts(1, openJobs, hires, null, null, 0),
					daysToPay == null && !writtenOff ? null
							: new PaymentFacts(1, 3, daysToPay == null ? null : BigDecimal.valueOf(daysToPay),
									writtenOff, 0, null, null),
					npsTenths == null ? null
							: new NpsFacts(1, 2, BigDecimal.valueOf(npsTenths, 1).setScale(1, RoundingMode.HALF_UP),
									null, null, null, null, null),
					touchpoints == null ? null : new ExecutiveFacts(1, touchpoints, null, contacts, null, 0),
					new PipelineFacts(1, openOpportunities,
							openOpportunities == 0 ? null : BigDecimal.valueOf(largestOpen), null),
					new IssueFacts(1, escalations, 0, openEscalations, null, null));
		}
	}

	@Provide
	Arbitrary<Inputs> inputs() {
		Arbitrary<Integer> small = Arbitraries.integers().between(0, 40);
		return Combinators
			.combine(
					Combinators
						.combine(small, small, Arbitraries.integers().between(0, 150).injectNull(0.2),
								Arbitraries.of(false, false, false, true),
								Arbitraries.integers().between(0, 100).injectNull(0.2))
						.as((a, b, c, d, e) -> new Object[] { a, b, c, d, e }),
					Combinators
						.combine(Arbitraries.integers().between(0, 10).injectNull(0.2), small,
								Arbitraries.integers().between(0, 900_000), Arbitraries.integers().between(0, 4),
								Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 3))
						.as((f, g, h, i, j, k) -> new Object[] { f, g, h, i, j, k }))
			.as((x, y) -> new Inputs((Integer) x[0], (Integer) x[1], (Integer) x[2], (Boolean) x[3], (Integer) x[4],
					(Integer) y[0], (Integer) y[1], (Integer) y[2], (Integer) y[3], (Integer) y[4], (Integer) y[5]));
	}

	@Property
	void totalStaysWithinZeroAndHundred(@ForAll("inputs") Inputs inputs) {
		Score score = HealthScorer.score(model, inputs.facts());
		assertThat(score.total()).isBetween(0, 100);
		score.components()
			.stream()
			.filter(c -> !c.missing())
			.forEach(c -> assertThat(c.points()).isBetween(0, c.maximum()));
	}

	@Property
	void totalNeverFallsWhenOneInputImproves(@ForAll("inputs") Inputs i, @ForAll @IntRange(min = 0, max = 10) int which,
			@ForAll @IntRange(min = 1, max = 20) int by) {
		Inputs better = switch (which) {
			case 0 ->
				new Inputs(i.openJobs() + by, i.hires(), i.daysToPay(), i.writtenOff(), i.npsTenths(), i.touchpoints(),
						i.contacts(), i.largestOpen(), i.openOpportunities(), i.escalations(), i.openEscalations());
			case 1 ->
				new Inputs(i.openJobs(), i.hires() + by, i.daysToPay(), i.writtenOff(), i.npsTenths(), i.touchpoints(),
						i.contacts(), i.largestOpen(), i.openOpportunities(), i.escalations(), i.openEscalations());
			case 2 ->
				new Inputs(i.openJobs(), i.hires(), i.daysToPay() == null ? null : Math.max(0, i.daysToPay() - by),
						i.writtenOff(), i.npsTenths(), i.touchpoints(), i.contacts(), i.largestOpen(),
						i.openOpportunities(), i.escalations(), i.openEscalations());
			case 3 -> new Inputs(i.openJobs(), i.hires(), i.daysToPay(), i.writtenOff(),
					i.npsTenths() == null ? null : Math.min(100, i.npsTenths() + by), i.touchpoints(), i.contacts(),
					i.largestOpen(), i.openOpportunities(), i.escalations(), i.openEscalations());
			case 4 -> new Inputs(i.openJobs(), i.hires(), i.daysToPay(), i.writtenOff(), i.npsTenths(),
					i.touchpoints() == null ? null : i.touchpoints() + by, i.contacts(), i.largestOpen(),
					i.openOpportunities(), i.escalations(), i.openEscalations());
			case 5 -> new Inputs(i.openJobs(), i.hires(), i.daysToPay(), i.writtenOff(), i.npsTenths(), i.touchpoints(),
					i.contacts() + by, i.largestOpen(), i.openOpportunities(), i.escalations(), i.openEscalations());
			case 6 -> new Inputs(i.openJobs(), i.hires(), i.daysToPay(), i.writtenOff(), i.npsTenths(), i.touchpoints(),
					i.contacts(), i.largestOpen() + by * 20_000, Math.max(1, i.openOpportunities()), i.escalations(),
					i.openEscalations());
			case 7 -> new Inputs(i.openJobs(), i.hires(), i.daysToPay(), i.writtenOff(), i.npsTenths(), i.touchpoints(),
					i.contacts(), i.largestOpen(), i.openOpportunities() + by, i.escalations(), i.openEscalations());
			case 8 -> new Inputs(i.openJobs(), i.hires(), i.daysToPay(), i.writtenOff(), i.npsTenths(), i.touchpoints(),
					i.contacts(), i.largestOpen(), i.openOpportunities(), Math.max(0, i.escalations() - by),
					i.openEscalations());
			case 9 -> new Inputs(i.openJobs(), i.hires(), i.daysToPay(), i.writtenOff(), i.npsTenths(), i.touchpoints(),
					i.contacts(), i.largestOpen(), i.openOpportunities(), i.escalations(),
					Math.max(0, i.openEscalations() - by));
			default -> new Inputs(i.openJobs(), i.hires(), i.daysToPay() == null ? 10 : i.daysToPay(), false,
					i.npsTenths(), i.touchpoints(), i.contacts(), i.largestOpen(), i.openOpportunities(),
					i.escalations(), i.openEscalations());
		};
		if (which == 10 && (!i.writtenOff() || i.daysToPay() == null)) {
			return; // clearing a write-off only improves an account whose payments are
					// measured otherwise
		}
		int before = HealthScorer.score(model, i.facts()).total();
		int after = HealthScorer.score(model, better.facts()).total();
		assertThat(after).as("%s improved (%d) to %s", i, which, better).isGreaterThanOrEqualTo(before);
	}

}
